package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.simulator.model.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Click-to-dial and supervision through Originate, and BlindTransfer (captures e_click_to_dial,
 * f1_vars_status_spy, f2_blind_transfer_redirect).
 */
class AmiOriginateAndTransferTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension();

    private static void login(AmiTestClient c, String extension, boolean paused) throws Exception {
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/" + extension, "Paused", Boolean.toString(paused));
        c.awaitEvent("QueueMemberAdded", "Interface", "PJSIP/" + extension);
    }

    /** Agent 1003 (5003) talking with a customer; returns {caller channel, agent channel}. */
    private String[] talking(AmiTestClient c) throws Exception {
        login(c, "5003", false);
        ami.control("inbound queue=sales from=5551234");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        c.awaitEvent("AgentConnect");
        c.awaitEvent("BridgeEnter", "Channel", called.get("Channel"));
        return new String[] {called.get("Channel"), called.get("DestChannel")};
    }

    @Test
    void clickToDialRingsThePhoneThenDialsTheCustomer() throws Exception {
        AmiTestClient c = ami.loggedIn();
        login(c, "5003", true);
        String id = c.action("Originate", "Channel", "PJSIP/5003", "Context", "from-internal", "Exten", "5559876",
                "Priority", "1", "Async", "true", "Variable", "__CTI_ACCOUNT=42");
        assertThat(c.await(p -> id.equals(p.get("ActionID"))).get("Message")).isEqualTo("Originate successfully queued");
        AmiTestClient.Packet response = c.awaitEvent("OriginateResponse");
        assertThat(response.get("ActionID")).isEqualTo(id);
        assertThat(response.get("Response")).isEqualTo("Success");
        assertThat(response.get("Reason")).isEqualTo("4");
        String agentLeg = response.get("Channel");
        assertThat(agentLeg).matches("PJSIP/5003-[0-9a-f]{8}");
        AmiTestClient.Packet dial = c.awaitEvent("DialBegin", "Channel", agentLeg);
        assertThat(dial.get("DestChannel")).startsWith("PJSIP/trunk-");
        assertThat(dial.get("DestLinkedid")).isEqualTo(response.get("Uniqueid"));
        c.awaitEvent("BridgeEnter", "Channel", dial.get("DestChannel"));
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        assertThat(c.call("Getvar", "Channel", agentLeg, "Variable", "CTI_ACCOUNT").get("Value")).isEqualTo("42");

        List<AmiTestClient.Packet> events = c.events();
        AmiTestClient.Packet originateDial = events.stream().filter(p -> p.is("DialBegin")).findFirst().orElseThrow();
        assertThat(originateDial.get("Channel")).isNull(); // Originate's own dial has no caller block
        assertThat(AmiInboundCallTest.names(events, List.of("Newchannel", "DialBegin", "Newstate", "DialEnd", "OriginateResponse",
                "BridgeCreate", "BridgeEnter"))).containsExactly(
                "Newchannel", "DialBegin", "Newstate", "Newstate", "DialEnd", "OriginateResponse",
                "Newchannel", "DialBegin", "Newstate", "Newstate", "DialEnd", "BridgeCreate", "BridgeEnter", "BridgeEnter");

        c.call("Hangup", "Channel", agentLeg);
        c.awaitEvent("Hangup", "Channel", agentLeg);
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
    }

    @Test
    void anOriginateThePhoneCannotTakeFailsWithTheDialStringAndNoUniqueid() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("Originate", "Channel", "PJSIP/5999", "Context", "from-internal", "Exten", "5559876", "Async", "true");
        AmiTestClient.Packet failure = c.awaitEvent("OriginateResponse");
        assertThat(failure.get("Response")).isEqualTo("Failure");
        assertThat(failure.get("Channel")).isEqualTo("PJSIP/5999");
        assertThat(failure.get("Uniqueid")).isEqualTo("<unknown>");
        assertThat(failure.get("Reason")).isEqualTo("0");
        assertThat(c.call("Originate", "Exten", "1").get("Message")).isEqualTo("Channel not specified");
    }

    @Test
    void chanSpyThroughOriginateMonitorsTheAgentsCall() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        login(c, "5001", true); // supervisor 1001
        c.call("Originate", "Channel", "PJSIP/5001", "Application", "ChanSpy", "Data", "PJSIP/5003,qE", "Async", "true");
        AmiTestClient.Packet response = c.awaitEvent("OriginateResponse");
        assertThat(response.get("Response")).isEqualTo("Success");
        assertThat(response.get("Application")).isEqualTo("ChanSpy");
        AmiTestClient.Packet spy = c.awaitEvent("ChanSpyStart");
        assertThat(spy.get("SpyerChannel")).isEqualTo(response.get("Channel"));
        assertThat(spy.get("SpyeeChannel")).isEqualTo(call[1]);
        assertThat(ami.center().liveCallsOf("1001")).hasSize(1);
        c.call("Hangup", "Channel", response.get("Channel"));
        assertThat(c.awaitEvent("ChanSpyStop").get("SpyerChannel")).isEqualTo(response.get("Channel"));
        c.awaitEvent("Hangup", "Channel", response.get("Channel"));
        assertThat(ami.center().liveCallsOf("1001")).isEmpty();
        assertThat(ami.center().liveCallsOf("1003")).hasSize(1);
    }

    @Test
    void chanSpyWithBargeJoinsTheSupervisorToTheCall() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        login(c, "5001", true);
        c.call("Originate", "Channel", "PJSIP/5001", "Application", "ChanSpy", "Data", "PJSIP/5003,qBE", "Async", "true");
        String spyer = c.awaitEvent("OriginateResponse").get("Channel");
        c.awaitEvent("ChanSpyStart");
        AmiTestClient.Packet enter = c.awaitEvent("BridgeEnter", "Channel", spyer);
        assertThat(enter.get("BridgeNumChannels")).isEqualTo("3");
        assertThat(ami.center().liveCallsOf("1001").get(0).participants()).hasSize(3);
        c.call("Hangup", "Channel", spyer);
        c.awaitEvent("BridgeLeave", "Channel", spyer);
        c.awaitEvent("Hangup", "Channel", spyer);
        assertThat(ami.center().call(ami.center().liveCallsOf("1003").get(0).id()).orElseThrow().participants()).hasSize(2);
        assertThat(call[0]).startsWith("PJSIP/trunk-");
    }

    @Test
    void blindTransferToAnotherAgentRingsItAndEndsTheTransferersPart() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        login(c, "5002", true); // agent 1002, paused: gets no queue calls but may be transferred to
        assertThat(c.call("BlindTransfer", "Channel", call[1], "Context", "from-internal", "Exten", "5002").get("Message"))
                .isEqualTo("Transfer succeeded");
        assertThat(c.awaitEvent("Unhold").get("Channel")).isEqualTo(call[1]);
        AmiTestClient.Packet transfer = c.awaitEvent("BlindTransfer");
        assertThat(transfer.get("Result")).isEqualTo("Success");
        assertThat(transfer.get("TransfererChannel")).isEqualTo(call[1]);
        assertThat(transfer.get("TransfereeChannel")).isEqualTo(call[0]);
        assertThat(transfer.get("Extension")).isEqualTo("5002");
        assertThat(c.awaitEvent("AgentComplete").get("Reason")).isEqualTo("transfer");
        c.awaitEvent("Hangup", "Channel", call[1]);
        AmiTestClient.Packet dial = c.awaitEvent("DialBegin", "Channel", call[0]);
        assertThat(dial.get("DestChannel")).startsWith("PJSIP/5002-");
        c.call("PJSIPNotify", "Endpoint", "5002", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", dial.get("DestChannel"));
        assertThat(ami.center().agent("1002").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        assertThat(c.events()).noneMatch(p -> p.is("AgentConnect") && dial.get("DestChannel").equals(p.get("DestChannel")));
    }

    @Test
    void blindTransferOfAChannelThatIsNotBridgedIsInvalid() throws Exception {
        AmiTestClient c = ami.loggedIn();
        login(c, "5003", false);
        ami.control("inbound queue=sales from=5551234");
        String agentLeg = c.awaitEvent("AgentCalled").get("DestChannel");
        assertThat(c.call("BlindTransfer", "Channel", agentLeg, "Exten", "5002").get("Message")).isEqualTo("Transfer invalid");
        assertThat(c.call("BlindTransfer", "Channel", "PJSIP/nope-00000000", "Exten", "5002").get("Message"))
                .isEqualTo("Channel specified does not exist");
    }

    /** Starts an attended transfer from 1003 to 1002 and has 1002 answer; returns the consult channel. */
    private String consultAnswered(AmiTestClient c, String[] call) throws Exception {
        login(c, "5002", true);
        assertThat(c.call("Atxfer", "Channel", call[1], "Exten", "5002", "Context", "from-internal").get("Message"))
                .isEqualTo("Atxfer successfully queued");
        assertThat(c.awaitEvent("Hold").get("Channel")).isEqualTo(call[1]);
        assertThat(c.awaitEvent("MusicOnHoldStart").get("Channel")).isEqualTo(call[0]);
        AmiTestClient.Packet dial = c.await(p -> p.is("DialBegin") && p.get("DestChannel").startsWith("PJSIP/5002-"));
        String consult = dial.get("Channel");
        assertThat(consult).startsWith("PJSIP/5003-").isNotEqualTo(call[1]);
        c.call("PJSIPNotify", "Endpoint", "5002", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", consult);
        return consult;
    }

    @Test
    void attendedTransferCompletesWhenTheTransfererHangsUp() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        String consult = consultAnswered(c, call);
        c.call("Hangup", "Channel", consult);
        AmiTestClient.Packet transfer = c.awaitEvent("AttendedTransfer");
        assertThat(transfer.get("Result")).isEqualTo("Success");
        assertThat(transfer.get("OrigTransfererChannel")).isEqualTo(call[1]);
        assertThat(transfer.get("SecondTransfererChannel")).isEqualTo(consult);
        assertThat(transfer.get("TransfereeChannel")).isEqualTo(call[0]);
        assertThat(transfer.get("TransferTargetChannel")).startsWith("PJSIP/5002-");
        assertThat(c.awaitEvent("AgentComplete").get("Reason")).isEqualTo("transfer");
        c.awaitEvent("Hangup", "Channel", call[1]);
        c.awaitEvent("BridgeEnter", "Channel", call[0]);
        c.awaitEvent("Hangup", "Channel", consult);
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
        assertThat(ami.center().liveCallsOf("1002")).singleElement()
                .satisfies(v -> assertThat(v.participants()).containsExactlyInAnyOrder("5551234", "5002"));
        assertThat(c.events()).noneMatch(p -> p.is("Hangup") && transfer.get("TransferTargetChannel").equals(p.get("Channel")));
    }

    @Test
    void cancelAtxferHangsTheConsultUpAndRetrievesTheCall() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        String consult = consultAnswered(c, call);
        assertThat(c.call("CancelAtxfer", "Channel", call[1]).get("Message")).isEqualTo("CancelAtxfer successfully queued");
        c.awaitEvent("Hangup", "Channel", consult);
        assertThat(c.awaitEvent("MusicOnHoldStop").get("Channel")).isEqualTo(call[0]);
        assertThat(c.awaitEvent("Unhold").get("Channel")).isEqualTo(call[1]);
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        assertThat(ami.center().liveCallsOf("1002")).isEmpty();
        assertThat(c.call("CancelAtxfer", "Channel", call[1]).get("Response")).isEqualTo("Error");
    }

    private static void dtmf(AmiTestClient c, String channel, String digits) throws Exception {
        for (char d : digits.toCharArray()) {
            assertThat(c.call("PlayDTMF", "Channel", channel, "Digit", String.valueOf(d), "Receive", "true").get("Message"))
                    .isEqualTo("DTMF successfully queued");
        }
    }

    @Test
    void theThreewayCodeDuringAnAnsweredConsultJoinsTheTargetToTheCall() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        String consult = consultAnswered(c, call);
        int before = c.events().size();
        dtmf(c, call[1], "*3");                                       // features.conf atxferthreeway, as Conferencecall plays it
        // the target joins the call's bridge (its third channel) before AttendedTransfer, as on Asterisk
        AmiTestClient.Packet joined = c.await(p -> p.is("BridgeEnter") && "3".equals(p.get("BridgeNumChannels")));
        AmiTestClient.Packet threeway = c.awaitEvent("AttendedTransfer");
        assertThat(threeway.get("Result")).isEqualTo("Success");
        assertThat(threeway.get("DestType")).isEqualTo("Threeway");
        assertThat(threeway.get("DestTransfererChannel")).isEqualTo(call[1]);
        assertThat(threeway.get("OrigTransfererChannel")).isEqualTo(call[1]);
        assertThat(threeway.get("TransfereeChannel")).isEqualTo(call[0]);
        String target = threeway.get("TransferTargetChannel");
        assertThat(target).startsWith("PJSIP/5002-");
        assertThat(joined.event()).isEqualTo("BridgeEnter");
        assertThat(joined.get("Channel")).isEqualTo(target);
        assertThat(joined.get("BridgeUniqueid")).isEqualTo(threeway.get("DestBridgeUniqueid"));
        c.awaitEvent("Hangup", "Channel", consult);                      // the phone's consult line closes
        List<String> order = c.events().subList(before, c.events().size()).stream().map(AmiTestClient.Packet::event)
                .filter(e -> List.of("BridgeMerge", "MusicOnHoldStop", "AttendedTransfer", "Unhold", "AgentComplete").contains(e)).toList();
        assertThat(order).containsExactly("BridgeMerge", "MusicOnHoldStop", "AttendedTransfer"); // no Unhold, no AgentComplete
        // as on Asterisk (capture f3), the merge moves the target before AttendedTransfer is published
        List<String> moves = c.events().subList(before, c.events().size()).stream()
                .filter(p -> p.is("AttendedTransfer") || target.equals(p.get("Channel")) && (p.is("BridgeLeave") || p.is("BridgeEnter")))
                .map(AmiTestClient.Packet::event).toList();
        assertThat(moves).containsExactly("BridgeLeave", "BridgeEnter", "AttendedTransfer");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        assertThat(ami.center().liveCallsOf("1003")).singleElement()
                .satisfies(v -> assertThat(v.participants()).containsExactlyInAnyOrder("5551234", "5003", "5002"));
        assertThat(ami.center().agent("1002").orElseThrow().status()).isEqualTo(AgentStatus.TALKING);
        // the transferer leaves: the caller and the target talk on
        c.call("Hangup", "Channel", call[1]);
        c.awaitEvent("Hangup", "Channel", call[1]);
        assertThat(ami.center().liveCallsOf("1002")).singleElement()
                .satisfies(v -> assertThat(v.participants()).containsExactlyInAnyOrder("5551234", "5002"));
    }

    @Test
    void theCompleteCodeTransfersAndTheAbortCodeCancels() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        dtmf(c, call[1], "*3");                                       // no consult: only digits
        assertThat(c.events()).noneMatch(p -> p.is("AttendedTransfer"));
        String consult = consultAnswered(c, call);
        dtmf(c, call[1], "*1");                                       // atxferabort
        c.awaitEvent("Hangup", "Channel", consult);
        assertThat(c.awaitEvent("Unhold").get("Channel")).isEqualTo(call[1]);
        assertThat(ami.center().liveCallsOf("1002")).isEmpty();

        assertThat(c.call("Atxfer", "Channel", call[1], "Exten", "5002", "Context", "from-internal").get("Message"))
                .isEqualTo("Atxfer successfully queued");
        AmiTestClient.Packet dial = c.await(p -> p.is("DialBegin") && p.get("DestChannel").startsWith("PJSIP/5002-"));
        c.call("PJSIPNotify", "Endpoint", "5002", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", dial.get("Channel"));
        dtmf(c, call[1], "*2");                                       // atxfercomplete
        assertThat(c.awaitEvent("AttendedTransfer").get("DestType")).isEqualTo("Bridge");
        c.awaitEvent("Hangup", "Channel", call[1]);
        assertThat(ami.center().liveCallsOf("1003")).isEmpty();
        assertThat(ami.center().liveCallsOf("1002")).singleElement()
                .satisfies(v -> assertThat(v.participants()).containsExactlyInAnyOrder("5551234", "5002"));
    }

    @Test
    void redirectOfTheCallerSendsItOnAndHangsTheAgentLegUp() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String[] call = talking(c);
        login(c, "5002", true);
        assertThat(c.call("Redirect", "Channel", call[0], "Context", "from-internal", "Exten", "5002", "Priority", "1")
                .get("Message")).isEqualTo("Redirect successful");
        assertThat(c.awaitEvent("Hangup", "Channel", call[1]).get("Cause")).isEqualTo("16");
        assertThat(c.awaitEvent("DialBegin", "Channel", call[0]).get("DestChannel")).startsWith("PJSIP/5002-");
        assertThat(c.events()).noneMatch(p -> p.is("BlindTransfer"));
        assertThat(c.call("Redirect", "Channel", call[0], "Exten", "5002", "ExtraChannel", call[1]).get("Response")).isEqualTo("Error");
        assertThat(c.call("Redirect", "Channel", "PJSIP/nope-00000000", "Exten", "1").get("Message"))
                .isEqualTo("Channel specified does not exist: PJSIP/nope-00000000");
    }
}
