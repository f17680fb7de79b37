package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.simulator.sandbox.SandboxHarness.kinds;

import java.util.List;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.junit.jupiter.api.Test;

/** Supervisor commands: on team members' states, silent monitor, barge-in, drop participant, team lists. */
class SupervisorFlowTest {
    private static final String SUPERVISOR = "1001";      // supervises Sales (team 10), extension 5001
    private static final String MEMBER = "1003";          // Sales, extension 5003
    private static final String OTHER_TEAM = "2003";      // Support

    private final SandboxHarness gc = new SandboxHarness();

    @Test
    void aSupervisorChangesATeamMembersStateAndBothSeeIt() {
        gc.login(SUPERVISOR);
        gc.login(MEMBER);
        List<Event> replies = gc.send(new Command.MakeReady(SUPERVISOR, MEMBER));
        assertThat(kinds(replies)).containsExactly("State:READY");
        assertThat(replies.get(0).agentId()).isEqualTo(MEMBER);
        assertThat(kinds(gc.takePublished(MEMBER))).containsExactly("State:READY");

        assertThat(kinds(gc.send(new Command.MakeNotReady(SUPERVISOR, MEMBER)))).containsExactly("State:NOT_READY");
        assertThat(kinds(gc.send(new Command.Logout(SUPERVISOR, MEMBER)))).containsExactly("State:LOGOUT");
        assertThat(gc.state(MEMBER)).isEqualTo(AgentState.LOGOUT);
    }

    @Test
    void aSupervisorCannotActOnAnotherTeamsAgentAndAnAgentCannotActOnOthers() {
        gc.login(SUPERVISOR);
        gc.login(OTHER_TEAM);
        gc.login(MEMBER);
        assertThat(gc.refused(new Command.MakeReady(SUPERVISOR, OTHER_TEAM))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.Logout(SUPERVISOR, OTHER_TEAM))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.MakeNotReady(MEMBER, "1004"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.MakeReady(SUPERVISOR, "9999"))).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(gc.state(OTHER_TEAM)).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void loginGivesASupervisorItsTeams() {
        List<Event> replies = gc.login(SUPERVISOR);
        assertThat(kinds(replies)).containsExactly("AgentInfo", "State:NOT_READY", "DialogStatus", "TeamInfoIds", "TeamInfoNames");
        Event.AgentInfo info = (Event.AgentInfo) replies.get(0);
        assertThat(info.supervisor()).isTrue();
        assertThat(info.supervisedTeams()).extracting(t -> t.name()).containsExactly("Sales");
        assertThat(((Event.TeamInfoIds) replies.get(3)).teamIds()).containsExactly("10");
        assertThat(((Event.TeamInfoNames) replies.get(4)).teamNames()).containsExactly("Sales");
    }

    @Test
    void silentMonitorAndEndIt() {
        gc.login(SUPERVISOR);
        String call = answered(MEMBER);
        List<Event> supervisor = gc.send(new Command.SilentMonitor(SUPERVISOR, "5003"));
        assertThat(kinds(supervisor)).containsExactly("State:TALKING", "InboundCall:INITIATING", "InboundCall:INITIATED", "InboundCall:ACTIVE");
        Event.InboundCall monitor = SandboxHarness.inbound(supervisor, CallState.ACTIVE);
        assertThat(monitor.callType()).isEqualTo("SUPERVISOR_MONITOR");
        List<Event> member = gc.takePublished(MEMBER);
        assertThat(kinds(member)).containsExactly("NewInboundCall", "InboundCall:ACTIVE");
        assertThat(((Event.NewInboundCall) member.get(0)).callType()).isEqualTo("SUPERVISOR_MONITOR");
        assertThat(gc.state(MEMBER)).isEqualTo(AgentState.TALKING);

        List<Event> ended = gc.send(new Command.EndSilentMonitor(SUPERVISOR, monitor.dialogId()));
        assertThat(kinds(ended)).containsExactly("InboundCall:DROPPED", "State:NOT_READY");
        assertThat(kinds(gc.takePublished(MEMBER))).containsExactly("InboundCall:DROPPED");
        assertThat(gc.adapter.contactCenter().call(call).orElseThrow().ended()).isFalse();
    }

    @Test
    void silentMonitorNeedsASupervisedMemberOnACall() {
        gc.login(SUPERVISOR);
        gc.login(MEMBER);
        assertThat(gc.refused(new Command.SilentMonitor(SUPERVISOR, "5003"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        gc.login(OTHER_TEAM);
        assertThat(gc.refused(new Command.SilentMonitor(SUPERVISOR, "6003"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.SilentMonitor(MEMBER, "5001"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.EndSilentMonitor(SUPERVISOR, "12345"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void bargeInFromAMonitorJoinsTheCall() {
        gc.login(SUPERVISOR);
        String call = answered(MEMBER);
        String monitor = SandboxHarness.inbound(gc.send(new Command.SilentMonitor(SUPERVISOR, "5003")), CallState.ACTIVE).dialogId();
        gc.takePublished(MEMBER);

        List<Event> supervisor = gc.send(new Command.BargeIn(SUPERVISOR, "5003", call));
        assertThat(kinds(supervisor)).containsExactly("InboundCall:DROPPED", "NewInboundCall", "InboundCall:ACTIVE");
        assertThat(((Event.InboundCall) supervisor.get(0)).dialogId()).isEqualTo(monitor);
        assertThat(SandboxHarness.inbound(supervisor, CallState.ACTIVE).participants()).containsExactly("+4930555", "5003", "5001");
        assertThat(kinds(gc.takePublished(MEMBER))).containsExactly("InboundCall:DROPPED", "InboundCall:ACTIVE");
        assertThat(gc.state(SUPERVISOR)).isEqualTo(AgentState.TALKING);
    }

    @Test
    void bargeInWithoutMonitorAndDropParticipant() {
        gc.login(SUPERVISOR);
        String call = answered(MEMBER);
        gc.send(new Command.BargeIn(SUPERVISOR, "5003", call));
        gc.takePublished(MEMBER);

        List<Event> dropped = gc.send(new Command.DropParticipant(SUPERVISOR, "5003", call));
        assertThat(kinds(dropped)).containsExactly("InboundCall:ACTIVE", "PrintStatusBar");
        assertThat(SandboxHarness.inbound(dropped, CallState.ACTIVE).participants()).containsExactly("+4930555", "5001");
        assertThat(kinds(gc.takePublished(MEMBER))).containsExactly("InboundCall:DROPPED", "State:WORK_READY");
    }

    @Test
    void dropParticipantOfATwoPartyCallEndsIt() {
        gc.login(SUPERVISOR);
        String call = answered(MEMBER);
        assertThat(kinds(gc.send(new Command.DropParticipant(SUPERVISOR, "5003", call)))).containsExactly("PrintStatusBar");
        assertThat(gc.adapter.contactCenter().call(call).orElseThrow().ended()).isTrue();
        assertThat(gc.refused(new Command.DropParticipant(SUPERVISOR, "5003", call))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void teamUsersListAndSubscriptionToMemberChanges() {
        gc.login(SUPERVISOR);
        gc.login(MEMBER);
        List<Event> list = gc.send(new Command.GetTeamUsers(SUPERVISOR, "10", true));
        Event.TeamUsersList users = (Event.TeamUsersList) list.get(0);
        assertThat(users.users()).hasSize(11);
        assertThat(users.users()).filteredOn(u -> u.loginId().equals(MEMBER)).singleElement()
                .satisfies(u -> assertThat(u.state()).isEqualTo(AgentState.NOT_READY));

        gc.send(new Command.MakeReady(MEMBER, MEMBER));
        List<Event> changes = gc.takePublished(SUPERVISOR);
        assertThat(changes).singleElement().isEqualTo(new Event.TeamMemberStateChanged(SUPERVISOR, "10", AgentState.READY, MEMBER));

        gc.adapter.agentReleased(SUPERVISOR);
        gc.send(new Command.MakeNotReady(MEMBER, MEMBER));
        assertThat(gc.takePublished(SUPERVISOR)).isEmpty();
        assertThat(gc.refused(new Command.GetTeamUsers(SUPERVISOR, "20", false))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void teamUserStateOfOneMember() {
        gc.login(SUPERVISOR);
        gc.loginReady(MEMBER);
        assertThat(gc.send(new Command.GetTeamUserState(SUPERVISOR, MEMBER)))
                .containsExactly(new Event.TeamMemberStateChanged(SUPERVISOR, "10", AgentState.READY, MEMBER));
        assertThat(gc.refused(new Command.GetTeamUserState(SUPERVISOR, OTHER_TEAM))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void agentsListIsForSupervisorsAndListsLoggedInUsers() {
        gc.login(SUPERVISOR);
        gc.loginReady(MEMBER);
        Event.AgentsList list = (Event.AgentsList) gc.send(new Command.GetAgentsList(SUPERVISOR)).get(0);
        assertThat(list.agents()).extracting(a -> a.loginId() + ":" + a.state() + ":" + a.team())
                .containsExactly("1001:NOT_READY:Sales", "1003:READY:Sales");
        assertThat(gc.refused(new Command.GetAgentsList(MEMBER))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void supervisorsSeeEveryQueueInTheUcceForm() {
        gc.login(SUPERVISOR);
        gc.loginReady(MEMBER);
        gc.control("queue-load queue=Support waiting=5 longest=90s");
        Event.QueueList list = (Event.QueueList) gc.send(new Command.GetQueueList(SUPERVISOR)).get(0);
        assertThat(list.queues()).extracting(QueueStats::name).containsExactly("Sales", "Support", "VIP");
        QueueStats.Ucce sales = (QueueStats.Ucce) list.queues().get(0);
        assertThat(sales.agentsReady()).isEqualTo(1);
        assertThat(sales.agentsNotReady()).isEqualTo(1);
        QueueStats.Ucce support = (QueueStats.Ucce) list.queues().get(1);
        assertThat(support.callsInQueue()).isEqualTo(5);
        assertThat(support.startTimeOfLongestCallInQueue()).isEqualTo("2026-01-05T07:58:30Z");
    }

    private String answered(String agentId) {
        gc.loginReady(agentId);
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.send(new Command.AnswerCall(agentId, dialog));
        gc.takePublished(agentId);
        return dialog;
    }
}
