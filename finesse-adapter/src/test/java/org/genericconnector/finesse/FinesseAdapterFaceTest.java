package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.genericconnector.finesse.testing.RecordingRequest;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.simulator.finesse.FinesseFaceExtension;
import org.genericconnector.simulator.finesse.FinesseFaceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every command's happy path and its documented errors against the simulator's Finesse face: REST over HTTP,
 * notifications through prosody pub-sub. The tests share one face and one adapter; each uses its own agents.
 */
class FinesseAdapterFaceTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(FinesseFaceSettings.defaults().withSecondary(false));
    private static FaceFixture fx;

    @BeforeAll
    static void start() {
        fx = new FaceFixture(FINESSE.face(), Map.of());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static RecordingRequest connectAndLogin(String agent, String extension) throws AcdException {
        String password = "sample-" + agent;
        fx.run(new Command.Connect(agent, "gc.client", password, false));
        return fx.run(new Command.Login(agent, password, extension));
    }

    private static AcdException failure(Command command) {
        try {
            fx.run(command);
        } catch (AcdException e) {
            return e;
        }
        throw new AssertionError(command + " did not fail");
    }

    private static List<CallState> inboundStates(RecordingRequest request) {
        return request.replies(Event.InboundCall.class).stream().map(Event.InboundCall::state).toList();
    }

    /** A call from outside, ringing at the agent (READY), answered. */
    private static String answeredCall(String agent) throws AcdException {
        fx.run(new Command.MakeReady(agent, agent));
        String dialog = FaceFixture.dialogId(fx.control("inbound to-agent=" + agent + " from=+4930555 vars=callVariable1=ACC-42"));
        fx.await(Event.NewInboundCall.class, e -> e.dialogId().equals(dialog));
        fx.run(new Command.AnswerCall(agent, dialog));
        return dialog;
    }

    // ---- session and state

    @Test
    void loginAnswersAgentInfoStateAndDialogStatus() throws Exception {
        RecordingRequest connect = fx.run(new Command.Connect("1002", "gc.client", "sample-1002", false));
        assertThat(connect.replies).isEmpty();
        RecordingRequest login = fx.run(new Command.Login("1002", "sample-1002", "5002"));
        assertThat(login.replies).extracting(Event::type).containsExactly("AgentInfo", "State", "DialogStatus");
        Event.AgentInfo info = login.replies(Event.AgentInfo.class).get(0);
        assertThat(info.firstName()).isEqualTo("Ben");
        assertThat(info.supervisor()).isFalse();
        assertThat(info.teamId()).isEqualTo("10");
        Event.State state = login.replies(Event.State.class).get(0);
        assertThat(state.state()).isEqualTo(AgentState.NOT_READY);
        assertThat(state.extension()).isEqualTo("5002");
        assertThat(state.loginName()).isEqualTo("bmueller");
        assertThat(login.replies(Event.DialogStatus.class).get(0).dialog()).isNull();

        RecordingRequest ready = fx.run(new Command.MakeReady("1002", "1002"));
        assertThat(ready.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.READY);
        RecordingRequest get = fx.run(new Command.GetState("1002"));
        assertThat(get.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.READY);
        assertThat(fx.adapter.snapshot("1002")).extracting(Event::type).containsExactly("State", "DialogStatus");
    }

    @Test
    void wrongPasswordAtConnectIsSubscriptionFailed() {
        AcdException e = failure(new Command.Connect("1003", "gc.client", "wrong", false));
        assertThat(e.code()).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
        assertThat(e.kind()).isEqualTo(AcdException.Kind.PERMANENT);
    }

    @Test
    void invalidSsoTokenAtConnectIsSubscriptionFailed() {
        AcdException e = failure(new Command.Connect("1003", "gc.client", "expired-token", true));
        assertThat(e.code()).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
    }

    @Test
    void loginOnAnotherAgentsExtensionIsRefused() throws Exception {
        connectAndLogin("2010", "6010");
        fx.run(new Command.Connect("2011", "gc.client", "sample-2011", false));
        AcdException e = failure(new Command.Login("2011", "sample-2011", "6010"));
        assertThat(e.code()).isIn(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, ErrorCode.CF_RESOURCE_BUSY);
    }

    @Test
    void readyWhileLoggedOutIsInvalidObjectState() throws Exception {
        fx.run(new Command.Connect("1004", "gc.client", "sample-1004", false));
        AcdException e = failure(new Command.MakeReady("1004", "1004"));
        assertThat(e.code()).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(e.kind()).isEqualTo(AcdException.Kind.REJECTED);
    }

    @Test
    void reasonCodesAreListedAndUsedByCode() throws Exception {
        connectAndLogin("1005", "5005");
        RecordingRequest notReady = fx.run(new Command.GetNotReadyReasonCodes("1005"));
        Event.ReasonCodes codes = notReady.replies(Event.ReasonCodes.class).get(0);
        assertThat(codes.reasonCategory()).isEqualTo(Values.ReasonCategory.NOT_READY);
        assertThat(codes.codes()).extracting(Values.ReasonCode::code).contains("1", "2");
        assertThat(codes.codes()).extracting(Values.ReasonCode::label).contains("Break", "Lunch");

        RecordingRequest lunch = fx.run(new Command.MakeNotReadyWithReason("1005", "2"));
        Event.State state = lunch.replies(Event.State.class).get(0);
        assertThat(state.state()).isEqualTo(AgentState.NOT_READY);
        assertThat(state.reasonCodeId()).isEqualTo("2");
        assertThat(state.reasonLabel()).isEqualTo("Lunch");

        RecordingRequest logoutCodes = fx.run(new Command.GetLogoutReasonCodes("1005"));
        assertThat(logoutCodes.replies(Event.ReasonCodes.class).get(0).codes()).extracting(Values.ReasonCode::code)
                .contains("11", "12");
        RecordingRequest logout = fx.run(new Command.LogoutWithReason("1005", "11"));
        assertThat(logout.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.LOGOUT);
    }

    @Test
    void unknownReasonCodeIsRefusedBeforeFinesse() throws Exception {
        connectAndLogin("1007", "5007");
        AcdException e = failure(new Command.MakeNotReadyWithReason("1007", "999"));
        assertThat(e.code()).isEqualTo(ErrorCode.CF_GENERIC_OPERATION);
    }

    // ---- calls

    @Test
    void inboundCallIsOfferedAnsweredHeldRetrievedAndReleased() throws Exception {
        connectAndLogin("1006", "5006");
        fx.run(new Command.MakeReady("1006", "1006"));
        String dialog = FaceFixture.dialogId(fx.control("inbound to-agent=1006 from=+4930555 vars=callVariable1=ACC-42"));
        Event.NewInboundCall offered = fx.await(Event.NewInboundCall.class, e -> e.dialogId().equals(dialog));
        assertThat(offered.fromAddress()).isEqualTo("+4930555");
        assertThat(offered.callVariables()).startsWith("ACC-42");

        assertThat(inboundStates(fx.run(new Command.AnswerCall("1006", dialog)))).contains(CallState.ACTIVE);
        assertThat(fx.run(new Command.GetDialogState("1006", dialog)).replies(Event.DialogState.class))
                .extracting(Event.DialogState::state).containsExactly(CallState.ACTIVE);
        assertThat(inboundStates(fx.run(new Command.HoldCall("1006", dialog)))).contains(CallState.HELD);
        assertThat(inboundStates(fx.run(new Command.RetrieveCall("1006", dialog)))).contains(CallState.ACTIVE);
        RecordingRequest variables = fx.run(new Command.UpdateCallVariables("1006", dialog,
                List.of(new CallVariable("callVariable2", "v2"))));
        assertThat(variables.replies(Event.InboundCall.class)).last()
                .satisfies(e -> assertThat(e.callVariables()).startsWith("ACC-42", "v2"));
        assertThat(inboundStates(fx.run(new Command.ReleaseCall("1006", dialog)))).contains(CallState.DROPPED);
    }

    @Test
    void answeringAnUnknownDialogIsInvalidCallId() throws Exception {
        connectAndLogin("1008", "5008");
        AcdException e = failure(new Command.AnswerCall("1008", "999999"));
        assertThat(e.code()).isIn(ErrorCode.E_CTI_INVALID_CALL_ID, ErrorCode.CF_INVALID_OBJECT_STATE);
    }

    @Test
    void makeCallToAnotherAgentRingsThereAndConnects() throws Exception {
        connectAndLogin("2002", "6002");
        connectAndLogin("2003", "6003");
        RecordingRequest call = fx.run(new Command.MakeCall("2002", "6003"));
        assertThat(inboundStates(call)).isNotEmpty();
        Event.NewInboundCall ringing = fx.await(Event.NewInboundCall.class, e -> e.agentId().equals("2003"));
        assertThat(ringing.fromAddress()).isEqualTo("6002");
        fx.run(new Command.AnswerCall("2003", ringing.dialogId()));
        fx.await(Event.InboundCall.class, e -> e.agentId().equals("2002") && e.state() == CallState.ACTIVE);
        RecordingRequest release = fx.run(new Command.ReleaseCall("2002", ringing.dialogId()));
        assertThat(inboundStates(release)).contains(CallState.DROPPED);
    }

    @Test
    void consultThenTransferHandsTheCallOver() throws Exception {
        connectAndLogin("2004", "6004");
        connectAndLogin("2005", "6005");
        String main = answeredCall("2004");
        RecordingRequest consult = fx.run(new Command.ConsultCall("2004", "6005", main));
        assertThat(consult.replies(Event.ConsultCall.class)).extracting(Event.ConsultCall::state).contains(CallState.INITIATING);
        Event.NewInboundCall atTarget = fx.await(Event.NewInboundCall.class, e -> e.agentId().equals("2005"));
        fx.run(new Command.AnswerCall("2005", atTarget.dialogId()));
        fx.await(Event.ConsultCall.class, e -> e.agentId().equals("2004") && e.state() == CallState.ACTIVE);
        fx.run(new Command.TransferCall("2004", "6005", main));
        fx.await(Event.InboundCall.class, e -> e.agentId().equals("2004") && e.dialogId().equals(main) && e.state() == CallState.DROPPED);
        fx.await(Event.InboundCall.class, e -> e.agentId().equals("2005") && e.state() == CallState.ACTIVE);
    }

    @Test
    void consultThenConferenceReportsTheParticipants() throws Exception {
        connectAndLogin("2006", "6006");
        connectAndLogin("2007", "6007");
        String main = answeredCall("2006");
        fx.run(new Command.ConsultCall("2006", "6007", main));
        Event.NewInboundCall atTarget = fx.await(Event.NewInboundCall.class, e -> e.agentId().equals("2007"));
        fx.run(new Command.AnswerCall("2007", atTarget.dialogId()));
        fx.await(Event.ConsultCall.class, e -> e.agentId().equals("2006") && e.state() == CallState.ACTIVE);
        fx.run(new Command.ConferenceCall("2006", "6007", main));
        Event.ConferenceParticipants participants = fx.await(Event.ConferenceParticipants.class, e -> e.agentId().equals("2006"));
        assertThat(participants.extensions()).contains("6006", "6007");
    }

    @Test
    void blindTransferMovesTheCall() throws Exception {
        connectAndLogin("2008", "6008");
        connectAndLogin("2009", "6009");
        String main = answeredCall("2008");
        fx.run(new Command.TransferSst("2008", "6009", main));
        fx.await(Event.NewInboundCall.class, e -> e.agentId().equals("2009"));
        fx.await(Event.InboundCall.class, e -> e.agentId().equals("2008") && e.state() == CallState.DROPPED);
    }

    @Test
    void wrapUpReasonsAreListedAndApplied() throws Exception {
        connectAndLogin("1009", "5009");
        RecordingRequest reasons = fx.run(new Command.GetWrapUpReasons("1009"));
        Event.ReasonCodes list = reasons.replies(Event.ReasonCodes.class).get(0);
        assertThat(list.reasonCategory()).isEqualTo(Values.ReasonCategory.WRAP_UP);
        assertThat(list.codes()).extracting(Values.ReasonCode::label).contains("Sale");
        String dialog = answeredCall("1009");
        fx.run(new Command.WrapUp("1009", "Sale", dialog));
    }

    // ---- lists

    @Test
    void phoneBooksContactsAndTeamPhoneBooks() throws Exception {
        connectAndLogin("1010", "5010");
        RecordingRequest books = fx.run(new Command.GetPhonebooks("1010"));
        List<Values.Phonebook> list = books.replies(Event.Phonebooks.class).get(0).phonebooks();
        assertThat(list).extracting(Values.Phonebook::name).contains("Company", "Sales partners");
        String company = list.stream().filter(b -> b.name().equals("Company")).findFirst().orElseThrow().id();
        RecordingRequest contacts = fx.run(new Command.GetPhonebookContacts("1010", company));
        assertThat(contacts.replies(Event.PhonebookContacts.class).get(0).contacts())
                .extracting(Values.Contact::phoneNumber).contains("+4930555000", "7000");
        RecordingRequest team = fx.run(new Command.GetTeamPhonebooks("1010", "10"));
        assertThat(team.replies(Event.TeamPhonebooks.class).get(0).phonebooks())
                .extracting(Values.Phonebook::type).containsOnly("TEAM");
    }

    @Test
    void agentQueueListUsesTheShortForm() throws Exception {
        connectAndLogin("1011", "5011");
        RecordingRequest queues = fx.run(new Command.GetQueueList("1011"));
        List<QueueStats> list = queues.replies(Event.QueueList.class).get(0).queues();
        assertThat(list).isNotEmpty().allMatch(q -> q instanceof QueueStats.Agent);
    }

    // ---- supervisor

    @Test
    void supervisorSeesTeamsQueuesTeamUsersAndTheirChanges() throws Exception {
        RecordingRequest login = connectAndLogin("2001", "6001");
        assertThat(login.replies).extracting(Event::type)
                .containsExactly("AgentInfo", "TeamInfoIDs", "TeamInfoNames", "State", "DialogStatus");
        assertThat(login.replies(Event.AgentInfo.class).get(0).supervisor()).isTrue();
        assertThat(login.replies(Event.TeamInfoIds.class).get(0).teamIds()).containsExactly("20");

        List<QueueStats> queues = fx.run(new Command.GetQueueList("2001")).replies(Event.QueueList.class).get(0).queues();
        assertThat(queues).isNotEmpty().allMatch(q -> q instanceof QueueStats.Ucce);

        RecordingRequest users = fx.run(new Command.GetTeamUsers("2001", "20", true));
        assertThat(users.replies(Event.TeamUsersList.class).get(0).users()).extracting(Values.TeamUser::loginId)
                .contains("2002", "2011");
        connectAndLogin("2011", "6011");
        Event.TeamMemberStateChanged change = fx.await(Event.TeamMemberStateChanged.class,
                e -> e.agentId().equals("2001") && e.memberId().equals("2011"));
        assertThat(change.teamId()).isEqualTo("20");

        RecordingRequest member = fx.run(new Command.GetTeamUserState("2001", "2011"));
        assertThat(member.replies(Event.TeamMemberStateChanged.class).get(0).state()).isEqualTo(AgentState.NOT_READY);

        RecordingRequest skillGroups = fx.run(new Command.GetSkillGroups("2001"));
        assertThat(skillGroups.replies(Event.SkillGroups.class)).hasSize(1);

        // a supervisor changes a team member's state
        fx.run(new Command.MakeReady("2001", "2011"));
        fx.await(Event.State.class, e -> e.agentId().equals("2011") && e.state() == AgentState.READY);
        fx.adapter.agentReleased("2001");
    }

    @Test
    void supervisorMonitorsBargesInAndDropsAParticipant() throws Exception {
        connectAndLogin("1001", "5001");
        connectAndLogin("1003", "5003");
        String call = answeredCall("1003");
        RecordingRequest monitor = fx.run(new Command.SilentMonitor("1001", "5003"));
        List<Event.InboundCall> legs = monitor.replies(Event.InboundCall.class);
        assertThat(legs).isNotEmpty();
        String monitorDialog = legs.get(legs.size() - 1).dialogId();
        RecordingRequest barge = fx.run(new Command.BargeIn("1001", "5003", monitorDialog));
        assertThat(barge.replies).isNotEmpty();
        Event.InboundCall bargeLeg = fx.await(Event.InboundCall.class,
                e -> e.agentId().equals("1001") && e.state() == CallState.ACTIVE && !e.dialogId().equals(monitorDialog));
        fx.run(new Command.DropParticipant("1001", "5003", bargeLeg.dialogId()));
        fx.await(Event.InboundCall.class, e -> e.agentId().equals("1003") && e.state() == CallState.DROPPED
                && (e.dialogId().equals(call) || e.dialogId().equals(bargeLeg.dialogId())));
    }

    // ---- outbound preview and callbacks

    @Test
    void previewIsOfferedAndAccepted() throws Exception {
        connectAndLogin("1007", "5007");
        fx.run(new Command.MakeReady("1007", "1007"));
        String dialog = FaceFixture.dialogId(fx.control("preview agent=1007 campaign=Renewals number=+4930777"));
        Event.NewOutboundPreviewCall offer = fx.await(Event.NewOutboundPreviewCall.class, e -> e.dialogId().equals(dialog));
        assertThat(offer.customerNumber()).isEqualTo("+4930777");
        RecordingRequest callback = fx.run(new Command.ScheduleCallback("1007", "5007", dialog, "2026-12-01T10:00", "+4930777"));
        assertThat(callback.replies(Event.Callback.class)).extracting(Event.Callback::action)
                .containsExactly(Values.CallbackAction.SCHEDULED);
        RecordingRequest accept = fx.run(new Command.AcceptOutboundPreview("1007", dialog));
        assertThat(accept.replies).isNotEmpty();
    }

    @Test
    void previewIsRejected() throws Exception {
        connectAndLogin("1008", "5008");
        fx.run(new Command.MakeReady("1008", "1008"));
        String dialog = FaceFixture.dialogId(fx.control("preview agent=1008 campaign=Renewals number=+4930778"));
        fx.await(Event.NewOutboundPreviewCall.class, e -> e.dialogId().equals(dialog));
        fx.run(new Command.RejectOutboundPreview("1008", dialog));
        fx.await(Event.InboundCall.class, e -> e.agentId().equals("1008") && e.dialogId().equals(dialog)
                && e.state() == CallState.DROPPED);
    }

    // ---- UCCX (deployment-type overridden: the face reports UCCE)

    @Test
    void uccxGetsNoHoldEventsAndUcceOnlyCommandsAreRefused() throws Exception {
        try (FaceFixture uccx = new FaceFixture(FINESSE.face(), Map.of("deployment-type", "UCCX", "xmpp.resource", "gc-uccx"))) {
            uccx.run(new Command.Connect("1011", "gc.client", "sample-1011", false));
            uccx.run(new Command.Login("1011", "sample-1011", "5011"));
            uccx.run(new Command.MakeReady("1011", "1011"));
            String dialog = FaceFixture.dialogId(uccx.control("inbound to-agent=1011 from=+4930111"));
            uccx.await(Event.NewInboundCall.class, e -> e.dialogId().equals(dialog));
            uccx.run(new Command.AnswerCall("1011", dialog));
            RecordingRequest hold = uccx.run(new Command.HoldCall("1011", dialog));
            assertThat(hold.replies(Event.InboundCall.class)).isEmpty();
            uccx.await(Event.State.class, e -> e.agentId().equals("1011") && e.state() == AgentState.HOLD);
            assertThat(uccx.timeline).noneMatch(e -> e instanceof Event.InboundCall c && c.state() == CallState.HELD);
            for (Command ucceOnly : List.<Command>of(new Command.DropParticipant("1011", "5011", dialog),
                    new Command.GetSkillGroups("1011"), new Command.GetSupervisors("1011"))) {
                assertThatThrownBy(() -> uccx.run(ucceOnly)).isInstanceOfSatisfying(AcdException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_COMMAND);
                    assertThat(e.kind()).isEqualTo(AcdException.Kind.PERMANENT);
                });
            }
            uccx.run(new Command.RetrieveCall("1011", dialog));
            uccx.run(new Command.ReleaseCall("1011", dialog));
        }
    }

    @Test
    void releasingAnAgentRemovesItsTeamSubscription() throws Exception {
        connectAndLogin("1001", "5001");
        fx.run(new Command.GetTeamUsers("1001", "10", true));
        fx.adapter.agentReleased("1001");
        assertThat(fx.adapter.snapshot("1001")).isEmpty();
        int before = fx.context.publishedFor("1001").size();
        connectAndLogin("1010", "5010"); // a team-10 member changes state: 1001 is no longer told
        fx.run(new Command.MakeReady("1010", "1010"));
        fx.await(Event.State.class, e -> e.agentId().equals("1010") && e.state() == AgentState.READY);
        assertThat(fx.context.publishedFor("1001")).hasSize(before);
    }
}
