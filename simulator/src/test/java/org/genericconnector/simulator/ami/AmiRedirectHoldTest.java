package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.simulator.model.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hold by dual Redirect and retrieve by Bridge, with the event sequence of capture f4_hold_park_conference
 * (H2); and what is left when one party hangs up while the other is in the dialplan.
 */
class AmiRedirectHoldTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension();

    /** Agent 1003 (5003) talking with a customer; returns {caller channel, agent channel, dialog}. */
    private String[] talking(AmiTestClient c) throws Exception {
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        c.awaitEvent("QueueMemberAdded", "Interface", "PJSIP/5003");
        String dialog = ami.control("inbound queue=sales from=5551234").replace("OK dialog=", "").strip();
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", called.get("Channel"));
        return new String[] {called.get("Channel"), called.get("DestChannel"), dialog};
    }

    private static AmiTestClient.Packet holdByRedirect(AmiTestClient c, String[] call) throws Exception {
        return c.call("Redirect", "Channel", call[0], "Context", "gc-hold", "Exten", "hold", "Priority", "1",
                "ExtraChannel", call[1], "ExtraContext", "gc-hold", "ExtraExten", "wait", "ExtraPriority", "1");
    }

    private static List<String> brief(List<AmiTestClient.Packet> events, int from) {
        return events.subList(from, events.size()).stream().map(p -> p.event() + " " + (p.get("Channel") == null ? "" : p.get("Channel")))
                .map(String::strip).toList();
    }

    @Test
    void aDualRedirectHoldsTheCallAndBridgeRetrievesIt() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        int before = c.events().size();
        assertThat(holdByRedirect(c, call).get("Message")).isEqualTo("Dual Redirect successful");
        c.awaitEvent("BridgeDestroy");
        // capture H2: the extra channel leaves first, then the customer; its music starts; the bridge goes. No Hold.
        assertThat(brief(c.events(), before)).containsExactly("BridgeLeave " + call[1], "BridgeLeave " + call[0],
                "MusicOnHoldStart " + call[0], "BridgeDestroy");
        AmiTestClient.Packet agentLeft = c.events().get(before);
        assertThat(agentLeft.get("Context")).isEqualTo("gc-hold");
        assertThat(agentLeft.get("Exten")).isEqualTo("wait");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.HOLD);
        List<AmiTestClient.Packet> channels = c.awaitList(c.action("CoreShowChannels"));
        assertThat(channels).filteredOn(p -> call[0].equals(p.get("Channel"))).singleElement()
                .satisfies(p -> assertThat(p.get("Application")).isEqualTo("MusicOnHold"));
        assertThat(channels).filteredOn(p -> call[1].equals(p.get("Channel"))).singleElement()
                .satisfies(p -> assertThat(p.get("Application")).isEqualTo("Wait"));

        before = c.events().size();
        assertThat(c.call("Bridge", "Channel1", call[0], "Channel2", call[1], "Tone", "no").get("Message"))
                .isEqualTo("Channels have been bridged");
        c.awaitEvent("BridgeEnter", "Channel", call[1]);
        assertThat(brief(c.events(), before)).containsExactly("BridgeCreate", "MusicOnHoldStop " + call[0],
                "BridgeEnter " + call[0], "BridgeEnter " + call[1]);
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);

        // the end of the call: no AgentComplete, as after a dual Redirect on Asterisk
        c.call("Hangup", "Channel", call[0]);
        c.awaitEvent("Hangup", "Channel", call[1]);
        assertThat(c.events()).noneMatch(p -> p.is("AgentComplete"));
        assertThat(c.events()).noneMatch(p -> p.is("Hold") || p.is("Unhold"));
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
    }

    @Test
    void theCallerHangingUpWhileHeldLeavesTheAgentsLegWaitingUntilItIsHungUp() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        holdByRedirect(c, call);
        c.awaitEvent("BridgeDestroy");
        ami.control("caller-hangup dialog=" + call[2]);
        c.awaitEvent("Hangup", "Channel", call[0]);
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
        assertThat(c.awaitList(c.action("CoreShowChannels"))).anyMatch(p -> call[1].equals(p.get("Channel")));
        assertThat(c.events()).noneMatch(p -> p.is("Hangup") && call[1].equals(p.get("Channel")));

        assertThat(c.call("Hangup", "Channel", call[1]).get("Message")).isEqualTo("Channel Hungup");
        assertThat(c.awaitEvent("Hangup", "Channel", call[1]).get("Cause")).isEqualTo("16");
        assertThat(c.awaitEvent("QueueMemberStatus", "Interface", "PJSIP/5003").get("Status")).isEqualTo("1");
        assertThat(c.awaitList(c.action("CoreShowChannels"))).noneMatch(p -> call[1].equals(p.get("Channel")));
    }

    @Test
    void theAgentHangingUpWhileHeldLeavesTheCallerOnMusicUntilItIsHungUp() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        holdByRedirect(c, call);
        c.awaitEvent("BridgeDestroy");
        c.call("Hangup", "Channel", call[1]);
        c.awaitEvent("Hangup", "Channel", call[1]);
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
        assertThat(c.awaitList(c.action("CoreShowChannels"))).anyMatch(p -> call[0].equals(p.get("Channel")));
        c.call("Hangup", "Channel", call[0]);
        c.awaitEvent("Hangup", "Channel", call[0]);
    }

    @Test
    void errors() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        assertThat(c.call("Redirect", "Channel", call[0], "Exten", "hold", "ExtraChannel", "PJSIP/nope-00000000").get("Message"))
                .isEqualTo("ExtraChannel does not exist: PJSIP/nope-00000000");
        assertThat(c.call("Redirect", "Channel", call[0], "Exten", "hold", "ExtraChannel", call[0]).get("Response")).isEqualTo("Error");
        assertThat(c.call("Bridge", "Channel1", call[0]).get("Message")).isEqualTo("Missing channel parameter in request");
        assertThat(c.call("Bridge", "Channel1", "PJSIP/nope-00000000", "Channel2", call[1]).get("Message"))
                .isEqualTo("Channel1 does not exist: PJSIP/nope-00000000");
        assertThat(c.call("Bridge", "Channel1", call[0], "Channel2", "PJSIP/nope-00000000").get("Message"))
                .isEqualTo("Channel2 does not exist: PJSIP/nope-00000000");
        // not held by a dual Redirect: the face does not join them
        assertThat(c.call("Bridge", "Channel1", call[0], "Channel2", call[1]).get("Response")).isEqualTo("Error");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        // a held call cannot be held again: the model refuses, nothing moves
        holdByRedirect(c, call);
        c.awaitEvent("BridgeDestroy");
        assertThat(holdByRedirect(c, call).get("Response")).isEqualTo("Error");
    }
}
