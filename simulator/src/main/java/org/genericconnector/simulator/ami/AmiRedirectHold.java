package org.genericconnector.simulator.ami;

import java.util.List;
import java.util.Optional;

/**
 * Hold without phone remote control, as capture f4_hold_park_conference (H2) shows it: a dual Redirect takes
 * both parties of an agent's two-party call out of their bridge into the dialplan (the outside party to an
 * extension that plays music on hold, the agent's leg to one that waits), and the Bridge action puts the two
 * back into a new bridge. The model's call is held and retrieved. As on Asterisk: no Hold/Unhold events, no
 * AgentComplete for that queue call afterwards, and a party left in the dialplan stays up when the other one
 * hangs up (until it is hung up itself). Confined to the contact center's lock (run as PBX steps).
 */
final class AmiRedirectHold {
    private final AmiPbx pbx;

    AmiRedirectHold(AmiPbx pbx) {
        this.pbx = pbx;
    }

    /** Redirect with ExtraChannel: the face takes it as a hold of the call the two channels share with nobody else. */
    List<AmiMessage> dualRedirect(AmiMessage r, AmiChannel first) {
        String extraName = r.get("ExtraChannel", "");
        Optional<AmiChannel> found = pbx.channel(extraName);
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "ExtraChannel does not exist: " + extraName));
        }
        AmiChannel extra = found.get();
        String exten = r.get("Exten", "");
        String extraExten = r.get("ExtraExten", exten);
        if (exten.isEmpty() || extraExten.isEmpty()) {
            return List.of(AmiReplies.error(r, "Exten not specified"));
        }
        AmiChannel agent = first.agentId != null ? first : extra;
        AmiChannel other = agent == first ? extra : first;
        AmiBridge bridge = agent.bridge;
        if (agent.agentId == null || agent.callId == null || bridge == null || other.bridge != bridge || bridge.channels.size() != 2) {
            return List.of(AmiReplies.error(r, "Dual Redirect is simulated only for the two parties of an agent's two-party call"));
        }
        AmiCallTracker.Tracked t = pbx.calls.tracked(agent.callId).orElse(null);
        if (t == null || t.bridge != bridge) {
            return List.of(AmiReplies.error(r, "Dual Redirect is simulated only for the two parties of an agent's two-party call"));
        }
        pbx.center.hold(agent.agentId, agent.callId); // a refusal answers the action with the model's reason
        String context = r.get("Context", first.context);
        moveTo(first, context, exten);
        moveTo(extra, r.get("ExtraContext", context), extraExten);
        other.application = "MusicOnHold";
        other.applicationData = "";
        agent.application = "Wait";
        agent.applicationData = "";
        // the extra channel leaves first (capture H2), then music on hold starts in the dialplan, then the bridge goes
        for (AmiChannel c : List.of(extra, first)) {
            bridge.channels.remove(c);
            c.bridge = null;
            c.redirected = true;
            pbx.bus.publish(AmiEvents.bridgeChannel("BridgeLeave", bridge, c));
        }
        pbx.bus.publish(AmiEvents.channel("MusicOnHoldStart", "call,all", other).add("Class", "default").build());
        pbx.bus.publish(AmiEvents.bridge("BridgeDestroy", bridge));
        t.bridge = null;
        endQueueCall(t);
        return List.of(AmiReplies.success(r, "Dual Redirect successful"));
    }

    /**
     * Bridge Channel1 Channel2: the two parties of a call held by a dual Redirect meet again in a new bridge (the
     * model's retrieve). Other pairs are refused: the face has no model for joining unrelated channels.
     */
    List<AmiMessage> bridge(AmiSession session, AmiMessage r) {
        String name1 = r.get("Channel1", "");
        String name2 = r.get("Channel2", "");
        if (name1.isEmpty() || name2.isEmpty()) {
            return List.of(AmiReplies.error(r, "Missing channel parameter in request"));
        }
        Optional<AmiChannel> one = pbx.channel(name1);
        if (one.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel1 does not exist: " + name1));
        }
        Optional<AmiChannel> two = pbx.channel(name2);
        if (two.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel2 does not exist: " + name2));
        }
        AmiChannel a = one.get();
        AmiChannel b = two.get();
        AmiChannel agent = a.agentId != null ? a : b;
        AmiChannel other = agent == a ? b : a;
        if (a == b || !a.redirected || !b.redirected || agent.agentId == null || agent.callId == null
                || !agent.callId.equals(other.callId)) {
            return List.of(AmiReplies.error(r, "Unable to add Channel1 to bridge: " + name1
                    + " (the face bridges only the two parties of a call held by a dual Redirect)"));
        }
        AmiCallTracker.Tracked t = pbx.calls.tracked(agent.callId).orElse(null);
        if (t == null) {
            return List.of(AmiReplies.error(r, "Unable to add Channel1 to bridge: " + name1));
        }
        pbx.center.retrieve(agent.agentId, agent.callId); // a refusal answers the action with the model's reason
        AmiBridge bridge = pbx.newBridge();
        t.bridge = bridge;
        pbx.bus.publish(AmiEvents.bridge("BridgeCreate", bridge));
        pbx.bus.publish(AmiEvents.channel("MusicOnHoldStop", "call,all", other).build());
        for (AmiChannel c : List.of(a, b)) {
            c.redirected = false;
            c.application = "";
            c.applicationData = "";
            c.bridge = bridge;
            bridge.channels.add(c);
            pbx.bus.publish(AmiEvents.bridgeChannel("BridgeEnter", bridge, c));
        }
        return List.of(AmiReplies.success(r, "Channels have been bridged"));
    }

    private static void moveTo(AmiChannel c, String context, String exten) {
        c.context = context;
        c.exten = exten;
        c.priority = 1;
    }

    /**
     * The caller left Queue() for the dialplan: app_queue's part of the call is over (CallsTaken and LastCall move
     * now), and no AgentComplete will ever come for it (capture H2).
     */
    private void endQueueCall(AmiCallTracker.Tracked t) {
        AmiChannel agent = t.connectedAgent;
        if (agent == null) {
            return;
        }
        long now = pbx.now().getEpochSecond();
        pbx.members.byInterface("PJSIP/" + agent.extension).forEach(m -> {
            m.callsTaken++;
            m.lastCall = now;
            m.inCall = false;
        });
        t.connectedAgent = null;
    }
}
