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

    private final AmiNewLegs newLegs;

    AmiCallTracker(AmiPbx pbx) {
        this.pbx = pbx;
        this.newLegs = new AmiNewLegs(pbx, this);
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
        /** Variables every channel created later for this call starts with (inherited ones, the call's data). */
        final Map<String, String> inherited = new LinkedHashMap<>();
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
        view.variables().forEach((name, value) -> t.inherited.put(channelVariable(name), value));
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
            t.set(i, now.isGone() ? null : newLegs.appear(t, view, i), now);
        }
        if (view.ended() && t.legs.stream().allMatch(c -> c == null || c.hungUp || !t.callId.equals(c.callId))) {
            calls.remove(view.id());
        }
    }

    // ---- a leg changes

    private void change(Tracked t, AmiChannel c, LegState before, LegState now) {
        if (before == LegState.ALERTING && now == LegState.ACTIVE && t.ringStart.containsKey(c)) {
            answer(t, c);
        } else if (c.redirected) {
            return; // held or retrieved by Redirect and Bridge: those actions published what Asterisk shows
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
    Optional<AmiChannel> consultChannelOf(String mainCallId, String agentId) {
        return calls.values().stream().filter(x -> x.kind == CallKind.CONSULT && mainCallId.equals(x.associatedCallId))
                .flatMap(x -> x.legs.stream()).filter(c -> c != null && !c.hungUp && agentId.equals(c.agentId)).findFirst();
    }

    /** The channel leaves its bridge without hanging up (it moves to another call's bridge). */
    void leaveBridgeOnly(AmiChannel c) {
        AmiBridge bridge = c.bridge;
        if (bridge != null) {
            bridge.channels.remove(c);
            c.bridge = null;
            pbx.bus.publish(AmiEvents.bridgeChannel("BridgeLeave", bridge, c));
        }
    }

    // ---- helpers

    /**
     * The channel variable a model call variable is: {@code callVariableN} is {@code GC_CVN} (the
     * asterisk-adapter's default call-variables mapping), any other name is itself.
     */
    static String channelVariable(String modelName) {
        return modelName.matches("callVariable\\d+") ? "GC_CV" + modelName.substring("callVariable".length()) : modelName;
    }

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
