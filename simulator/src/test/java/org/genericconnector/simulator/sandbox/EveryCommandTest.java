package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.MobileAgentMode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.Test;

/**
 * One working day in which every command of the protocol (but Hello and Beat, which the connector answers)
 * is performed successfully by the sandbox; the test fails when a command is added to the protocol without
 * a sandbox behaviour here. The other tests check each command's events and errors in detail.
 */
class EveryCommandTest {
    private final SandboxHarness gc = new SandboxHarness();
    private final Set<CommandName> performed = EnumSet.noneOf(CommandName.class);

    @Test
    void everyCommandHasASandboxBehaviour() {
        String sup = "1001";
        String agent = "1003";
        String colleague = "1006";
        run(new Command.Connect(sup, "desk", "sample-1001", false));
        run(new Command.Login(sup, "sample-1001", "5001"));
        run(new Command.MobileAgentLogin(colleague, "sample-1006", "5006", "+491701234567", MobileAgentMode.NAILED_CONNECTION));
        run(new Command.Login(agent, "sample-1003", "5003"));
        run(new Command.GetState(agent));
        run(new Command.GetNotReadyReasonCodes(agent));
        run(new Command.GetLogoutReasonCodes(agent));
        run(new Command.GetWrapUpReasons(agent));
        run(new Command.MakeNotReadyWithReason(agent, "1"));
        run(new Command.MakeReady(agent, agent));
        run(new Command.MakeNotReady(agent, agent));
        run(new Command.MakeReady(sup, agent));

        String call = gc.dialog("inbound queue=Sales from=+4930555");
        run(new Command.AnswerCall(agent, call));
        run(new Command.UpdateCallVariables(agent, call, List.of(new CallVariable("callVariable1", "x"))));
        run(new Command.GetDialogState(agent, call));
        run(new Command.HoldCall(agent, call));
        run(new Command.RetrieveCall(agent, call));
        String monitor = SandboxHarness.inbound(run(new Command.SilentMonitor(sup, "5003")), CallState.ACTIVE).dialogId();
        run(new Command.EndSilentMonitor(sup, monitor));
        run(new Command.BargeIn(sup, "5003", call));
        run(new Command.ReleaseCall(sup, call));
        String consult = ((Event.ConsultCall) run(new Command.ConsultCall(agent, "5006", call)).get(3)).associatedDialogId();
        gc.send(new Command.AnswerCall(colleague, consult));
        run(new Command.ConferenceCall(agent, "5006", call));
        run(new Command.DropParticipant(sup, "5006", call));
        run(new Command.TransferSst(agent, "+4940999", call));
        run(new Command.MakeNotReady(agent, agent));
        run(new Command.WrapUp(agent, "Sale", call));

        run(new Command.MakeCall(agent, "+4930123"));
        String made = gc.adapter.contactCenter().liveCallsOf(agent).get(0).id();
        run(new Command.MakeWorkReady(agent, agent));
        run(new Command.ReleaseCall(agent, made));
        run(new Command.MakeNotReady(agent, agent));
        run(new Command.MakeCall(agent, "+4930123"));
        String second = gc.adapter.contactCenter().liveCallsOf(agent).get(0).id();
        run(new Command.ConsultCall(agent, "5006", second));
        String consult2 = gc.adapter.contactCenter().liveCallsOf(colleague).get(0).id();
        gc.send(new Command.AnswerCall(colleague, consult2));
        run(new Command.TransferCall(agent, "5006", second));
        run(new Command.MakeWorkNotReady(colleague, colleague));
        gc.send(new Command.ReleaseCall(colleague, second));

        run(new Command.MakeReady(agent, agent));
        String reservation = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222");
        run(new Command.RejectOutboundPreview(agent, reservation));
        reservation = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222");
        run(new Command.CloseOutboundPreview(agent, reservation));
        reservation = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222");
        String customer = SandboxHarness.inbound(run(new Command.AcceptOutboundPreview(agent, reservation)), CallState.ACTIVE).dialogId();
        run(new Command.ScheduleCallback(agent, "5003", customer, "2026-01-06T10:00:00Z", "+4940111222"));
        run(new Command.UpdateCallback(agent, "5003", customer, "2026-01-06T11:00:00Z", "+4940111222"));
        run(new Command.CancelCallback(agent, "5003", customer));
        run(new Command.ReclassifyCall(agent, "5003", customer, "VOICE"));
        gc.send(new Command.ReleaseCall(agent, customer));

        run(new Command.GetAgentsList(sup));
        run(new Command.GetPhonebooks(agent));
        run(new Command.GetPhonebookContacts(agent, "pb-global"));
        run(new Command.GetTeamPhonebooks(agent, "10"));
        run(new Command.GetQueueList(sup));
        run(new Command.GetTeamUsers(sup, "10", true));
        run(new Command.GetTeamUserState(sup, agent));
        run(new Command.GetSkillGroups(agent));
        run(new Command.GetSupervisors(agent));
        run(new Command.MakeNotReady(agent, agent));
        run(new Command.LogoutWithReason(agent, "11"));
        run(new Command.MakeNotReady(sup, sup));
        run(new Command.Logout(sup, sup));

        Set<CommandName> expected = EnumSet.complementOf(EnumSet.of(CommandName.HELLO, CommandName.BEAT));
        assertThat(performed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(gc.adapter.supportedCommands()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<Event> run(Command command) {
        List<Event> replies = gc.send(command);
        performed.add(command.name());
        return replies;
    }
}
