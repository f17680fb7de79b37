package org.genericconnector.simulator.ami;

import java.util.Optional;

import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.LegState;
import org.genericconnector.simulator.model.LegView;

/**
 * The events of a leg that appears in a call: a caller arriving from the trunk and joining its queue, an
 * agent's phone dialing out (or an Originate's channel taking the call), an outside number being dialed, a
 * phone ringing for the call, an agent joining a call that already talks. Part of {@link AmiCallTracker};
 * confined to the contact center's lock.
 */
final class AmiNewLegs {
    private final AmiPbx pbx;
    private final AmiCallTracker tracker;

    AmiNewLegs(AmiPbx pbx, AmiCallTracker tracker) {
        this.pbx = pbx;
        this.tracker = tracker;
    }


    AmiChannel appear(AmiCallTracker.Tracked t, CallView view, int index) {
        LegView leg = view.legs().get(index);
        if (t.kind == CallKind.SUPERVISOR_MONITOR && index > 0) {
            return null; // the monitored agent's listening leg is not a channel of its own
        }
        if (t.kind == CallKind.OUTBOUND_PREVIEW) {
            return null; // a dialer's reservation of the agent: nothing rings yet
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
    private AmiChannel callerArrives(AmiCallTracker.Tracked t, CallView view, LegView leg) {
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
            int count = tracker.waiting(t.queue);
            t.originalPosition = count;
            publish(AmiEvents.channel("QueueCallerJoin", "agent,all", c).add("Queue", t.queue).add("Position", count)
                    .add("Count", count));
            publish(AmiEvents.channel("MusicOnHoldStart", "call,all", c).add("Class", "default"));
        }
        return c;
    }

    /** An agent's phone dials (make call, consult): an Originate's channel, or the phone going off-hook. */
    private AmiChannel agentDials(AmiCallTracker.Tracked t, CallView view, LegView leg) {
        String extension = leg.address();
        Optional<AmiChannel> originated = tracker.takeOriginating(leg.agentId());
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
    private AmiChannel outsideDialed(AmiCallTracker.Tracked t, LegView leg) {
        AmiChannel from = AmiCallTracker.firstLive(t);
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
        if (from != null) {
            publish(AmiEvents.pair("DialState", "call,all", from, c).add("DialStatus", "RINGING"));
        }
        if (leg.state() == LegState.ACTIVE) {
            c.state = AmiChannel.UP;
            publish(AmiEvents.channel("Newstate", "call,all", c));
            publish(AmiEvents.pair("DialEnd", "call,all", from, c).add("DialStatus", "ANSWER"));
            tracker.bridge(t, from, c);
        }
        return c;
    }

    /** A phone rings for the call: AgentCalled when a queue rings it, DialBegin, Ringing, member status 6. */
    private AmiChannel ring(AmiCallTracker.Tracked t, CallView view, LegView leg) {
        AmiChannel caller = AmiCallTracker.firstLive(t);
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
                    .add("Interface", "PJSIP/" + extension).add("MemberName", tracker.memberName(t, c)));
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
    private AmiChannel joinTalking(AmiCallTracker.Tracked t, LegView leg) {
        Optional<AmiChannel> originated = tracker.takeOriginating(leg.agentId());
        if (originated.isPresent()) { // a barge-in: the supervisor's ChanSpy channel joins the call
            originated.get().callId = t.callId;
            tracker.bridge(t, originated.get(), null);
            return originated.get();
        }
        Optional<AmiChannel> consulted = tracker.consultChannelOf(t.callId, leg.agentId());
        if (consulted.isPresent()) { // an attended transfer: the target's consult channel moves into this call
            AmiChannel c = consulted.get();
            if (c.bridge != null && c.bridge == t.bridge) {
                c.callId = t.callId; // a three-way call's merge already moved it (AmiTransfers)
                return c;
            }
            tracker.leaveBridgeOnly(c);
            c.callId = t.callId;
            tracker.bridge(t, c, AmiCallTracker.firstLive(t));
            return c;
        }
        AmiChannel from = AmiCallTracker.firstLive(t);
        String extension = leg.address();
        AmiChannel c = pbx.newChannel("PJSIP/" + extension, extension, leg.agentId(), t.callId, from == null ? null : from.linkedid,
                "from-internal", extension, extension, "");
        c.state = AmiChannel.UP;
        publish(AmiEvents.channel("Newchannel", "call,all", c));
        pbx.refreshDevice(extension);
        tracker.bridge(t, c, null);
        return c;
    }

    private void publish(AmiMessage.Builder event) {
        pbx.bus.publish(event.build());
    }
}
