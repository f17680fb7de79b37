package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's commands against the simulator's AMI face over TCP: happy paths and errors. */
class AsteriskAdapterFaceTest {
    /** Pings only every 10 minutes: moving the manual clock over a wrap-up time must not time a Ping out (LinkFaceTest tests those). */
    @RegisterExtension
    final FaceFixture ami = new FaceFixture().setting("ping-interval", "10m");

    private static List<String> brief(List<Event> events) {
        return events.stream().map(ModelHarness::brief).toList();
    }

    @Test
    void startsInServiceAfterLoginAndResync() {
        assertThat(ami.context.links()).containsExactly(LinkStatus.IN_SERVICE);
        assertThat(ami.adapter.linkStatus()).isEqualTo(LinkStatus.IN_SERVICE);
    }

    @Test
    void supportedCommandsLeaveOutWhatAsteriskCannotDo() {
        assertThat(ami.adapter.supportedCommands()).contains(CommandName.LOGIN, CommandName.ANSWER_CALL, CommandName.HOLD_CALL,
                CommandName.CONSULT_CALL, CommandName.SILENT_MONITOR, CommandName.GET_QUEUE_LIST);
        assertThat(ami.adapter.supportedCommands()).doesNotContain(CommandName.HELLO, CommandName.BEAT,
                CommandName.MOBILE_AGENT_LOGIN, CommandName.ACCEPT_OUTBOUND_PREVIEW, CommandName.SCHEDULE_CALLBACK,
                CommandName.RECLASSIFY_CALL, CommandName.GET_SKILL_GROUPS);
    }

    @Test
    void connectChecksTheHashedPassword() throws Exception {
        assertThat(ami.run(new Command.Connect("1003", "dest", "pw-1003", false))).isEmpty();
        assertThat(ami.fails(new Command.Connect("1003", "dest", "wrong", false))).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
        assertThat(ami.fails(new Command.Connect("4711", "dest", "pw-4711", false))).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
    }

    @Test
    void loginReadyNotReadyLogout() throws Exception {
        List<Event> login = ami.run(new Command.Login("1003", "pw-1003", "5003"));
        assertThat(brief(login)).containsExactly("AgentInfo", "State NOT_READY -1", "DialogStatus");
        Event.AgentInfo info = (Event.AgentInfo) login.get(0);
        assertThat(info.fullName()).isEqualTo("Clara Weber");
        assertThat(info.wrapUpMode()).isEqualTo(org.genericconnector.protocol.WrapUpMode.REQUIRED);
        assertThat(brief(ami.run(new Command.MakeReady("1003", "1003")))).containsExactly("State READY");
        assertThat(brief(ami.run(new Command.MakeNotReadyWithReason("1003", "2")))).containsExactly("State NOT_READY 2");
        Event.State s = (Event.State) ami.run(new Command.GetState("1003")).get(0);
        assertThat(s.reasonLabel()).isEqualTo("Lunch");
        assertThat(brief(ami.run(new Command.MakeNotReady("1003", "1003")))).containsExactly("State NOT_READY -1");
        assertThat(brief(ami.run(new Command.Logout("1003", "1003")))).containsExactly("State LOGOUT");
        assertThat(brief(ami.adapter.snapshot("1003"))).containsExactly("State LOGOUT", "DialogStatus");
    }

    @Test
    void loginTwiceReportsTheStateAsItIs() throws Exception {
        ami.login("1003", "5003", true);
        // the queue-member events of the first login may still be on their way: they must not show up here
        assertThat(brief(ami.run(new Command.Login("1003", "pw-1003", "5003")))).containsExactly("AgentInfo", "State READY", "DialogStatus");
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(AgentState.READY);
    }

    @Test
    void supervisorLoginAddsTeamInfo() throws Exception {
        assertThat(brief(ami.run(new Command.Login("1001", "pw-1001", "5001"))))
                .containsExactly("AgentInfo", "State NOT_READY -1", "DialogStatus", "TeamInfoIDs", "TeamInfoNames");
    }

    @Test
    void loginErrors() {
        assertThat(ami.fails(new Command.Login("4711", "x", "5003"))).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(ami.fails(new Command.Login("1003", "wrong", "5003"))).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
        assertThat(ami.fails(new Command.Login("1003", "pw-1003", "50a3"))).isEqualTo(ErrorCode.WRONG_EXTENSION);
        assertThat(ami.fails(new Command.Login("1003", "pw-1003", "5004"))).isEqualTo(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
    }

    @Test
    void noLoginOnAPhoneThatIsNotRegistered() throws Exception {
        ami.control("device-offline extension=5003");
        // the face publishes no DeviceStateChange for this (Asterisk does, on unregistration): the resync's
        // DeviceStateList brings it in
        ami.control("ami drop");
        ami.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        ami.context.awaitCondition(() -> ami.clock.pending().contains("reconnect"), "a reconnect scheduled");
        ami.clock.advance(java.time.Duration.ofSeconds(2));
        ami.context.awaitLink(LinkStatus.IN_SERVICE);
        assertThat(ami.adapter.model().device("1003")).isEqualTo("UNAVAILABLE");
        assertThat(ami.fails(new Command.Login("1003", "pw-1003", "5003"))).isEqualTo(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
    }

    @Test
    void presenceErrors() throws Exception {
        assertThat(ami.fails(new Command.MakeReady("1003", "1003"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(ami.fails(new Command.Logout("1003", "1003"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        ami.login("1003", "5003", true);
        assertThat(ami.fails(new Command.MakeNotReadyWithReason("1003", "99"))).isEqualTo(ErrorCode.MISSING_REASON_CODE);
        assertThat(ami.fails(new Command.Logout("1003", "1003"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE); // READY
        assertThat(ami.fails(new Command.MakeWorkReady("1003", "1003"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE); // no call
        assertThat(ami.fails(new Command.MakeReady("1003", "1002"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED); // not a supervisor
        assertThat(ami.fails(new Command.LogoutWithReason("1003", "99"))).isEqualTo(ErrorCode.MISSING_REASON_CODE);
    }

    @Test
    void logoutWithReasonFromNotReady() throws Exception {
        ami.login("1003", "5003", false);
        assertThat(brief(ami.run(new Command.LogoutWithReason("1003", "11")))).containsExactly("State LOGOUT");
    }

    @Test
    void supervisorChangesAMembersStateAndSeesIt() throws Exception {
        ami.login("1001", "5001", false);
        ami.login("1002", "5002", false);
        ami.context.clear();
        assertThat(brief(ami.run(new Command.MakeReady("1001", "1002")))).containsExactly("State READY");
        // published to the member's session, and copied to the supervisor's reply
        assertThat(ami.context.await("1002", "State READY")).containsExactly("State READY", "State READY");
        assertThat(ami.fails(new Command.MakeReady("1001", "2002"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED); // other team
    }

    @Test
    void inboundAcdCallAnsweredByNotifyReleasedThenWrapUpTimedByTheAdapter() throws Exception {
        ami.login("1003", "5003", true);
        ami.context.clear();
        String call = ami.inbound("sales", "5551234");
        List<String> offered = ami.context.await("1003", "State RESERVED");
        String newCall = offered.stream().filter(l -> l.startsWith("NewInboundCall")).findFirst().orElseThrow();
        assertThat(newCall).contains("from 5551234 ACD_IN");
        String dialog = newCall.split(" ")[1];
        assertThat(call).isNotEmpty();

        ami.run(new Command.AnswerCall("1003", dialog));
        assertThat(ami.context.await("1003", "State TALKING")).containsSubsequence(
                "NewInboundCall " + dialog + " from 5551234 ACD_IN vars [, , ]", "State RESERVED",
                "InboundCall ACTIVE " + dialog + " vars [, , ]", "State TALKING");
        assertThat(brief(ami.run(new Command.GetDialogState("1003", dialog)))).containsExactly("DialogState");
        assertThat(((Event.DialogState) ami.run(new Command.GetDialogState("1003", dialog)).get(0)).state())
                .isEqualTo(org.genericconnector.protocol.CallState.ACTIVE);

        ami.run(new Command.ReleaseCall("1003", dialog));
        assertThat(ami.context.await("1003", "State WORK_READY")).containsSubsequence(
                "InboundCall DROPPED " + dialog + " vars [, , ]", "State WORK_READY");
        assertThat(ami.run(new Command.WrapUp("1003", "21", dialog))).isEmpty(); // QueueLog
        assertThat(ami.fails(new Command.WrapUp("1003", "99", dialog))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(ami.fails(new Command.WrapUp("1003", "21", "nope"))).isEqualTo(ErrorCode.E_CTI_INVALID_CALL_ID);
        ami.clock.advance(Duration.ofSeconds(60));
        ami.context.await("1003", "State READY");
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(AgentState.READY);
    }

    @Test
    void makeReadyEndsWrapUpEarly() throws Exception {
        ami.login("1003", "5003", true);
        ami.inbound("sales", "5551234");
        String dialog = dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.run(new Command.AnswerCall("1003", dialog));
        ami.context.await("1003", "State TALKING");
        ami.run(new Command.ReleaseCall("1003", dialog));
        ami.context.await("1003", "State WORK_READY");
        assertThat(brief(ami.run(new Command.MakeReady("1003", "1003")))).containsExactly("State READY");
        assertThat(ami.clock.pending()).doesNotContain("wrap-up");
    }

    @Test
    void ringNoAnswerDropsTheOffer() throws Exception {
        ami.login("1003", "5003", true);
        String call = ami.inbound("sales", "5551234");
        String dialog = dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.control("ring-no-answer dialog=" + call);
        String dropped = "InboundCall DROPPED " + dialog + " vars [, , ]";
        ami.context.await("1003", dropped);
        // The agent's new state follows the dropped offer (it may still be on its way when the drop is seen).
        ami.context.awaitCondition(() -> {
            List<String> seen = ami.context.brief("1003");
            return seen.subList(seen.indexOf(dropped) + 1, seen.size()).stream().anyMatch(l -> l.startsWith("State"));
        }, "a State after the dropped offer");
    }

    @Test
    void callerAbandonWhileRinging() throws Exception {
        ami.login("1003", "5003", true);
        String call = ami.inbound("sales", "5551234");
        String dialog = dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.control("caller-hangup dialog=" + call);
        ami.context.await("1003", "InboundCall DROPPED " + dialog + " vars [, , ]");
        ami.context.awaitMatch("1003", l -> l.equals("State READY") && true, "State READY again");
    }

    @Test
    void answerAndHoldErrors() throws Exception {
        ami.login("1003", "5003", true);
        assertThat(ami.fails(new Command.AnswerCall("1003", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(ami.fails(new Command.HoldCall("1003", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        ami.inbound("sales", "5551234");
        String dialog = dialogOf(ami.context.await("1003", "State RESERVED"));
        assertThat(ami.fails(new Command.HoldCall("1003", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE); // ringing
        assertThat(ami.fails(new Command.RetrieveCall("1003", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
    }

    @Test
    void holdAndRetrieveByPhoneRemoteControl() throws Exception {
        String dialog = talking("1003", "5003");
        ami.run(new Command.HoldCall("1003", dialog));
        ami.context.await("1003", "State HOLD");
        assertThat(ami.context.brief("1003")).contains("InboundCall HELD " + dialog + " vars [, , ]");
        assertThat(ami.fails(new Command.HoldCall("1003", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        ami.context.clear();
        ami.run(new Command.RetrieveCall("1003", dialog));
        assertThat(ami.context.await("1003", "State TALKING")).containsSubsequence("InboundCall ACTIVE " + dialog + " vars [, , ]", "State TALKING");
    }

    @Test
    void workNotReadyAskedDuringTheCallOfAnOptionalAgentGivesWorkThenNotReady() throws Exception {
        String dialog = talking("1002", "5002");                   // 1002 is OPTIONAL, wrapUpTime 60s
        assertThat(brief(ami.run(new Command.MakeWorkNotReady("1002", "1002")))).containsExactly("State TALKING pending WORK");
        ami.run(new Command.ReleaseCall("1002", dialog));
        ami.context.await("1002", "State WORK");
        ami.clock.advance(Duration.ofSeconds(60));
        ami.context.await("1002", "State NOT_READY -1");
    }

    @Test
    void consultThenTransferToAnotherAgent() throws Exception {
        ami.login("1002", "5002", false);
        String dialog = talking("1003", "5003");
        List<Event> reply = ami.run(new Command.ConsultCall("1003", "5002", dialog));
        // The consult's own states follow in the reply or just after it, depending on when the face's events are
        // read; the client sees them in the same order either way (the recorder keeps replies and publications).
        assertThat(brief(reply)).startsWith("InboundCall HELD " + dialog + " vars [, , ]");
        String consult = dialog + ".c";
        String offered = dialogOf(ami.context.awaitMatch("1002", l -> l.startsWith("NewInboundCall"), "the consult call"));
        ami.context.await("1003", "ConsultCall ALERTING " + consult);
        assertThat(((Event.DialogState) ami.run(new Command.GetDialogState("1003", consult)).get(0)).state())
                .isEqualTo(org.genericconnector.protocol.CallState.ALERTING);
        ami.run(new Command.AnswerCall("1002", offered));
        ami.context.await("1003", "ConsultCall ACTIVE " + consult);

        ami.run(new Command.TransferCall("1003", "5002", dialog));
        ami.context.await("1003", "InboundCall DROPPED " + dialog + " vars [, , ]");
        assertThat(ami.context.brief("1003")).contains("ConsultCall DROPPED " + consult);
        ami.context.await("1003", "State WORK_READY");                        // 1003 is REQUIRED: wrap-up
        assertThat(ami.adapter.model().stateOf("1002")).isEqualTo(AgentState.TALKING); // 1002 has the caller now
    }

    @Test
    void consultThenConferenceJoinsTheThreeAndTheTransfererCanLeave() throws Exception {
        ami.login("1002", "5002", false);
        String dialog = talking("1003", "5003");
        ami.run(new Command.ConsultCall("1003", "5002", dialog));
        String consult = dialog + ".c";
        String offered = dialogOf(ami.context.awaitMatch("1002", l -> l.startsWith("NewInboundCall"), "the consult call"));
        ami.run(new Command.AnswerCall("1002", offered));
        ami.context.await("1003", "ConsultCall ACTIVE " + consult);
        ami.context.await("1002", "State TALKING");
        ami.context.clear();

        ami.run(new Command.ConferenceCall("1003", "5002", dialog));                // PlayDTMF * and 3 (threeway-code)
        // as in the sandbox: the main call ACTIVE first, then the consult's DROP
        List<String> expected = List.of("InboundCall ACTIVE " + dialog + " vars [, , ]", "ConsultCall DROPPED " + consult);
        ami.context.awaitCondition(() -> ami.context.brief("1003").containsAll(expected), "the consult turned into a conference");
        assertThat(ami.context.brief("1003")).containsSubsequence(expected).doesNotContain("InboundCall DROPPED " + dialog + " vars [, , ]");
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(AgentState.TALKING);
        assertThat(ami.adapter.model().dialog("1003", dialog).orElseThrow().consultId()).isNull();
        assertThat(ami.adapter.model().stateOf("1002")).isEqualTo(AgentState.TALKING);
        assertThat(ami.fails(new Command.ConferenceCall("1003", "5002", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);

        // the first agent leaves the conference; the caller and 1002 talk on
        ami.run(new Command.ReleaseCall("1003", dialog));
        ami.context.await("1003", "InboundCall DROPPED " + dialog + " vars [, , ]");
        ami.context.await("1003", "State WORK_READY");                                // 1003 is REQUIRED
        assertThat(ami.context.brief("1002")).noneMatch(l -> l.startsWith("InboundCall DROPPED"));
        assertThat(ami.adapter.model().stateOf("1002")).isEqualTo(AgentState.TALKING);
    }

    @Test
    void releasingTheConsultTakesTheAgentBackToTheHeldCall() throws Exception {
        ami.login("1002", "5002", false);
        String dialog = talking("1003", "5003");
        ami.run(new Command.ConsultCall("1003", "5002", dialog));
        String consult = dialog + ".c";
        ami.context.await("1003", "ConsultCall ALERTING " + consult);
        ami.context.clear();
        ami.run(new Command.ReleaseCall("1003", consult));                                  // CancelAtxfer
        List<String> expected = List.of("ConsultCall DROPPED " + consult, "InboundCall ACTIVE " + dialog + " vars [, , ]",
                "State TALKING");
        ami.context.awaitCondition(() -> ami.context.brief("1003").containsAll(expected), "the consult released");
        assertThat(ami.context.brief("1003")).containsSubsequence(expected);
        ami.context.awaitMatch("1002", l -> l.startsWith("InboundCall DROPPED"), "the consult call gone at 1002");
        assertThat(ami.fails(new Command.TransferCall("1003", "5002", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
    }

    @Test
    void makeCallFromNotReady() throws Exception {
        ami.login("1002", "5002", false);
        ami.context.clear();
        List<Event> reply = ami.run(new Command.MakeCall("1002", "0301234567"));
        // the reply starts with these; what the phone does before Asterisk answers the Originate may follow
        assertThat(brief(reply).size()).isGreaterThanOrEqualTo(2);
        assertThat(brief(reply).get(0)).startsWith("InboundCall INITIATING ");
        assertThat(brief(reply).get(1)).isEqualTo("State TALKING");
        String dialog = ((Event.InboundCall) reply.get(0)).dialogId();
        ami.context.awaitMatch("1002", l -> l.startsWith("InboundCall ACTIVE " + dialog), "ACTIVE");
        ami.run(new Command.ReleaseCall("1002", dialog));
        ami.context.await("1002", "State NOT_READY -1");
    }

    @Test
    void makeCallErrors() throws Exception {
        assertThat(ami.fails(new Command.MakeCall("1002", "0301234567"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE); // logged out
        ami.login("1002", "5002", true);
        assertThat(ami.fails(new Command.MakeCall("1002", "0301234567"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE); // READY
        ami.run(new Command.MakeNotReady("1002", "1002"));
        assertThat(ami.fails(new Command.MakeCall("1002", "030 12;x"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void blindTransferToAnotherAgent() throws Exception {
        ami.login("1002", "5002", false);
        String dialog = talking("1003", "5003");
        ami.run(new Command.MakeReady("1002", "1002"));
        ami.run(new Command.TransferSst("1003", "5002", dialog));
        ami.context.await("1003", "InboundCall DROPPED " + dialog + " vars [, , ]");
        ami.context.awaitMatch("1002", l -> l.startsWith("NewInboundCall"), "the transferred call");
    }

    @Test
    void callVariablesAreSetOnTheCallAndReported() throws Exception {
        String dialog = talking("1003", "5003");
        ami.context.clear();
        List<Event> reply = ami.run(new Command.UpdateCallVariables("1003", dialog,
                List.of(new CallVariable("callVariable1", "A-1"), new CallVariable("user.crm.id", "9"))));
        assertThat(brief(reply)).containsExactly("InboundCall ACTIVE " + dialog + " vars [A-1, , 9]");
        assertThat(ami.fails(new Command.UpdateCallVariables("1003", dialog, List.of(new CallVariable("unknownVar", "x")))))
                .isEqualTo(ErrorCode.INVALID_CALL_DATA);
        assertThat(ami.fails(new Command.UpdateCallVariables("1003", "nope", List.of(new CallVariable("callVariable1", "x")))))
                .isEqualTo(ErrorCode.INVALID_CALL_DATA);
    }

    @Test
    void silentMonitorEndAndBargeIn() throws Exception {
        ami.login("1001", "5001", false);
        String dialog = talking("1003", "5003");
        ami.context.clear();
        ami.run(new Command.SilentMonitor("1001", "5003"));
        ami.context.await("1001", "State TALKING");
        ami.context.awaitCondition(() -> ami.adapter.model().monitorDialogs("1001").stream()
                .anyMatch(d -> d.state() == org.genericconnector.protocol.CallState.ACTIVE), "the monitor call is up");
        String monitor = ami.adapter.model().monitorDialogs("1001").get(0).id();
        ami.run(new Command.EndSilentMonitor("1001", monitor));
        ami.context.await("1001", "State NOT_READY -1");
        ami.context.awaitCondition(() -> ami.adapter.model().monitorDialogs("1001").isEmpty(), "the monitor call is gone");
        ami.run(new Command.BargeIn("1001", "5003", dialog));
        ami.context.awaitCondition(() -> ami.adapter.model().monitorDialogs("1001").stream()
                .anyMatch(d -> d.state() == org.genericconnector.protocol.CallState.ACTIVE), "the barge-in call is up");
        assertThat(ami.fails(new Command.SilentMonitor("1003", "5001"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED); // not a supervisor
        assertThat(ami.fails(new Command.SilentMonitor("1001", "6002"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED); // other team
        assertThat(ami.fails(new Command.EndSilentMonitor("1001", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void dropParticipantHangsUpThatLeg() throws Exception {
        ami.login("1001", "5001", false);
        String dialog = talking("1003", "5003");
        ami.run(new Command.DropParticipant("1001", "5003", dialog));
        ami.context.await("1003", "InboundCall DROPPED " + dialog + " vars [, , ]");
        assertThat(ami.fails(new Command.DropParticipant("1001", "5003", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void queueListForAnAgentAndForASupervisor() throws Exception {
        ami.login("1003", "5003", false);
        ami.inbound("sales", "5551234"); // nobody ready: the caller waits
        List<Event> agent = ami.run(new Command.GetQueueList("1003"));
        Event.QueueList list = (Event.QueueList) agent.get(0);
        assertThat(list.queues()).singleElement().isInstanceOfSatisfying(QueueStats.Agent.class, q -> {
            assertThat(q.name()).isEqualTo("sales");
            assertThat(q.waitingCalls()).isEqualTo(1);
        });
        ami.login("1001", "5001", false);
        Event.QueueList sup = (Event.QueueList) ami.run(new Command.GetQueueList("1001")).get(0);
        assertThat(sup.queues()).allMatch(q -> q instanceof QueueStats.Ucce);
        QueueStats.Ucce sales = (QueueStats.Ucce) sup.queues().stream().filter(q -> q.name().equals("sales")).findFirst().orElseThrow();
        assertThat(sales.callsInQueue()).isEqualTo(1);
        assertThat(sales.agentsNotReady()).isEqualTo(2);
    }

    @Test
    void teamUsersAndTheirStates() throws Exception {
        ami.login("1001", "5001", false);
        ami.login("1003", "5003", false);
        Event.TeamUsersList users = (Event.TeamUsersList) ami.run(new Command.GetTeamUsers("1001", "10", true)).get(0);
        assertThat(users.users()).extracting(u -> u.loginId() + " " + u.state())
                .contains("1003 NOT_READY", "1002 LOGOUT", "1001 NOT_READY");
        ami.run(new Command.MakeReady("1003", "1003"));
        ami.context.await("1001", "TeamMemberStateChanged 1003 READY");
        assertThat(brief(ami.run(new Command.GetTeamUserState("1001", "1003")))).containsExactly("TeamMemberStateChanged 1003 READY");
        assertThat(ami.fails(new Command.GetTeamUsers("1001", "20", false))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(ami.fails(new Command.GetTeamUsers("1003", "10", false))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        Event.AgentsList all = (Event.AgentsList) ami.run(new Command.GetAgentsList("1001")).get(0);
        assertThat(all.agents()).extracting(a -> a.loginId()).containsExactlyInAnyOrder("1001", "1003");
    }

    @Test
    void configurationQueries() throws Exception {
        assertThat(((Event.ReasonCodes) ami.run(new Command.GetNotReadyReasonCodes("1003")).get(0)).codes()).hasSize(2);
        assertThat(((Event.ReasonCodes) ami.run(new Command.GetLogoutReasonCodes("1003")).get(0)).codes()).hasSize(1);
        assertThat(((Event.ReasonCodes) ami.run(new Command.GetWrapUpReasons("1003")).get(0)).codes()).hasSize(1);
        assertThat(((Event.Phonebooks) ami.run(new Command.GetPhonebooks("1003")).get(0)).phonebooks()).hasSize(1);
        assertThat(((Event.PhonebookContacts) ami.run(new Command.GetPhonebookContacts("1003", "global")).get(0)).contacts())
                .singleElement().satisfies(c -> assertThat(c.phoneNumber()).isEqualTo("7100"));
        assertThat(ami.fails(new Command.GetPhonebookContacts("1003", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(((Event.TeamPhonebooks) ami.run(new Command.GetTeamPhonebooks("1003", "10")).get(0)).phonebooks()).isEmpty();
        assertThat(ami.fails(new Command.GetTeamPhonebooks("1003", "20"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(((Event.Supervisors) ami.run(new Command.GetSupervisors("1003")).get(0)).supervisors()).hasSize(1);
        assertThat(ami.fails(new Command.GetState("4711"))).isEqualTo(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void consultNeedsAnActiveCall() throws Exception {
        ami.login("1003", "5003", true);
        assertThat(ami.fails(new Command.ConsultCall("1003", "5002", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(ami.fails(new Command.TransferCall("1003", "5002", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        String dialog = talking2("1003");
        assertThat(ami.fails(new Command.TransferCall("1003", "5002", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(ami.fails(new Command.ConferenceCall("1003", "5002", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
    }

    // ------------------------------------------------------------ helpers

    /** Logs the agent in ready, offers a call from 5551234 and answers it; returns the dialog id. */
    private String talking(String id, String extension) throws Exception {
        ami.login(id, extension, true);
        return talking2(id);
    }

    private String talking2(String id) throws Exception {
        ami.inbound("sales", "5551234");
        String dialog = dialogOf(ami.context.await(id, "State RESERVED"));
        ami.run(new Command.AnswerCall(id, dialog));
        ami.context.await(id, "State TALKING");
        return dialog;
    }

    static String dialogOf(List<String> events) {
        return events.stream().filter(l -> l.startsWith("NewInboundCall")).reduce((a, b) -> b).orElseThrow().split(" ")[1];
    }
}
