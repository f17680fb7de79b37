package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.protocol.AgentState.*;
import static org.genericconnector.simulator.sandbox.SandboxHarness.states;

import java.time.Duration;
import java.util.List;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.Test;

/**
 * Every row of the guide's "Agent State Transition" table, through the adapter SPI, and the requests the
 * table does not allow (refused with CF_INVALID_OBJECT_STATE, state unchanged). The row "* -> UNKNOWN" is
 * not simulated: the sandbox always knows its agents' states.
 */
class AgentStateTransitionTest {
    // Sales agents: 1003 wrap-up REQUIRED, 1005 NOT_ALLOWED; 60 s wrap-up timer.
    private static final String WRAPS_UP = "1003";
    private static final String NO_WRAP_UP = "1005";

    private final SandboxHarness gc = new SandboxHarness();

    @Test
    void logoutToLoginIsTransientAndLandsInNotReadyWithReasonMinusOne() {
        List<Event> replies = gc.login("1002");
        assertThat(states(replies)).containsExactly(NOT_READY);
        Event.State state = (Event.State) replies.stream().filter(Event.State.class::isInstance).findFirst().orElseThrow();
        assertThat(state.reasonCodeId()).isEqualTo("-1");
        assertThat(state.extension()).isEqualTo("5002");
        assertThat(state.stateChangeTime()).isEqualTo(SandboxHarness.START);
    }

    @Test
    void notReadyToLogout() {
        gc.login("1002");
        assertThat(states(gc.send(new Command.Logout("1002", "1002")))).containsExactly(LOGOUT);
        Event.State state = (Event.State) gc.send(new Command.GetState("1002")).get(0);
        assertThat(state.state()).isEqualTo(LOGOUT);
        assertThat(state.reasonCodeId()).isEqualTo("-1");
    }

    @Test
    void notReadyToLogoutWithReason() {
        gc.login("1002");
        Event.State state = (Event.State) gc.send(new Command.LogoutWithReason("1002", "11")).get(0);
        assertThat(state.state()).isEqualTo(LOGOUT);
        assertThat(state.reasonCodeId()).isEqualTo("11");
        assertThat(state.reasonLabel()).isEqualTo("End of shift");
    }

    @Test
    void notReadyToNotReadyChangesTheReasonCode() {
        gc.login("1002");
        Event.State state = (Event.State) gc.send(new Command.MakeNotReadyWithReason("1002", "2")).get(0);
        assertThat(state.state()).isEqualTo(NOT_READY);
        assertThat(state.reasonCodeId()).isEqualTo("2");
        assertThat(state.reasonLabel()).isEqualTo("Lunch");
    }

    @Test
    void notReadyToReadyHasAnEmptyReason() {
        gc.login("1002");
        Event.State state = (Event.State) gc.send(new Command.MakeReady("1002", "1002")).get(0);
        assertThat(state.state()).isEqualTo(READY);
        assertThat(state.reasonCodeId()).isEmpty();
    }

    @Test
    void notReadyToTalkingByPlacingACall() {
        gc.login("1002");
        assertThat(states(gc.send(new Command.MakeCall("1002", "+4930123456")))).containsExactly(TALKING);
    }

    @Test
    void readyToReservedWhenACallIsOffered() {
        gc.loginReady("1002");
        gc.dialog("inbound queue=Sales from=+4930555");
        assertThat(states(gc.takePublished("1002"))).containsExactly(RESERVED);
    }

    @Test
    void readyToReservedOutboundAndBackToReadyOrNotReady() {
        gc.loginReady("1002");
        assertThat(gc.control("reserve-outbound agent=1002")).isEqualTo("OK");
        assertThat(gc.state("1002")).isEqualTo(RESERVED_OUTBOUND);
        assertThat(states(gc.send(new Command.MakeReady("1002", "1002")))).containsExactly(READY);
        gc.control("reserve-outbound agent=1002");
        assertThat(states(gc.send(new Command.MakeNotReady("1002", "1002")))).containsExactly(NOT_READY);
    }

    @Test
    void reservedOutboundToTalkingWhenTheDialerConnectsACustomer() {
        gc.loginReady("1002");
        gc.control("reserve-outbound agent=1002");
        gc.takePublished("1002");
        gc.dialog("outbound-connect agent=1002 campaign=Renewals number=+4940111222");
        assertThat(states(gc.takePublished("1002"))).containsExactly(TALKING);
    }

    @Test
    void readyToReservedOutboundPreviewAndBackToReadyOnReject() {
        gc.loginReady("1002");
        String dialog = gc.dialog("preview agent=1002 campaign=Renewals number=+4940111222");
        assertThat(states(gc.takePublished("1002"))).containsExactly(RESERVED_OUTBOUND_PREVIEW);
        assertThat(states(gc.send(new Command.RejectOutboundPreview("1002", dialog)))).containsExactly(READY);
    }

    @Test
    void notReadyDuringAPreviewReservationIsPendingUntilTheReservationCloses() {
        gc.loginReady("1002");
        String dialog = gc.dialog("preview agent=1002 campaign=Renewals number=+4940111222");
        Event.State pending = (Event.State) gc.send(new Command.MakeNotReadyWithReason("1002", "1")).get(0);
        assertThat(pending.state()).isEqualTo(RESERVED_OUTBOUND_PREVIEW);
        assertThat(pending.pendingState()).isEqualTo(NOT_READY);
        List<Event> closed = gc.send(new Command.CloseOutboundPreview("1002", dialog));
        assertThat(states(closed)).containsExactly(NOT_READY);
        assertThat(((Event.State) closed.get(closed.size() - 1)).reasonCodeId()).isEqualTo("1");
    }

    @Test
    void reservedOutboundPreviewToTalkingOnAccept() {
        gc.loginReady("1002");
        String dialog = gc.dialog("preview agent=1002 campaign=Renewals number=+4940111222");
        assertThat(states(gc.send(new Command.AcceptOutboundPreview("1002", dialog)))).containsExactly(TALKING);
    }

    @Test
    void readyToNotReady() {
        gc.loginReady("1002");
        assertThat(states(gc.send(new Command.MakeNotReady("1002", "1002")))).containsExactly(NOT_READY);
    }

    @Test
    void reservedToReadyWhenTheCallerHangsUpBeforeTheAnswer() {
        gc.loginReady("1002");
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.takePublished("1002");
        assertThat(gc.control("caller-hangup dialog=" + dialog)).isEqualTo("OK");
        assertThat(states(gc.takePublished("1002"))).containsExactly(READY);
    }

    @Test
    void reservedToTalkingOnAnswer() {
        gc.loginReady("1002");
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        assertThat(states(gc.send(new Command.AnswerCall("1002", dialog)))).containsExactly(TALKING);
    }

    @Test
    void talkingToReadyAfterTheCallWhenTheAgentWasReadyAndWrapUpIsNotAllowed() {
        String dialog = answeredInbound(NO_WRAP_UP);
        assertThat(states(gc.send(new Command.ReleaseCall(NO_WRAP_UP, dialog)))).containsExactly(READY);
    }

    @Test
    void talkingToNotReadyAfterACallPlacedFromNotReady() {
        gc.login(WRAPS_UP);
        String dialog = madeCall(WRAPS_UP);
        assertThat(states(gc.send(new Command.ReleaseCall(WRAPS_UP, dialog)))).containsExactly(NOT_READY);
    }

    @Test
    void talkingToNotReadyAfterTheCallWhenNotReadyWasChosenDuringItWithoutWrapUp() {
        String dialog = answeredInbound(NO_WRAP_UP);
        Event.State pending = (Event.State) gc.send(new Command.MakeNotReadyWithReason(NO_WRAP_UP, "3")).get(0);
        assertThat(pending.state()).isEqualTo(TALKING);
        assertThat(pending.pendingState()).isEqualTo(NOT_READY);
        List<Event> released = gc.send(new Command.ReleaseCall(NO_WRAP_UP, dialog));
        assertThat(states(released)).containsExactly(NOT_READY);
        assertThat(((Event.State) released.get(1)).reasonCodeId()).isEqualTo("3");
    }

    @Test
    void talkingToWorkWhenNotReadyWasChosenDuringTheCallAndWrapUpApplies() {
        String dialog = answeredInbound(WRAPS_UP);
        gc.send(new Command.MakeNotReady(WRAPS_UP, WRAPS_UP));
        assertThat(states(gc.send(new Command.ReleaseCall(WRAPS_UP, dialog)))).containsExactly(WORK);
    }

    @Test
    void talkingToWorkReadyAfterTheCallWhenWrapUpApplies() {
        String dialog = answeredInbound(WRAPS_UP);
        assertThat(states(gc.send(new Command.ReleaseCall(WRAPS_UP, dialog)))).containsExactly(WORK_READY);
    }

    @Test
    void talkingToHoldAndHoldToTalking() {
        String dialog = answeredInbound(WRAPS_UP);
        assertThat(states(gc.send(new Command.HoldCall(WRAPS_UP, dialog)))).containsExactly(HOLD);
        assertThat(states(gc.send(new Command.RetrieveCall(WRAPS_UP, dialog)))).containsExactly(TALKING);
    }

    @Test
    void holdToReadyWhenAHeldCallIsDroppedWithoutWrapUp() {
        String dialog = answeredInbound(NO_WRAP_UP);
        gc.send(new Command.HoldCall(NO_WRAP_UP, dialog));
        gc.control("caller-hangup dialog=" + dialog);
        assertThat(states(gc.takePublished(NO_WRAP_UP))).containsExactly(READY);
    }

    @Test
    void holdToNotReadyWhenAHeldCallPlacedFromNotReadyIsDropped() {
        gc.login(WRAPS_UP);
        String dialog = madeCall(WRAPS_UP);
        gc.send(new Command.HoldCall(WRAPS_UP, dialog));
        assertThat(states(gc.send(new Command.ReleaseCall(WRAPS_UP, dialog)))).containsExactly(NOT_READY);
    }

    @Test
    void holdToWorkWhenNotReadyWasChosenAndTheHeldCallIsDropped() {
        String dialog = answeredInbound(WRAPS_UP);
        gc.send(new Command.HoldCall(WRAPS_UP, dialog));
        gc.send(new Command.MakeNotReady(WRAPS_UP, WRAPS_UP));
        gc.control("caller-hangup dialog=" + dialog);
        assertThat(states(gc.takePublished(WRAPS_UP))).containsExactly(WORK);
    }

    @Test
    void holdToWorkReadyWhenTheHeldCallIsDropped() {
        String dialog = answeredInbound(WRAPS_UP);
        gc.send(new Command.HoldCall(WRAPS_UP, dialog));
        gc.control("caller-hangup dialog=" + dialog);
        assertThat(states(gc.takePublished(WRAPS_UP))).containsExactly(WORK_READY);
    }

    @Test
    void workToReadyOrNotReadyOnRequest() {
        inWork(WRAPS_UP);
        assertThat(states(gc.send(new Command.MakeReady(WRAPS_UP, WRAPS_UP)))).containsExactly(READY);
        gc.send(new Command.MakeNotReady(WRAPS_UP, WRAPS_UP));
        inWorkAgain(WRAPS_UP);
        assertThat(states(gc.send(new Command.MakeNotReady(WRAPS_UP, WRAPS_UP)))).containsExactly(NOT_READY);
    }

    @Test
    void workToNotReadyWhenTheWrapUpTimerExpires() {
        inWork(WRAPS_UP);
        gc.timers.advance(Duration.ofSeconds(59));
        assertThat(gc.state(WRAPS_UP)).isEqualTo(WORK);
        gc.timers.advance(Duration.ofSeconds(1));
        assertThat(states(gc.takePublished(WRAPS_UP))).containsExactly(NOT_READY);
    }

    @Test
    void workReadyToReadyOnRequestOrWhenTheTimerExpires() {
        String dialog = answeredInbound(WRAPS_UP);
        gc.send(new Command.ReleaseCall(WRAPS_UP, dialog));
        gc.timers.advance(Duration.ofSeconds(60));
        assertThat(states(gc.takePublished(WRAPS_UP))).containsExactly(READY);

        String second = answeredAgain(WRAPS_UP);
        gc.send(new Command.ReleaseCall(WRAPS_UP, second));
        assertThat(states(gc.send(new Command.MakeReady(WRAPS_UP, WRAPS_UP)))).containsExactly(READY);
        gc.timers.advance(Duration.ofSeconds(60));
        assertThat(states(gc.takePublished(WRAPS_UP))).as("a stale timer changes nothing").isEmpty();
    }

    @Test
    void workReadyToNotReadyOnRequest() {
        String dialog = answeredInbound(WRAPS_UP);
        gc.send(new Command.ReleaseCall(WRAPS_UP, dialog));
        assertThat(states(gc.send(new Command.MakeNotReady(WRAPS_UP, WRAPS_UP)))).containsExactly(NOT_READY);
    }

    @Test
    void makeWorkReadyAndMakeWorkNotReadyArePendingDuringACall() {
        gc.login(WRAPS_UP);
        String dialog = madeCall(WRAPS_UP);
        Event.State pending = (Event.State) gc.send(new Command.MakeWorkReady(WRAPS_UP, WRAPS_UP)).get(0);
        assertThat(pending.pendingState()).isEqualTo(WORK_READY);
        assertThat(states(gc.send(new Command.ReleaseCall(WRAPS_UP, dialog)))).containsExactly(WORK_READY);

        gc.send(new Command.MakeNotReady(WRAPS_UP, WRAPS_UP));
        String second = madeCall(WRAPS_UP);
        gc.send(new Command.MakeWorkNotReady(WRAPS_UP, WRAPS_UP));
        assertThat(states(gc.send(new Command.ReleaseCall(WRAPS_UP, second)))).containsExactly(WORK);
    }

    @Test
    void requiredWithWrapUpDataKeepsTheAgentInWrapUpUntilAReasonIsApplied() {
        String agent = "1004";
        String dialog = answeredInbound(agent);
        gc.send(new Command.ReleaseCall(agent, dialog));
        assertThat(gc.refused(new Command.MakeReady(agent, agent))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        gc.send(new Command.WrapUp(agent, "Sale", dialog));
        assertThat(states(gc.send(new Command.MakeReady(agent, agent)))).containsExactly(READY);
    }

    @Test
    void anOptionalWrapUpAgentGoesToWrapUpOnlyWhenItAsks() {
        String optional = "1002";
        String dialog = answeredInbound(optional);
        assertThat(states(gc.send(new Command.ReleaseCall(optional, dialog)))).containsExactly(READY);
        String second = answeredAgain(optional);
        gc.send(new Command.MakeWorkReady(optional, optional));
        assertThat(states(gc.send(new Command.ReleaseCall(optional, second)))).containsExactly(WORK_READY);
    }

    @Test
    void aNotAllowedAgentCannotAskForWrapUp() {
        String dialog = answeredInbound(NO_WRAP_UP);
        assertThat(gc.refused(new Command.MakeWorkReady(NO_WRAP_UP, NO_WRAP_UP))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(states(gc.send(new Command.ReleaseCall(NO_WRAP_UP, dialog)))).containsExactly(READY);
    }

    // ---- requests the table does not allow

    @Test
    void logoutIsRefusedUnlessNotReady() {
        gc.loginReady("1002");
        assertRefusedAndUnchanged(new Command.Logout("1002", "1002"), READY);
        gc.send(new Command.MakeNotReady("1002", "1002"));
        String dialog = answeredInbound(WRAPS_UP);
        assertRefusedAndUnchanged(new Command.LogoutWithReason(WRAPS_UP, "11"), TALKING);
        gc.send(new Command.ReleaseCall(WRAPS_UP, dialog));
        assertRefusedAndUnchanged(new Command.Logout(WRAPS_UP, WRAPS_UP), WORK_READY);
    }

    @Test
    void readyIsRefusedWhileReservedAndNotReadyToo() {
        gc.loginReady("1002");
        gc.dialog("inbound queue=Sales from=+4930555");
        assertRefusedAndUnchanged(new Command.MakeReady("1002", "1002"), RESERVED);
        assertRefusedAndUnchanged(new Command.MakeNotReady("1002", "1002"), RESERVED);
    }

    @Test
    void workStatesCannotBeEnteredOutsideACall() {
        gc.login("1002");
        assertRefusedAndUnchanged(new Command.MakeWorkNotReady("1002", "1002"), NOT_READY);
        gc.send(new Command.MakeReady("1002", "1002"));
        assertRefusedAndUnchanged(new Command.MakeWorkReady("1002", "1002"), READY);
    }

    @Test
    void aReadyAgentCannotPlaceACall() {
        gc.loginReady("1002");
        assertRefusedAndUnchanged(new Command.MakeCall("1002", "+4930123456"), READY);
    }

    @Test
    void aLoggedOutAgentCannotChangeState() {
        assertThat(gc.refused(new Command.MakeReady("1002", "1002"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(gc.state("1002")).isEqualTo(LOGOUT);
    }

    @Test
    void anUnknownReasonCodeIsRefusedWithMissingReasonCode() {
        gc.login("1002");
        assertThat(gc.refused(new Command.MakeNotReadyWithReason("1002", "999"))).isEqualTo(ErrorCode.MISSING_REASON_CODE);
        assertThat(gc.refused(new Command.LogoutWithReason("1002", "1"))).isEqualTo(ErrorCode.MISSING_REASON_CODE);
        assertThat(gc.state("1002")).isEqualTo(NOT_READY);
    }

    // ---- helpers

    private void assertRefusedAndUnchanged(Command command, org.genericconnector.protocol.AgentState expected) {
        assertThat(gc.state(command.agentId())).isEqualTo(expected);
        assertThat(gc.refused(command)).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(gc.state(command.agentId())).isEqualTo(expected);
    }

    /** Logs the agent in READY (the only ready Sales agent), offers it a queue call and answers it. */
    private String answeredInbound(String agentId) {
        gc.loginReady(agentId);
        return answeredAgain(agentId);
    }

    private String answeredAgain(String agentId) {
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.send(new Command.AnswerCall(agentId, dialog));
        gc.takePublished(agentId);
        return dialog;
    }

    private String madeCall(String agentId) {
        gc.send(new Command.MakeCall(agentId, "+4930123456"));
        return gc.adapter.contactCenter().liveCallsOf(agentId).get(0).id();
    }

    private void inWork(String agentId) {
        String dialog = answeredInbound(agentId);
        gc.send(new Command.MakeNotReady(agentId, agentId));
        gc.send(new Command.ReleaseCall(agentId, dialog));
        assertThat(gc.state(agentId)).isEqualTo(WORK);
    }

    private void inWorkAgain(String agentId) {
        gc.send(new Command.MakeReady(agentId, agentId));
        String dialog = answeredAgain(agentId);
        gc.send(new Command.MakeNotReady(agentId, agentId));
        gc.send(new Command.ReleaseCall(agentId, dialog));
        assertThat(gc.state(agentId)).isEqualTo(WORK);
    }
}
