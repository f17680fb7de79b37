package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.simulator.sandbox.SandboxHarness.inbound;
import static org.genericconnector.simulator.sandbox.SandboxHarness.kinds;

import java.time.Duration;
import java.util.List;

import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.junit.jupiter.api.Test;

/** The call flows, through the adapter SPI, with the events in the order the guide lists them for each command. */
class CallFlowTest {
    private static final String AGENT = "1003";      // Sales, wrap-up REQUIRED
    private static final String COLLEAGUE = "1006";  // Sales, extension 5006

    private final SandboxHarness gc = new SandboxHarness();

    @Test
    void inboundCallIsOfferedAnsweredAndReleasedWithTheGuidesEvents() {
        gc.loginReady(AGENT);
        String dialog = gc.dialog("inbound from=+4930555 queue=Sales vars=callVariable1=123;user.crm.id=9");

        List<Event> offered = gc.takePublished(AGENT);
        assertThat(kinds(offered)).containsExactly("NewInboundCall", "State:RESERVED");
        Event.NewInboundCall ringing = (Event.NewInboundCall) offered.get(0);
        assertThat(ringing.dialogId()).isEqualTo(dialog);
        assertThat(ringing.fromAddress()).isEqualTo("+4930555");
        assertThat(ringing.callType()).isEqualTo("ACD_IN");
        assertThat(ringing.startTime()).isEqualTo("2026-01-05T08:00:00Z");
        assertThat(ringing.callVariables()).hasSize(11).startsWith("123").endsWith("9");

        List<Event> answered = gc.send(new Command.AnswerCall(AGENT, dialog));
        assertThat(kinds(answered)).containsExactly("InboundCall:ACTIVE", "State:TALKING");
        assertThat(inbound(answered, CallState.ACTIVE).participants()).containsExactly("+4930555", "5003");

        List<Event> released = gc.send(new Command.ReleaseCall(AGENT, dialog));
        assertThat(kinds(released)).containsExactly("InboundCall:DROPPED", "State:WORK_READY");
    }

    @Test
    void aQueuedCallWaitsForAReadyAgentAndShowsInTheQueueStatistics() {
        gc.login(AGENT);
        gc.timers.advance(Duration.ofSeconds(5));
        gc.dialog("inbound queue=Sales from=+4930555");
        gc.timers.advance(Duration.ofSeconds(20));
        QueueStats.Agent sales = (QueueStats.Agent) ((Event.QueueList) gc.send(new Command.GetQueueList(AGENT)).get(0)).queues()
                .stream().filter(q -> q.name().equals("Sales")).findFirst().orElseThrow();
        assertThat(sales.waitingCalls()).isEqualTo(1);
        assertThat(sales.longestCallInQueue()).isEqualTo("2026-01-05T08:00:05Z");

        List<Event> ready = gc.send(new Command.MakeReady(AGENT, AGENT));
        assertThat(kinds(ready)).containsExactly("State:READY", "NewInboundCall", "State:RESERVED");
    }

    @Test
    void anUnansweredOfferIsTakenBackAfterTheRingTimeoutAndOfferedToTheNextAgent() {
        gc.loginReady(AGENT);
        gc.timers.advance(Duration.ofSeconds(1));
        gc.loginReady(COLLEAGUE);
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.takePublished(AGENT);
        gc.timers.advance(Duration.ofSeconds(14));
        assertThat(gc.takePublished(AGENT)).isEmpty();
        gc.timers.advance(Duration.ofSeconds(1));

        List<Event> rona = gc.takePublished(AGENT);
        assertThat(kinds(rona)).containsExactly("InboundCall:DROPPED", "State:NOT_READY");
        assertThat(((Event.State) rona.get(1)).reasonCodeId()).isEqualTo("32767");
        List<Event> next = gc.takePublished(COLLEAGUE);
        assertThat(kinds(next)).containsExactly("NewInboundCall", "State:RESERVED");
        assertThat(((Event.NewInboundCall) next.get(0)).dialogId()).isEqualTo(dialog);
    }

    @Test
    void ringNoAnswerCanBeForcedByTheScenario() {
        gc.loginReady(AGENT);
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.takePublished(AGENT);
        assertThat(gc.control("ring-no-answer dialog=" + dialog)).isEqualTo("OK");
        assertThat(kinds(gc.takePublished(AGENT))).containsExactly("InboundCall:DROPPED", "State:NOT_READY");
        assertThat(gc.control("status")).contains("waiting=Sales:1,");
    }

    @Test
    void aCallerWhoHangsUpInTheQueueIsAbandoned() {
        String dialog = gc.dialog("inbound queue=Support from=+4930555");
        assertThat(gc.control("caller-hangup dialog=" + dialog)).isEqualTo("OK");
        assertThat(gc.control("status")).contains("Support:0");
        assertThat(gc.control("caller-hangup dialog=" + dialog)).startsWith("ERROR");
    }

    @Test
    void theCallerHangingUpEndsAConnectedCall() {
        String dialog = answered(AGENT);
        gc.control("caller-hangup dialog=" + dialog);
        assertThat(kinds(gc.takePublished(AGENT))).containsExactly("InboundCall:DROPPED", "State:WORK_READY");
    }

    @Test
    void makeCallToAnOutsideNumberIsTalkingInitiatingInitiatedActive() {
        gc.login(AGENT);
        List<Event> events = gc.send(new Command.MakeCall(AGENT, "+4930123456"));
        assertThat(kinds(events)).containsExactly("State:TALKING", "InboundCall:INITIATING", "InboundCall:INITIATED", "InboundCall:ACTIVE");
        assertThat(inbound(events, CallState.ACTIVE).callType()).isEqualTo("OUT");
    }

    @Test
    void makeCallToAnotherAgentRingsThereAndIsActiveWhenAnswered() {
        gc.login(AGENT);
        gc.login(COLLEAGUE);
        List<Event> dialing = gc.send(new Command.MakeCall(AGENT, "5006"));
        assertThat(kinds(dialing)).containsExactly("State:TALKING", "InboundCall:INITIATING", "InboundCall:INITIATED", "InboundCall:ALERTING");
        String dialog = inbound(dialing, CallState.ALERTING).dialogId();
        assertThat(kinds(gc.takePublished(COLLEAGUE))).containsExactly("NewInboundCall");

        assertThat(kinds(gc.send(new Command.AnswerCall(COLLEAGUE, dialog)))).containsExactly("InboundCall:ACTIVE", "State:TALKING");
        assertThat(kinds(gc.takePublished(AGENT))).containsExactly("InboundCall:ACTIVE");

        assertThat(kinds(gc.send(new Command.ReleaseCall(COLLEAGUE, dialog)))).containsExactly("InboundCall:DROPPED", "State:NOT_READY");
        assertThat(kinds(gc.takePublished(AGENT))).containsExactly("InboundCall:DROPPED", "State:NOT_READY");
    }

    @Test
    void makeCallToABusyOrAbsentAgentFailsWithACause() {
        gc.login(AGENT);
        gc.login(COLLEAGUE);
        gc.send(new Command.MakeCall(COLLEAGUE, "+4930123456"));
        List<Event> busy = gc.send(new Command.MakeCall(AGENT, "5006"));
        assertThat(kinds(busy)).containsExactly("State:TALKING", "InboundCall:INITIATING", "InboundCall:INITIATED",
                "InboundCall:FAILED", "State:NOT_READY");
        assertThat(((Event.InboundCallFailed) busy.get(3)).failureCause()).isEqualTo("BUSY");

        List<Event> absent = gc.send(new Command.MakeCall(AGENT, "5009"));
        assertThat(((Event.InboundCallFailed) absent.get(3)).failureCause()).isEqualTo("UNALLOCATED_NUMBER");
        assertThat(gc.refused(new Command.MakeCall(AGENT, "not-a-number"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void holdAndRetrieve() {
        String dialog = answered(AGENT);
        assertThat(kinds(gc.send(new Command.HoldCall(AGENT, dialog)))).containsExactly("InboundCall:HELD", "State:HOLD");
        assertThat(gc.refused(new Command.HoldCall(AGENT, dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(kinds(gc.send(new Command.RetrieveCall(AGENT, dialog)))).containsExactly("InboundCall:ACTIVE", "State:TALKING");
    }

    @Test
    void blindTransferHandsTheCallToAnotherAgentWithItsData() {
        gc.login(COLLEAGUE);
        String dialog = answered(AGENT);
        gc.send(new Command.UpdateCallVariables(AGENT, dialog, List.of(new CallVariable("callVariable2", "gold"))));

        List<Event> transferring = gc.send(new Command.TransferSst(AGENT, "5006", dialog));
        assertThat(kinds(transferring)).containsExactly("InboundCall:HELD", "State:HOLD", "ConsultCall:INITIATING",
                "ConsultCall:INITIATED", "ConsultCall:ALERTING", "ConsultCall:DROPPED", "InboundCall:DROPPED", "State:WORK_READY");

        Event.NewInboundCall offered = (Event.NewInboundCall) gc.takePublished(COLLEAGUE).get(0);
        assertThat(offered.dialogId()).isEqualTo(dialog);
        assertThat(offered.callVariables().get(1)).isEqualTo("gold");
        List<Event> answered = gc.send(new Command.AnswerCall(COLLEAGUE, dialog));
        assertThat(inbound(answered, CallState.ACTIVE).participants()).containsExactly("+4930555", "5006");
    }

    @Test
    void blindTransferToAnOutsideNumberLeavesTheCustomerWithIt() {
        String dialog = answered(AGENT);
        gc.send(new Command.TransferSst(AGENT, "+4940999", dialog));
        assertThat(gc.adapter.contactCenter().call(dialog).orElseThrow().participants()).containsExactly("+4930555", "+4940999");
    }

    @Test
    void consultThenTransfer() {
        gc.login(COLLEAGUE);
        String dialog = answered(AGENT);
        List<Event> consulting = gc.send(new Command.ConsultCall(AGENT, "5006", dialog));
        assertThat(kinds(consulting)).containsExactly("InboundCall:HELD", "ConsultCall:INITIATING", "ConsultCall:INITIATED",
                "ConsultCall:ALERTING");
        Event.ConsultCall alerting = (Event.ConsultCall) consulting.get(3);
        assertThat(alerting.agentName()).isEqualTo("Felix Becker");
        String consult = alerting.associatedDialogId();

        Event.NewInboundCall ringing = (Event.NewInboundCall) gc.takePublished(COLLEAGUE).get(0);
        assertThat(ringing.dialogId()).isEqualTo(consult);
        assertThat(ringing.callType()).isEqualTo("CONSULT");
        gc.send(new Command.AnswerCall(COLLEAGUE, consult));
        assertThat(kinds(gc.takePublished(AGENT))).containsExactly("ConsultCall:ACTIVE");
        assertThat(gc.refused(new Command.RetrieveCall(AGENT, dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);

        List<Event> transferred = gc.send(new Command.TransferCall(AGENT, "5006", dialog));
        assertThat(kinds(transferred)).containsExactly("InboundCall:DROPPED", "ConsultCall:DROPPED", "State:WORK_READY");
        List<Event> colleague = gc.takePublished(COLLEAGUE);
        assertThat(kinds(colleague)).containsExactly("InboundCall:ACTIVE", "InboundCall:DROPPED");
        assertThat(((Event.InboundCall) colleague.get(0)).dialogId()).isEqualTo(dialog);
        assertThat(((Event.DialogState) gc.send(new Command.GetDialogState(COLLEAGUE, dialog)).get(0)).state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void consultThenConferenceAndTheConferenceOutlivesTheFirstAgent() {
        gc.login(COLLEAGUE);
        String dialog = answered(AGENT);
        String consult = ((Event.ConsultCall) gc.send(new Command.ConsultCall(AGENT, "5006", dialog)).get(3)).associatedDialogId();
        gc.send(new Command.AnswerCall(COLLEAGUE, consult));
        gc.takePublished(COLLEAGUE);
        gc.takePublished(AGENT);

        List<Event> conferenced = gc.send(new Command.ConferenceCall(AGENT, "5006", dialog));
        assertThat(kinds(conferenced)).containsExactly("InboundCall:ACTIVE", "ConsultCall:DROPPED");
        assertThat(inbound(conferenced, CallState.ACTIVE).participants()).containsExactly("+4930555", "5003", "5006");
        assertThat(kinds(gc.takePublished(COLLEAGUE))).containsExactly("InboundCall:DROPPED", "InboundCall:ACTIVE");

        gc.send(new Command.ReleaseCall(AGENT, dialog));
        List<Event> remaining = gc.takePublished(COLLEAGUE);
        assertThat(inbound(remaining, CallState.ACTIVE).participants()).containsExactly("+4930555", "5006");
    }

    @Test
    void consultToAnOutsideNumberIsActiveAtOnceAndCanBeReleased() {
        String dialog = answered(AGENT);
        List<Event> consulting = gc.send(new Command.ConsultCall(AGENT, "+4940777", dialog));
        assertThat(kinds(consulting)).containsExactly("InboundCall:HELD", "ConsultCall:INITIATING", "ConsultCall:INITIATED", "ConsultCall:ACTIVE");
        String consult = ((Event.ConsultCall) consulting.get(3)).associatedDialogId();
        assertThat(kinds(gc.send(new Command.ReleaseCall(AGENT, consult)))).containsExactly("ConsultCall:DROPPED", "State:HOLD");
        assertThat(kinds(gc.send(new Command.RetrieveCall(AGENT, dialog)))).containsExactly("InboundCall:ACTIVE", "State:TALKING");
    }

    @Test
    void transferWithoutAConsultIsRefused() {
        String dialog = answered(AGENT);
        assertThat(gc.refused(new Command.TransferCall(AGENT, "5006", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(gc.refused(new Command.ConferenceCall(AGENT, "5006", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
    }

    @Test
    void updateCallVariablesSetsNumberedAndNamedVariables() {
        String dialog = answered(AGENT);
        List<Event> updated = gc.send(new Command.UpdateCallVariables(AGENT, dialog,
                List.of(new CallVariable("callVariable10", "ten"), new CallVariable("user.crm.id", "42"))));
        Event.InboundCall call = inbound(updated, CallState.ACTIVE);
        assertThat(call.callVariables().get(9)).isEqualTo("ten");
        assertThat(call.callVariables()).endsWith("42");
        assertThat(gc.refused(new Command.UpdateCallVariables(AGENT, dialog, List.of(new CallVariable("callVariable11", "x")))))
                .isEqualTo(ErrorCode.INVALID_CALL_DATA);
        assertThat(gc.refused(new Command.UpdateCallVariables(AGENT, "999", List.of(new CallVariable("callVariable1", "x")))))
                .isEqualTo(ErrorCode.INVALID_CALL_DATA);
    }

    @Test
    void getDialogStateReportsTheAgentsLegAlsoAfterTheCall() {
        String dialog = answered(AGENT);
        assertThat(kinds(gc.send(new Command.GetDialogState(AGENT, dialog)))).containsExactly("DialogState:ACTIVE");
        gc.send(new Command.ReleaseCall(AGENT, dialog));
        assertThat(kinds(gc.send(new Command.GetDialogState(AGENT, dialog)))).containsExactly("DialogState:DROPPED");
        assertThat(gc.refused(new Command.GetDialogState(AGENT, "12345"))).isEqualTo(ErrorCode.E_CTI_INVALID_CALL_ID);
    }

    @Test
    void wrapUpAppliesAConfiguredReasonToTheAgentsCall() {
        String dialog = answered(AGENT);
        gc.send(new Command.ReleaseCall(AGENT, dialog));
        assertThat(gc.send(new Command.WrapUp(AGENT, "Complaint", dialog))).isEmpty();
        assertThat(gc.send(new Command.WrapUp(AGENT, "21", dialog))).isEmpty();
        assertThat(gc.refused(new Command.WrapUp(AGENT, "Complaint", "12345"))).isEqualTo(ErrorCode.E_CTI_INVALID_CALL_ID);
        assertThat(gc.refused(new Command.WrapUp(AGENT, "No such reason", dialog))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void releasingACallTheAgentIsNotOnIsRefused() {
        gc.login(AGENT);
        assertThat(gc.refused(new Command.ReleaseCall(AGENT, "12345"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.AnswerCall(AGENT, "12345"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void aDirectCallRingsANotReadyAgentWithoutReservingIt() {
        gc.login(AGENT);
        String dialog = gc.dialog("inbound to-agent=" + AGENT + " from=+4930777");
        assertThat(kinds(gc.takePublished(AGENT))).containsExactly("NewInboundCall");
        assertThat(kinds(gc.send(new Command.AnswerCall(AGENT, dialog)))).containsExactly("InboundCall:ACTIVE", "State:TALKING");
        assertThat(kinds(gc.send(new Command.ReleaseCall(AGENT, dialog)))).containsExactly("InboundCall:DROPPED", "State:WORK");
    }

    @Test
    void anOfflineDeviceGetsNoCallsAndCannotLogIn() {
        gc.loginReady(AGENT);
        assertThat(gc.control("device-offline extension=5003")).isEqualTo("OK");
        assertThat(gc.state(AGENT)).isEqualTo(org.genericconnector.protocol.AgentState.NOT_READY);
        gc.dialog("inbound queue=Sales from=+4930555");
        assertThat(kinds(gc.takePublished(AGENT))).doesNotContain("NewInboundCall");
        assertThat(gc.refused(new Command.Login("1007", "sample-1007", "5003"))).isEqualTo(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
        gc.control("device-offline extension=5007");
        assertThat(gc.refused(new Command.Login("1007", "sample-1007", "5007"))).isEqualTo(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
        gc.control("device-online extension=5007");
        gc.send(new Command.Login("1007", "sample-1007", "5007"));
    }

    @Test
    void theSameSeedAndScriptGiveTheSameDialogsAndEvents() {
        assertThat(script(new SandboxHarness())).isEqualTo(script(new SandboxHarness()));
        assertThat(script(new SandboxHarness())).isNotEqualTo(script(new SandboxHarness(1000, Duration.ofSeconds(15), 2L)));
    }

    private static List<String> script(SandboxHarness harness) {
        harness.loginReady(AGENT);
        String dialog = harness.dialog("inbound queue=Sales");
        harness.send(new Command.AnswerCall(AGENT, dialog));
        harness.timers.advance(Duration.ofSeconds(30));
        harness.send(new Command.ReleaseCall(AGENT, dialog));
        harness.timers.advance(Duration.ofSeconds(60));
        return harness.published.stream().map(e -> org.genericconnector.protocol.event.EventEncoder.encode(e)).toList();
    }

    private String answered(String agentId) {
        gc.loginReady(agentId);
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.send(new Command.AnswerCall(agentId, dialog));
        gc.takePublished(agentId);
        return dialog;
    }
}
