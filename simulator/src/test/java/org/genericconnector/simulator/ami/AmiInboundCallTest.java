package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.simulator.model.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An inbound ACD call from offer to release as an AMI client sees it (capture c_acd_call, d_rona_abandon):
 * the caller joins the queue, the agent's phone rings, a PJSIPNotify answers it, the parties are bridged,
 * a hang-up ends it; and the ring-no-answer and abandon variants.
 */
class AmiInboundCallTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension();

    /** Logs agent 1003 (PJSIP/5003) in ready in sales and returns the client. */
    private AmiTestClient readyAgent() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "MemberName", "1003", "Paused", "false");
        c.awaitEvent("QueueMemberAdded");
        return c;
    }

    private String inbound() {
        return ami.control("inbound queue=sales from=5551234").replace("OK dialog=", "");
    }

    static List<String> names(List<AmiTestClient.Packet> events, List<String> keep) {
        return events.stream().map(AmiTestClient.Packet::event).filter(keep::contains).toList();
    }

    private static AmiTestClient.Packet answer(AmiTestClient c) throws Exception {
        AmiTestClient.Packet reply = c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        assertThat(reply.get("Message")).isEqualTo("NOTIFY sent");
        return c.awaitEvent("BridgeEnter", "Channel", c.awaitEvent("AgentConnect").get("Channel"));
    }

    @Test
    void anAnsweredCallFromOfferToRelease() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        String caller = called.get("Channel");
        String agentLeg = called.get("DestChannel");
        assertThat(caller).matches("PJSIP/trunk-[0-9a-f]{8}");
        assertThat(agentLeg).matches("PJSIP/5003-[0-9a-f]{8}");
        assertThat(called.get("Queue")).isEqualTo("sales");
        assertThat(called.get("Interface")).isEqualTo("PJSIP/5003");
        assertThat(called.get("MemberName")).isEqualTo("1003");
        assertThat(called.get("DestLinkedid")).isEqualTo(called.get("Linkedid"));
        assertThat(called.get("Uniqueid")).matches("\\d+\\.\\d+");
        c.awaitEvent("DialState");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.RESERVED);

        answer(c);
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        assertThat(c.call("Hangup", "Channel", caller).get("Message")).isEqualTo("Channel Hungup");
        AmiTestClient.Packet complete = c.awaitEvent("AgentComplete");
        assertThat(complete.get("Reason")).isEqualTo("caller");
        assertThat(complete.get("DestChannel")).isEqualTo(agentLeg);
        c.awaitEvent("Hangup", "Channel", agentLeg);
        AmiTestClient.Packet free = c.awaitEvent("QueueMemberStatus", "Status", "1");
        assertThat(free.get("CallsTaken")).isEqualTo("1");

        assertThat(names(c.events(), List.of("Newchannel", "QueueCallerJoin", "AgentCalled", "DialBegin", "QueueMemberStatus",
                "DialState", "DialEnd", "QueueCallerLeave", "AgentConnect", "BridgeCreate", "BridgeEnter", "BridgeLeave",
                "BridgeDestroy", "AgentComplete", "Hangup"))).containsExactly(
                "Newchannel", "QueueCallerJoin", // the caller
                "Newchannel", "AgentCalled", "DialBegin", "QueueMemberStatus", "DialState", // the phone rings
                "QueueMemberStatus", "DialEnd", "QueueCallerLeave", "AgentConnect", "BridgeCreate", "BridgeEnter", "BridgeEnter",
                "BridgeLeave", "BridgeLeave", "BridgeDestroy", "AgentComplete", "Hangup", "Hangup", "QueueMemberStatus");
    }

    @Test
    void theAgentHangingUpEndsTheCallToo() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        String agentLeg = c.awaitEvent("AgentCalled").get("DestChannel");
        answer(c);
        assertThat(c.call("Hangup", "Channel", agentLeg).get("Message")).isEqualTo("Channel Hungup");
        assertThat(c.awaitEvent("AgentComplete").get("Reason")).isEqualTo("caller"); // as Asterisk says for an AMI Hangup
        c.awaitEvent("Hangup", "Channel", agentLeg);
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
    }

    @Test
    void aCallerWaitsWhileNobodyIsReadyAndIsOfferedWhenAnAgentUnpauses() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "true");
        inbound();
        AmiTestClient.Packet join = c.awaitEvent("QueueCallerJoin");
        assertThat(join.get("Position")).isEqualTo("1");
        assertThat(join.get("Count")).isEqualTo("1");
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "false");
        assertThat(c.awaitEvent("AgentCalled").get("CallerIDNum")).isEqualTo("5551234");
    }

    @Test
    void ringNoAnswerGivesAgentRingNoAnswerTwoDialEndsAndTheCallerStaysQueued() throws Exception {
        AmiTestClient c = readyAgent();
        String dialog = inbound();
        String agentLeg = c.awaitEvent("AgentCalled").get("DestChannel");
        ami.control("advance by=14s");
        ami.control("ring-no-answer dialog=" + dialog);
        AmiTestClient.Packet rona = c.awaitEvent("AgentRingNoAnswer");
        assertThat(rona.get("RingTime")).isEqualTo("14000"); // milliseconds, unlike AgentConnect's seconds
        assertThat(c.awaitEvent("DialEnd").get("DialStatus")).isEqualTo("NOANSWER");
        assertThat(c.awaitEvent("DialEnd").get("DialStatus")).isEqualTo("CANCEL");
        assertThat(c.awaitEvent("Hangup", "Channel", agentLeg).get("Cause")).isEqualTo("0");
        List<AmiTestClient.Packet> status = c.awaitList(c.action("QueueStatus", "Queue", "sales"));
        assertThat(status).anyMatch(p -> p.is("QueueEntry"));
    }

    @Test
    void aRingTimeoutOnTheModelsClockIsARingNoAnswer() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        c.awaitEvent("AgentCalled");
        ami.control("advance by=15s");
        assertThat(c.awaitEvent("AgentRingNoAnswer").get("Queue")).isEqualTo("sales");
    }

    @Test
    void aCallerAbandoningWhileQueuedGivesAbandonThenLeaveThenHangup() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String dialog = inbound();
        String caller = c.awaitEvent("QueueCallerJoin").get("Channel");
        ami.control("advance by=23s");
        ami.control("caller-hangup dialog=" + dialog);
        AmiTestClient.Packet abandon = c.awaitEvent("QueueCallerAbandon");
        assertThat(abandon.get("HoldTime")).isEqualTo("23");
        assertThat(abandon.get("OriginalPosition")).isEqualTo("1");
        assertThat(c.read().event()).isEqualTo("QueueCallerLeave");
        AmiTestClient.Packet hangup = c.read();
        assertThat(hangup.event()).isEqualTo("Hangup");
        assertThat(hangup.get("Channel")).isEqualTo(caller);
    }

    @Test
    void aCallerAbandoningWhileThePhoneRingsCancelsTheDial() throws Exception {
        AmiTestClient c = readyAgent();
        String dialog = inbound();
        c.awaitEvent("DialState");
        ami.control("caller-hangup dialog=" + dialog);
        c.awaitEvent("Hangup", "Cause", "16");
        assertThat(names(c.events(), List.of("DialEnd", "QueueCallerAbandon", "QueueCallerLeave", "Hangup", "AgentRingNoAnswer")))
                .containsExactly("DialEnd", "DialEnd", "Hangup", "QueueCallerAbandon", "QueueCallerLeave", "Hangup");
        assertThat(c.events().stream().filter(p -> p.is("DialEnd")).map(p -> p.get("DialStatus"))).containsOnly("CANCEL");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.READY);
    }

    @Test
    void holdAndUnholdThroughThePhonesKeys() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        String agentLeg = c.awaitEvent("AgentCalled").get("DestChannel");
        answer(c);
        c.call("PJSIPNotify", "Endpoint", "5003", "Variable", "Content-Type=message/sipfrag", "Variable", "Event=ACTION-URI",
                "Variable", "Content=key=F_HOLD");
        assertThat(c.awaitEvent("Hold").get("Channel")).isEqualTo(agentLeg);
        assertThat(c.awaitEvent("MusicOnHoldStart").get("Channel")).startsWith("PJSIP/trunk-");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.HOLD);
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "unhold");
        c.awaitEvent("MusicOnHoldStop");
        assertThat(c.awaitEvent("Unhold").get("Channel")).isEqualTo(agentLeg);
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
    }

    @Test
    void snapshotsListTheCallsChannelsAndDevices() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        String agentLeg = c.awaitEvent("AgentCalled").get("DestChannel");
        answer(c);
        List<AmiTestClient.Packet> channels = c.awaitList(c.action("CoreShowChannels"));
        assertThat(channels.get(0).get("Message")).isEqualTo("Channels will follow");
        assertThat(channels).filteredOn(p -> p.is("CoreShowChannel")).hasSize(2)
                .allMatch(p -> !p.get("BridgeId").isEmpty());
        assertThat(channels.get(channels.size() - 1).get("ListItems")).isEqualTo("2");
        List<AmiTestClient.Packet> status = c.awaitList(c.action("Status", "Channel", agentLeg));
        assertThat(status).filteredOn(p -> p.is("Status")).singleElement().satisfies(p -> assertThat(p.get("ChannelStateDesc")).isEqualTo("Up"));
        assertThat(status.get(status.size() - 1).get("Items")).isEqualTo("1");
        List<AmiTestClient.Packet> devices = c.awaitList(c.action("DeviceStateList"));
        assertThat(devices.get(0).get("Message")).isEqualTo("Device State Changes will follow");
        assertThat(devices).anyMatch(p -> "PJSIP/5003".equals(p.get("Device")) && "INUSE".equals(p.get("State")));
        AmiTestClient.Packet hint = c.call("ExtensionState", "Exten", "5003", "Context", "hints");
        assertThat(hint.get("StatusText")).isEqualTo("InUse");
        List<AmiTestClient.Packet> hints = c.awaitList(c.action("ExtensionStateList"));
        assertThat(hints.get(0).get("Message")).isEqualTo("Extension Statuses will follow");
        assertThat(hints).filteredOn(p -> "5003".equals(p.get("Exten"))).singleElement()
                .satisfies(p -> assertThat(p.names()).containsExactly("Event", "ActionID", "Exten", "Context", "Hint", "Status", "StatusText"));
        List<AmiTestClient.Packet> bridges = c.awaitList(c.action("BridgeList"));
        assertThat(bridges.get(0).get("Message")).isEqualTo("Bridge listing will follow");
        assertThat(bridges).filteredOn(p -> p.is("BridgeListItem")).singleElement()
                .satisfies(p -> assertThat(p.get("BridgeNumChannels")).isEqualTo("2"));
    }

    @Test
    void variablesAndDtmfOnALiveChannel() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        String caller = c.awaitEvent("AgentCalled").get("Channel");
        assertThat(c.call("Setvar", "Channel", caller, "Variable", "__CTI_ACCOUNT", "Value", "42").get("Message")).isEqualTo("Variable Set");
        AmiTestClient.Packet value = c.call("Getvar", "Channel", caller, "Variable", "CTI_ACCOUNT");
        assertThat(value.names()).containsExactly("Response", "ActionID", "Variable", "Value");
        assertThat(value.get("Value")).isEqualTo("42");
        assertThat(c.call("Getvar", "Channel", "PJSIP/nope-00000000", "Variable", "X").get("Message")).isEqualTo("No such channel");
        assertThat(c.call("PlayDTMF", "Channel", caller, "Digit", "5").get("Message")).isEqualTo("DTMF successfully queued");
        assertThat(c.awaitEvent("DTMFEnd").get("Digit")).isEqualTo("5");
    }

    @Test
    void hangupWithARegexAnswersWithTheListOfChannelsItHungUp() throws Exception {
        AmiTestClient c = readyAgent();
        inbound();
        String agentLeg = c.awaitEvent("AgentCalled").get("DestChannel");
        answer(c);
        List<AmiTestClient.Packet> list = c.awaitList(c.action("Hangup", "Channel", "/^PJSIP\\/5003-.*$/"));
        assertThat(list.get(0).get("Message")).isEqualTo("Channels hung up will follow");
        assertThat(list.get(1).names()).containsExactly("Event", "Channel", "ActionID");
        assertThat(list.get(1).get("Channel")).isEqualTo(agentLeg);
        assertThat(list.get(2).get("Event")).isEqualTo("ChannelsHungupListComplete");
        assertThat(list.get(2).get("ListItems")).isEqualTo("1");
        c.awaitEvent("Hangup", "Channel", agentLeg);
    }

    @Test
    void aDirectCallToAnAgentDialsThePhoneWithoutTheQueue() throws Exception {
        AmiTestClient c = readyAgent();
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "true");
        ami.control("inbound to-agent=1003 from=5557777");
        AmiTestClient.Packet dial = c.await(p -> p.is("DialBegin") && p.get("DestChannel").startsWith("PJSIP/5003-"));
        assertThat(dial.get("Channel")).startsWith("PJSIP/trunk-");
        assertThat(dial.get("CallerIDNum")).isEqualTo("5557777");
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", dial.get("Channel"));
        assertThat(c.events()).noneMatch(p -> p.is("QueueCallerJoin") || p.is("AgentCalled") || p.is("AgentConnect"));
        c.call("Hangup", "Channel", dial.get("DestChannel"));
        c.awaitEvent("Hangup", "Channel", dial.get("Channel"));
        assertThat(c.events()).noneMatch(p -> p.is("AgentComplete"));
    }

    @Test
    void campaignScenarioRequestsDoNotDisturbTheFace() throws Exception {
        AmiTestClient c = readyAgent();
        ami.control("preview agent=1003 campaign=Renewals number=5550000");
        assertThat(c.call("Ping").get("Ping")).isEqualTo("Pong");
        assertThat(c.awaitList(c.action("CoreShowChannels"))).noneMatch(p -> p.is("CoreShowChannel")); // a reservation is no call yet
    }
}
