package org.genericconnector.simulator.ami;

import java.util.ArrayList;
import java.util.List;

import org.genericconnector.simulator.model.CallView;

/**
 * The events for the legs of one call that are gone, in Asterisk's order: ringing phones first (a ring no
 * answer, or a cancel when the caller left), then the bridge (BridgeLeave, BridgeDestroy), AgentComplete,
 * the caller's abandon, the Hangups, and the phones' new device state. Used once per reconcile; confined to
 * the contact center's lock.
 */
final class AmiHangups {
    private final AmiPbx pbx;
    private final AmiCallTracker.Tracked t;
    private final CallView view;

    AmiHangups(AmiPbx pbx, AmiCallTracker.Tracked t, CallView view) {
        this.pbx = pbx;
        this.t = t;
        this.view = view;
    }

    void hangUp(List<AmiChannel> all) {
        // a channel that moved to another call (an attended transfer's target) is not hung up here
        List<AmiChannel> ending = all.stream().filter(c -> t.callId.equals(c.callId) && !c.hungUp).toList();
        // a party a Redirect left in the dialplan stays up when the call ends around it, as on Asterisk (an AMI
        // Hangup ends it later); it belongs to no call any more
        ending.stream().filter(c -> c.redirected).forEach(c -> c.callId = null);
        List<AmiChannel> gone = ending.stream().filter(c -> !c.redirected).toList();
        if (gone.isEmpty()) {
            return;
        }
        gone.stream().filter(c -> c.held).forEach(c -> { // the holder leaves: the others' music stops
            c.held = false;
            t.legs.stream().filter(o -> o != null && o != c && !o.hungUp && !gone.contains(o))
                    .forEach(o -> pbx.bus.publish(AmiEvents.channel("MusicOnHoldStop", "call,all", o).build()));
        });
        AmiChannel caller = t.caller();
        boolean callerGone = caller != null && gone.contains(caller);
        List<AmiChannel> hangups = new ArrayList<>();
        for (AmiChannel c : gone) {
            if (t.ringStart.containsKey(c)) {
                endRinging(c, view.ended() || callerGone);
                hangups.add(c);
            }
        }
        List<AmiChannel> talking = gone.stream().filter(c -> !t.ringStart.containsKey(c) && !hangups.contains(c)).toList();
        leaveBridge(talking);
        boolean agentDone = t.connectedAgent != null && (talking.contains(t.connectedAgent) || callerGone);
        if (agentDone) {
            complete();
        }
        if (callerGone && t.inQueue) {
            abandon(caller);
        }
        for (AmiChannel c : talking) {
            AmiChannel spyee = pbx.calls.spies.remove(c);
            if (spyee != null) {
                pbx.bus.publish(AmiEvents.spy("ChanSpyStop", c, spyee));
            }
            pbx.bus.publish(AmiEvents.hangup(c, 16));
            pbx.forget(c);
        }
        hangups.forEach(pbx::forget);
        gone.forEach(c -> pbx.refreshDevice(c.extension));
    }

    /** A ringing phone stops: a ring no answer while the caller waits on, else a cancel. */
    private void endRinging(AmiChannel c, boolean callerLeft) {
        AmiChannel caller = t.caller() == c ? null : t.caller();
        java.time.Instant rang = t.ringStart.remove(c);
        if (!callerLeft && t.inQueue) {
            pbx.bus.publish(AmiEvents.pair("AgentRingNoAnswer", "agent,all", caller, c).add("Queue", t.queue)
                    .add("Interface", "PJSIP/" + c.extension).add("MemberName", pbx.calls.memberName(t, c))
                    .add("RingTime", java.time.Duration.between(rang, pbx.now()).toMillis()).build());
            pbx.bus.publish(AmiEvents.pair("DialEnd", "call,all", caller, c).add("DialStatus", "NOANSWER").build());
        } else {
            pbx.bus.publish(AmiEvents.pair("DialEnd", "call,all", caller, c).add("DialStatus", "CANCEL").build());
        }
        pbx.bus.publish(AmiEvents.pair("DialEnd", "call,all", caller, c).add("DialStatus", "CANCEL").build());
        pbx.bus.publish(AmiEvents.hangup(c, 0));
        c.hungUp = true;
    }

    /** The gone channels leave the bridge; a bridge left with one channel is torn down (that channel leaves too). */
    private void leaveBridge(List<AmiChannel> talking) {
        AmiBridge bridge = t.bridge;
        if (bridge == null) {
            return;
        }
        List<AmiChannel> leaving = new ArrayList<>(talking.stream().filter(c -> c.bridge == bridge).toList());
        if (leaving.isEmpty()) {
            return;
        }
        if (bridge.channels.size() - leaving.size() <= 1) {
            bridge.channels.stream().filter(c -> !leaving.contains(c)).forEach(leaving::add);
        }
        for (AmiChannel c : leaving) {
            bridge.channels.remove(c);
            c.bridge = null;
            pbx.bus.publish(AmiEvents.bridgeChannel("BridgeLeave", bridge, c));
        }
        if (bridge.channels.isEmpty()) {
            pbx.bus.publish(AmiEvents.bridge("BridgeDestroy", bridge));
            t.bridge = null;
        }
    }

    /** AgentComplete for the queue call's agent; CallsTaken and LastCall move in every queue of the member. */
    private void complete() {
        AmiChannel agent = t.connectedAgent;
        AmiChannel caller = t.caller();
        pbx.bus.publish(AmiEvents.pair("AgentComplete", "agent,all", caller, agent).add("Queue", t.queue)
                .add("Interface", "PJSIP/" + agent.extension).add("MemberName", pbx.calls.memberName(t, agent))
                .add("HoldTime", java.time.Duration.between(t.joinedAt, t.connectedAt).toSeconds())
                .add("TalkTime", pbx.calls.seconds(t.connectedAt)).add("Reason", t.completeReason).build());
        long now = pbx.now().getEpochSecond();
        pbx.members.byInterface("PJSIP/" + agent.extension).forEach(m -> {
            m.callsTaken++;
            m.lastCall = now;
            m.inCall = false;
        });
        t.connectedAgent = null;
    }

    private void abandon(AmiChannel caller) {
        int position = pbx.calls.queued(t.queue).indexOf(t) + 1;
        t.inQueue = false;
        pbx.bus.publish(AmiEvents.channel("QueueCallerAbandon", "agent,all", caller).add("Queue", t.queue)
                .add("Position", position).add("OriginalPosition", t.originalPosition)
                .add("HoldTime", pbx.calls.seconds(t.joinedAt)).build());
        pbx.bus.publish(AmiEvents.channel("QueueCallerLeave", "agent,all", caller).add("Queue", t.queue)
                .add("Position", position).add("Count", pbx.calls.waiting(t.queue)).build());
    }
}
