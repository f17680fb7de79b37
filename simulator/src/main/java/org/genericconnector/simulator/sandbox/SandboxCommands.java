package org.genericconnector.simulator.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.ModelChange.CallbackAction;
import org.genericconnector.simulator.model.Refusal;
import org.genericconnector.simulator.model.RefusedException;

/**
 * Performs each GC command on the contact center. Events the model reports for the requester are the body
 * of the reply; {@code before} and {@code after} take the events the adapter adds around them (AgentInfo
 * before a login's State, DialogStatus and team info after it; answers to queries). Called inside one
 * contact-center step. Stateless apart from its collaborators; thread-safe.
 */
final class SandboxCommands {
    private final ContactCenter center;
    private final SandboxEventMapper mapper;
    private final SandboxEventRouter router;
    private final SandboxQueries queries;

    SandboxCommands(ContactCenter center, SandboxEventMapper mapper, SandboxEventRouter router) {
        this.center = center;
        this.mapper = mapper;
        this.router = router;
        this.queries = new SandboxQueries(center, mapper);
    }

    /** The team member a supervisor command acts on, or null. */
    static String targetOf(Command command) {
        return switch (command) {
            case Command.Logout c -> c.targetAgentId();
            case Command.MakeNotReady c -> c.targetAgentId();
            case Command.MakeReady c -> c.targetAgentId();
            case Command.MakeWorkReady c -> c.targetAgentId();
            case Command.MakeWorkNotReady c -> c.targetAgentId();
            default -> null;
        };
    }

    void execute(Command command, List<Event> before, List<Event> after) {
        String id = command.agentId();
        switch (command) {
            case Command.Hello c -> throw new IllegalArgumentException("Hello is answered by the connector");
            case Command.Beat c -> throw new IllegalArgumentException("Beat is answered by the connector");
            case Command.Connect c -> center.authenticate(id, c.password());
            case Command.Login c -> login(id, c.password(), c.extension(), null, before, after);
            case Command.MobileAgentLogin c -> login(id, c.password(), c.extension(), c.dialNumber(), before, after);
            case Command.Logout c -> center.logout(id, c.targetAgentId(), null);
            case Command.LogoutWithReason c -> center.logout(id, id, c.reasonCode());
            case Command.GetState c -> after.add(mapper.state(agent(id)));
            case Command.MakeNotReady c -> center.requestState(id, c.targetAgentId(), AgentStatus.NOT_READY, null);
            case Command.MakeNotReadyWithReason c -> center.requestState(id, id, AgentStatus.NOT_READY, c.reasonCode());
            case Command.MakeReady c -> center.requestState(id, c.targetAgentId(), AgentStatus.READY, null);
            case Command.MakeWorkReady c -> center.requestState(id, c.targetAgentId(), AgentStatus.WORK_READY, null);
            case Command.MakeWorkNotReady c -> center.requestState(id, c.targetAgentId(), AgentStatus.WORK, null);
            case Command.MakeCall c -> center.makeCall(id, c.number());
            case Command.AnswerCall c -> center.answer(id, c.dialogId());
            case Command.ReleaseCall c -> center.release(id, c.dialogId());
            case Command.HoldCall c -> center.hold(id, c.dialogId());
            case Command.RetrieveCall c -> center.retrieve(id, c.dialogId());
            case Command.TransferSst c -> center.blindTransfer(id, c.number(), c.dialogId());
            case Command.ConsultCall c -> center.consult(id, c.number(), c.dialogId());
            case Command.TransferCall c -> center.transfer(id, c.extension(), c.dialogId());
            case Command.ConferenceCall c -> center.conference(id, c.extension(), c.dialogId());
            case Command.GetDialogState c -> after.add(dialogState(id, c.dialogId()));
            case Command.GetLogoutReasonCodes c -> after.add(queries.reasonCodes(agent(id), Values.ReasonCategory.LOGOUT));
            case Command.GetNotReadyReasonCodes c -> after.add(queries.reasonCodes(agent(id), Values.ReasonCategory.NOT_READY));
            case Command.GetWrapUpReasons c -> after.add(queries.reasonCodes(agent(id), Values.ReasonCategory.WRAP_UP));
            case Command.WrapUp c -> center.wrapUp(id, c.reason(), c.dialogId());
            case Command.UpdateCallVariables c -> center.updateVariables(id, c.dialogId(), variables(c.variables()));
            case Command.GetAgentsList c -> after.add(queries.agentsList(id));
            case Command.GetPhonebooks c -> after.add(queries.phonebooks(agent(id)));
            case Command.GetPhonebookContacts c -> after.add(queries.contacts(agent(id), c.phonebookId()));
            case Command.GetTeamPhonebooks c -> after.add(queries.teamPhonebooks(agent(id), c.teamId()));
            case Command.GetQueueList c -> after.add(queries.queueList(agent(id)));
            case Command.SilentMonitor c -> center.silentMonitor(id, c.targetExtension());
            case Command.EndSilentMonitor c -> center.endSilentMonitor(id, c.dialogId());
            case Command.DropParticipant c -> center.dropParticipant(id, c.extension(), c.dialogId());
            case Command.GetTeamUsers c -> teamUsers(id, c.teamId(), c.subscribe(), after);
            case Command.BargeIn c -> center.bargeIn(id, c.extension(), c.dialogId());
            case Command.GetTeamUserState c -> after.add(queries.teamMemberState(id, c.teamAgentId()));
            case Command.AcceptOutboundPreview c -> center.acceptPreview(id, c.dialogId());
            case Command.RejectOutboundPreview c -> center.rejectPreview(id, c.dialogId());
            case Command.CloseOutboundPreview c -> center.closePreview(id, c.dialogId());
            case Command.GetSkillGroups c -> after.add(queries.skillGroups(agent(id)));
            case Command.GetSupervisors c -> after.add(queries.supervisors(agent(id)));
            case Command.ScheduleCallback c -> center.callback(id, c.targetMediaAddress(), c.dialogId(),
                    CallbackAction.SCHEDULED, c.callbackTime(), c.callbackNumber());
            case Command.UpdateCallback c -> center.callback(id, c.targetMediaAddress(), c.dialogId(),
                    CallbackAction.UPDATED, c.callbackTime(), c.callbackNumber());
            case Command.CancelCallback c -> center.callback(id, c.targetMediaAddress(), c.dialogId(),
                    CallbackAction.CANCELED, "", "");
            case Command.ReclassifyCall c -> center.reclassify(id, c.targetMediaAddress(), c.dialogId(), c.value());
        }
    }

    /** AgentInfo, State (NOT_READY, reason -1), DialogStatus; a supervisor also gets TeamInfoIDs and TeamInfoNames. */
    private void login(String id, String password, String extension, String mobile, List<Event> before, List<Event> after) {
        AgentView was = agent(id);
        AgentView now = center.login(id, password, extension, mobile);
        before.add(queries.agentInfo(now));
        if (was.status().isLoggedIn()) {
            after.add(mapper.state(now)); // signing in again changes nothing: report the state as it is
        }
        after.add(dialogStatus(id));
        if (now.profile().isSupervisor()) {
            after.add(queries.teamInfoIds(now));
            after.add(queries.teamInfoNames(now));
        }
    }

    private void teamUsers(String id, String teamId, boolean subscribe, List<Event> after) {
        after.add(queries.teamUsers(id, teamId));
        if (subscribe) {
            router.subscribe(id, teamId);
        }
    }

    /** State and DialogStatus of a known agent, for re-publication; empty for an unknown one. */
    List<Event> snapshot(String agentId) {
        return center.atomically(() -> center.agent(agentId)
                .map(a -> List.<Event>of(mapper.state(a), dialogStatus(agentId))).orElse(List.of()));
    }

    /** The agent's main dialog and the consult associated with it; {@code DialogStatus###} when there is none. */
    Event.DialogStatus dialogStatus(String agentId) {
        List<CallView> calls = center.liveCallsOf(agentId);
        CallView main = calls.stream().filter(c -> c.kind() != CallKind.CONSULT || !agentId.equals(c.initiatorAgentId()))
                .findFirst().orElse(null);
        if (main == null) {
            return new Event.DialogStatus(agentId, null, null);
        }
        CallView consult = calls.stream().filter(c -> c.kind() == CallKind.CONSULT && main.id().equals(c.associatedCallId()))
                .findFirst().orElse(null);
        return new Event.DialogStatus(agentId, mapper.summary(agentId, main), consult == null ? null : mapper.summary(agentId, consult));
    }

    private Event dialogState(String agentId, String dialogId) {
        agent(agentId);
        CallView call = center.callOf(agentId, dialogId)
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_CALL, "agent " + agentId + " has no dialog " + dialogId));
        return new Event.DialogState(agentId, mapper.summary(agentId, call).state(), dialogId, mapper.fullName(agentId));
    }

    private AgentView agent(String id) {
        return center.agent(id).orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_AGENT, "no agent " + id));
    }

    private static Map<String, String> variables(List<CallVariable> variables) {
        Map<String, String> map = new LinkedHashMap<>();
        variables.forEach(v -> map.put(v.name(), v.value()));
        return map;
    }
}
