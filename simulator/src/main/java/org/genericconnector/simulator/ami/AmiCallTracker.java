package org.genericconnector.simulator.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.LegState;
import org.genericconnector.simulator.model.LegView;

/**
 * Turns the model's calls into Asterisk channels and the events app_queue, Dial and the bridging core
 * publish, by comparing each call with what was last seen of it: a new leg is a Newchannel (a caller joining
 * its queue, or a phone being dialed), a leg that starts talking is an answer and a bridge, a leg that is
 * gone is a hang-up (or a ring no answer, or an abandon). Mutable; confined to the contact center's lock.
 */
final class AmiCallTracker {
    private final AmiPbx pbx;
    private final Map<String, Tracked> calls = new LinkedHashMap<>();
    /** Channels an Originate rang (the agent's phone), waiting for the model call they place. */
    private final Map<String, AmiChannel> originating = new HashMap<>();
    /** ChanSpy channels (the supervisor's) and the channel each one spies on. */
    final Map<AmiChannel, AmiChannel> spies = new HashMap<>();

    AmiCallTracker(AmiPbx pbx) {
        this.pbx = pbx;
    }

    /** What the PBX knows of one model call. */
    static final class Tracked {
        final String callId;
        final CallKind kind;
        final String queue;
        /** The main call of a consult or monitor call, else null. */
        final String associatedCallId;
        final List<AmiChannel> legs = new ArrayList<>();
        final List<LegState> states = new ArrayList<>();
        final Map<AmiChannel, Instant> ringStart = new HashMap<>();
        AmiBridge bridge;
        boolean inQueue;
        Instant joinedAt;
        int originalPosition;
        AmiChannel connectedAgent;
        Instant connectedAt;
        /** AgentComplete's Reason: {@code caller} unless a transfer ended the agent's part. */
        String completeReason = "caller";

        Tracked(CallView view) {
            this.callId = view.id();
            this.kind = view.kind();
            this.associatedCallId = view.associatedCallId();
            this.queue = view.queue() == null ? null : view.queue().toLowerCase(java.util.Locale.ROOT);
        }

        AmiChannel channel(int index) {
            return index < legs.size() ? legs.get(index) : null;
        }

        LegState state(int index) {
            return index < states.size() ? states.get(index) : null;
        }

        void set(int index, AmiChannel channel, LegState state) {
            while (legs.size() <= index) {
                legs.add(null);
                states.add(null);
            }
            if (channel != null) {
                legs.set(index, channel);
            }
            states.set(index, state);
        }

        /** The calling party: the first leg's channel. */
        AmiChannel caller() {
            return legs.isEmpty() ? null : legs.get(0);
        }
    }

    List<String> openCallIds() {
        return List.copyOf(calls.keySet());
    }

    Optional<Tracked> tracked(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** An Originate rang this agent's phone and it answered; the call it places takes this channel. */
    void originating(String agentId, AmiChannel channel) {
        originating.put(agentId, channel);
    }

    Optional<AmiChannel> takeOriginating(String agentId) {
        return Optional.ofNullable(originating.remove(agentId));
    }

    /** The number of callers waiting in a queue, as app_queue counts them (ringing ones included). */
    int waiting(String queue) {
        return (int) calls.values().stream().filter(t -> t.inQueue && queue.equals(t.queue)).count();
    }

    /** The callers in a queue, first in line first. */
    List<Tracked> queued(String queue) {
        return calls.values().stream().filter(t -> t.inQueue && queue.equals(t.queue)).toList();
    }

    /** Gone legs first (hang-ups), then changed legs, then new legs, as Asterisk tears down before it dials on. */
    void reconcile(CallView view) {
        Tracked t = calls.computeIfAbsent(view.id(), id -> new Tracked(view));
        List<Integer> gone = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < view.legs().size(); i++) {
            LegState now = view.legs().get(i).state();
            if (t.channel(i) == null && t.state(i) == null) {
                fresh.add(i);
            } else if (t.channel(i) != null && t.state(i) != now) {
                (now.isGone() ? gone : changed).add(i);
            }
        }
        if (!gone.isEmpty()) {
            new AmiHangups(pbx, t, view).hangUp(gone.stream().map(t::channel).toList());
        }
        for (int i : changed) {
            change(t, t.channel(i), t.state(i), view.legs().get(i).state());
        }
        for (int i : gone) {
            t.set(i, null, view.legs().get(i).state());
        }
        for (int i : changed) {
            t.set(i, null, view.legs().get(i).state());
        }
        for (int i : fresh) {
            LegState now = view.legs().get(i).state();
            t.set(i, now.isGone() ? null : appear(t, view, i), now);
        }
        if (view.ended() && t.legs.stream().allMatch(c -> c == null || c.hungUp)) {
            calls.remove(view.id());
        }
    }

    // ---- a leg appears

    private AmiChannel appear(Tracked t, CallView view, int index) {
        LegView leg = view.legs().get(index);
        if (t.kind == CallKind.SUPERVISOR_MONITOR && index > 0) {
            return null; // the monitored agent's listening leg is not a channel of its own
        }
        if (leg.agentId() == null) {
            return index == 0 ? callerArrives(t, view, leg) : outsideDialed(t, leg);
        }
        if (index == 0) {
            return agentDials(t, view, leg);
        }
        return leg.state() == LegState.ALERTING ? ring(t, view, leg) : joinTalking(t, leg);
    }

    /** A call from a trunk: the channel rings in, is answered, and joins its queue (or dials the agent). */
    private AmiChannel callerArrives(Tracked t, CallView view, LegView leg) {
        String exten = t.queue != null ? t.queue : view.toAddress();
        AmiChannel c = pbx.newChannel("PJSIP/trunk", null, null, t.callId, null, "from-trunk", exten, leg.address(), "<unknown>");
        c.state = AmiChannel.RING;
        c.application = t.queue != null ? "Queue" : "Dial";
        c.applicationData = t.queue != null ? t.queue + ",tT" : "PJSIP/" + view.toAddress();
        publish(AmiEvents.channel("Newchannel", "call,all", c));
        c.state = AmiChannel.UP;
        c.priority = 2;
        publish(AmiEvents.channel("Newstate", "call,all", c));
        if (t.kind == CallKind.ACD_IN && t.queue != null) {
            t.inQueue = true;
            t.joinedAt = pbx.now();
            int count = waiting(t.queue);
            t.originalPosition = count;
            publish(AmiEvents.channel("QueueCallerJoin", "agent,all", c).add("Queue", t.queue).add("Position", count)
                    .add("Count", count));
            publish(AmiEvents.channel("MusicOnHoldStart", "call,all", c).add("Class", "default"));
        }
        return c;
    }

    /** An agent's phone dials (make call, consult): an Originate's channel, or the phone going off-hook. */
    private AmiChannel agentDials(Tracked t, CallView view, LegView leg) {
        String extension = leg.address();
        Optional<AmiChannel> originated = takeOriginating(leg.agentId());
        if (originated.isPresent()) {
            originated.get().callId = t.callId;
            return originated.get();
        }
        String name = pbx.center.agent(leg.agentId()).map(a -> a.profile().firstName() + " " + a.profile().lastName()).orElse("");
        AmiChannel c = pbx.newChannel("PJSIP/" + extension, extension, leg.agentId(), t.callId, null, "from-internal",
                view.toAddress(), extension, name);
        c.state = AmiChannel.RING;
        c.application = "Dial";
        publish(AmiEvents.channel("Newchannel", "call,all", c));
        pbx.refreshDevice(extension);
        return c;
    }

    /** The dialed outside party of an agent's call: a trunk channel that rings and answers. */
    private AmiChannel outsideDialed(Tracked t, LegView leg) {
        AmiChannel from = firstLive(t);
        AmiChannel c = pbx.newChannel("PJSIP/trunk", null, null, t.callId, from == null ? null : from.linkedid, "from-internal",
                leg.address(), leg.address(), "<unknown>");
        if (from != null) {
            c.connectedNum = from.callerIdNum;
            c.connectedName = from.callerIdName;
        }
        publish(AmiEvents.channel("Newchannel", "call,all", c));
        publish(AmiEvents.pair("DialBegin", "call,all", from, c).add("DialString", "trunk/" + leg.address()));
        c.state = AmiChannel.RINGING;
        publish(AmiEvents.channel("Newstate", "call,all", c));
        if (leg.state() == LegState.ACTIVE) {
            c.state = AmiChannel.UP;
            publish(AmiEvents.channel("Newstate", "call,all", c));
            publish(AmiEvents.pair("DialEnd", "call,all", from, c).add("DialStatus", "ANSWER"));
            bridge(t, from, c);
        }
        return c;
    }

    /** A phone rings for the call: AgentCalled when a queue rings it, DialBegin, Ringing, member status 6. */
    private AmiChannel ring(Tracked t, CallView view, LegView leg) {
        AmiChannel caller = firstLive(t);
        String extension = leg.address();
        AmiChannel c = pbx.newChannel("PJSIP/" + extension, extension, leg.agentId(), t.callId,
                caller == null ? null : caller.linkedid, "from-internal", extension,
                caller == null ? "<unknown>" : caller.callerIdNum, caller == null ? "<unknown>" : caller.callerIdName);
        if (caller != null) {
            c.connectedNum = caller.callerIdNum;
            c.connectedName = caller.callerIdName;
        }
        publish(AmiEvents.channel("Newchannel", "call,all", c));
        if (t.inQueue) {
            publish(AmiEvents.pair("AgentCalled", "agent,all", caller, c).add("Queue", t.queue)
                    .add("Interface", "PJSIP/" + extension).add("MemberName", memberName(t, c)));
        }
        publish(AmiEvents.pair("DialBegin", "call,all", caller, c).add("DialString", t.inQueue ? "PJSIP/" + extension : extension));
        c.state = AmiChannel.RINGING;
        publish(AmiEvents.channel("Newstate", "call,all", c));
        pbx.refreshDevice(extension);
        if (caller != null) {
            publish(AmiEvents.pair("DialState", "call,all", caller, c).add("DialStatus", "RINGING"));
        }
        t.ringStart.put(c, pbx.now());
        return c;
    }

    /** An agent joins a call that is already talking (a barge-in, a conference). */
    private AmiChannel joinTalking(Tracked t, LegView leg) {
        Optional<AmiChannel> originated = takeOriginating(leg.agentId());
        if (originated.isPresent()) { // a barge-in: the supervisor's ChanSpy channel joins the call
            originated.get().callId = t.callId;
            bridge(t, originated.get(), null);
            return originated.get();
        }
        Optional<AmiChannel> consulted = consultChannelOf(t.callId, leg.agentId());
        if (consulted.isPresent()) { // an attended transfer: the target's consult channel moves into this call
            AmiChannel c = consulted.get();
            leaveBridgeOnly(c);
            c.callId = t.callId;
            bridge(t, c, firstLive(t));
            return c;
        }
        AmiChannel from = firstLive(t);
        String extension = leg.address();
        AmiChannel c = pbx.newChannel("PJSIP/" + extension, extension, leg.agentId(), t.callId, from == null ? null : from.linkedid,
                "from-internal", extension, extension, "");
        c.state = AmiChannel.UP;
        publish(AmiEvents.channel("Newchannel", "call,all", c));
        pbx.refreshDevice(extension);
        bridge(t, c, null);
        return c;
    }

    // ---- a leg changes

    private void change(Tracked t, AmiChannel c, LegState before, LegState now) {
        if (before == LegState.ALERTING && now == LegState.ACTIVE && t.ringStart.containsKey(c)) {
            answer(t, c);
        } else if (now == LegState.HELD && !c.held) {
            c.held = true;
            publish(AmiEvents.channel("Hold", "call,all", c));
            others(t, c).forEach(o -> publish(AmiEvents.channel("MusicOnHoldStart", "call,all", o).add("Class", "default")));
            pbx.refreshDevice(c.extension);
        } else if (now == LegState.ACTIVE && c.held) {
            c.held = false;
            others(t, c).forEach(o -> publish(AmiEvents.channel("MusicOnHoldStop", "call,all", o)));
            publish(AmiEvents.channel("Unhold", "call,all", c));
            pbx.refreshDevice(c.extension);
        } else if (now == LegState.ACTIVE && c.bridge == null && firstLive(t) != c) {
            bridge(t, firstLive(t), c);
        }
    }

    /** The ringing phone answers: Up, DialEnd ANSWER, the caller leaves its queue (AgentConnect), a bridge. */
    private void answer(Tracked t, AmiChannel c) {
        AmiChannel caller = firstLive(t);
        Instant rang = t.ringStart.remove(c);
        c.state = AmiChannel.UP;
        pbx.refreshDevice(c.extension);
        publish(AmiEvents.channel("Newstate", "call,all", c));
        publish(AmiEvents.pair("DialEnd", "call,all", caller, c).add("DialStatus", "ANSWER"));
        if (t.inQueue && caller != null) {
            int position = queued(t.queue).indexOf(t) + 1;
            t.inQueue = false;
            publish(AmiEvents.channel("MusicOnHoldStop", "call,all", caller));
            publish(AmiEvents.channel("QueueCallerLeave", "agent,all", caller).add("Queue", t.queue).add("Position", position)
                    .add("Count", waiting(t.queue)));
            publish(AmiEvents.pair("AgentConnect", "agent,all", caller, c).add("Queue", t.queue)
                    .add("Interface", "PJSIP/" + c.extension).add("MemberName", memberName(t, c))
                    .add("HoldTime", seconds(t.joinedAt)).add("RingTime", seconds(rang)));
            t.connectedAgent = c;
            t.connectedAt = pbx.now();
            pbx.members.member(t.queue, "PJSIP/" + c.extension).ifPresent(m -> m.inCall = true);
        }
        bridge(t, c, caller);
    }

    /** Puts the channels in the call's bridge, creating it first; a channel not yet Up is answered. */
    void bridge(Tracked t, AmiChannel a, AmiChannel b) {
        if (t.bridge == null) {
            t.bridge = pbx.newBridge();
            pbx.bus.publish(AmiEvents.bridge("BridgeCreate", t.bridge));
        }
        for (AmiChannel c : new AmiChannel[] {a, b}) {
            if (c == null || c.bridge != null) {
                continue;
            }
            if (c.state != AmiChannel.UP) {
                c.state = AmiChannel.UP;
                publish(AmiEvents.channel("Newstate", "call,all", c));
                pbx.refreshDevice(c.extension);
            }
            c.bridge = t.bridge;
            t.bridge.channels.add(c);
            pbx.bus.publish(AmiEvents.bridgeChannel("BridgeEnter", t.bridge, c));
        }
    }

    // ---- consult calls

    /** The consult call an agent placed from {@code mainCallId}, if any. */
    Optional<Tracked> consultOf(String mainCallId, String agentId) {
        return calls.values().stream().filter(x -> x.kind == CallKind.CONSULT && mainCallId.equals(x.associatedCallId)
                && x.caller() != null && agentId.equals(x.caller().agentId)).findFirst();
    }

    /** The live channel {@code agentId} has in a consult call of {@code mainCallId} (a consulted party). */
    private Optional<AmiChannel> consultChannelOf(String mainCallId, String agentId) {
        return calls.values().stream().filter(x -> x.kind == CallKind.CONSULT && mainCallId.equals(x.associatedCallId))
                .flatMap(x -> x.legs.stream()).filter(c -> c != null && !c.hungUp && agentId.equals(c.agentId)).findFirst();
    }

    /** The channel leaves its bridge without hanging up (it moves to another call's bridge). */
    private void leaveBridgeOnly(AmiChannel c) {
        AmiBridge bridge = c.bridge;
        if (bridge != null) {
            bridge.channels.remove(c);
            c.bridge = null;
            pbx.bus.publish(AmiEvents.bridgeChannel("BridgeLeave", bridge, c));
        }
    }

    // ---- helpers

    String memberName(Tracked t, AmiChannel agentChannel) {
        String iface = "PJSIP/" + agentChannel.extension;
        return (t.queue == null ? Optional.<AmiMember>empty() : pbx.members.member(t.queue, iface))
                .map(m -> m.memberName).orElse(agentChannel.agentId);
    }

    long seconds(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, pbx.now()).toSeconds());
    }

    static AmiChannel firstLive(Tracked t) {
        return t.legs.stream().filter(c -> c != null && !c.hungUp).findFirst().orElse(null);
    }

    private static List<AmiChannel> others(Tracked t, AmiChannel c) {
        return t.legs.stream().filter(o -> o != null && o != c && !o.hungUp && o.state == AmiChannel.UP).toList();
    }

    private void publish(AmiMessage.Builder event) {
        pbx.bus.publish(event.build());
    }
}
