package org.genericconnector.protocol.command;

import java.util.List;
import java.util.Objects;

import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.MobileAgentMode;

/**
 * A command from a GC client, parsed and validated: one record per command of the guide's
 * "All Commands" section. Records are immutable; list arguments are copied on the way in.
 * Records that carry a password print it masked, so a command can be logged as it is.
 *
 * <p>{@link #agentId()} is the id after {@code #} in the JMSType: the agent (or supervisor) the
 * command is sent as, or, for {@link Hello} and {@link Beat}, the client destination.
 */
public sealed interface Command {

    /** The id written after {@code #} in the JMSType. */
    String agentId();

    /** Which command this is. */
    CommandName name();

    /** The first command of a client: asks for the system status. */
    record Hello(String destination) implements Command {
        public Hello { requireText(destination, "destination"); }
        public String agentId() { return destination; }
        public CommandName name() { return CommandName.HELLO; }
    }

    /** Subscribes an agent to ACD notifications and binds it to a client destination. */
    record Connect(String agentId, String destination, String password, boolean sso) implements Command {
        public Connect { requireText(agentId, "agentId"); Objects.requireNonNull(destination); requireText(password, "password"); }
        public CommandName name() { return CommandName.CONNECT; }
        @Override public String toString() {
            return "Connect[agentId=" + agentId + ", destination=" + destination + ", password=****, sso=" + sso + "]";
        }
    }

    /** Signs an agent in on a desk extension. */
    record Login(String agentId, String password, String extension) implements Command {
        public Login { requireText(agentId, "agentId"); requireText(password, "password"); requireText(extension, "extension"); }
        public CommandName name() { return CommandName.LOGIN; }
        @Override public String toString() {
            return "Login[agentId=" + agentId + ", password=****, extension=" + extension + "]";
        }
    }

    /** Signs a mobile agent in: the ACD calls {@code dialNumber} to reach the agent. */
    record MobileAgentLogin(String agentId, String password, String extension, String dialNumber, MobileAgentMode mode)
            implements Command {
        public MobileAgentLogin {
            requireText(agentId, "agentId"); requireText(password, "password"); requireText(extension, "extension");
            requireText(dialNumber, "dialNumber"); Objects.requireNonNull(mode, "mode");
        }
        public CommandName name() { return CommandName.MOBILE_AGENT_LOGIN; }
        @Override public String toString() {
            return "MobileAgentLogin[agentId=" + agentId + ", password=****, extension=" + extension
                    + ", dialNumber=" + dialNumber + ", mode=" + mode + "]";
        }
    }

    /** The client's heartbeat. */
    record Beat(String destination) implements Command {
        public Beat { requireText(destination, "destination"); }
        public String agentId() { return destination; }
        public CommandName name() { return CommandName.BEAT; }
    }

    /** Logs {@code targetAgentId} out (the agent itself, or a team member when sent by a supervisor). */
    record Logout(String agentId, String targetAgentId) implements Command {
        public Logout { requireText(agentId, "agentId"); requireText(targetAgentId, "targetAgentId"); }
        public CommandName name() { return CommandName.LOGOUT; }
    }

    record LogoutWithReason(String agentId, String reasonCode) implements Command {
        public LogoutWithReason { requireText(agentId, "agentId"); requireText(reasonCode, "reasonCode"); }
        public CommandName name() { return CommandName.LOGOUT_WITH_REASON; }
    }

    record GetState(String agentId) implements Command {
        public GetState { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_STATE; }
    }

    /** Makes {@code targetAgentId} NOT_READY (the agent itself, or a team member for a supervisor). */
    record MakeNotReady(String agentId, String targetAgentId) implements Command {
        public MakeNotReady { requireText(agentId, "agentId"); requireText(targetAgentId, "targetAgentId"); }
        public CommandName name() { return CommandName.MAKE_NOT_READY; }
    }

    record MakeNotReadyWithReason(String agentId, String reasonCode) implements Command {
        public MakeNotReadyWithReason { requireText(agentId, "agentId"); requireText(reasonCode, "reasonCode"); }
        public CommandName name() { return CommandName.MAKE_NOT_READY_WITH_REASON; }
    }

    record MakeReady(String agentId, String targetAgentId) implements Command {
        public MakeReady { requireText(agentId, "agentId"); requireText(targetAgentId, "targetAgentId"); }
        public CommandName name() { return CommandName.MAKE_READY; }
    }

    record MakeWorkReady(String agentId, String targetAgentId) implements Command {
        public MakeWorkReady { requireText(agentId, "agentId"); requireText(targetAgentId, "targetAgentId"); }
        public CommandName name() { return CommandName.MAKE_WORK_READY; }
    }

    record MakeWorkNotReady(String agentId, String targetAgentId) implements Command {
        public MakeWorkNotReady { requireText(agentId, "agentId"); requireText(targetAgentId, "targetAgentId"); }
        public CommandName name() { return CommandName.MAKE_WORK_NOT_READY; }
    }

    /** Dials {@code number}: another agent's extension or an outside number. */
    record MakeCall(String agentId, String number) implements Command {
        public MakeCall { requireText(agentId, "agentId"); requireText(number, "number"); }
        public CommandName name() { return CommandName.MAKE_CALL; }
    }

    record AnswerCall(String agentId, String dialogId) implements Command {
        public AnswerCall { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.ANSWER_CALL; }
    }

    record ReleaseCall(String agentId, String dialogId) implements Command {
        public ReleaseCall { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.RELEASE_CALL; }
    }

    record HoldCall(String agentId, String dialogId) implements Command {
        public HoldCall { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.HOLD_CALL; }
    }

    record RetrieveCall(String agentId, String dialogId) implements Command {
        public RetrieveCall { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.RETRIEVE_CALL; }
    }

    /** Single-step (blind) transfer of {@code dialogId} to {@code number}. */
    record TransferSst(String agentId, String number, String dialogId) implements Command {
        public TransferSst { requireText(agentId, "agentId"); requireText(number, "number"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.TRANSFER_SST; }
    }

    /** Starts a consult call to {@code number} while {@code dialogId} is held. */
    record ConsultCall(String agentId, String number, String dialogId) implements Command {
        public ConsultCall { requireText(agentId, "agentId"); requireText(number, "number"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.CONSULT_CALL; }
    }

    /** Completes a consult transfer of the main call {@code dialogId} to {@code extension}. */
    record TransferCall(String agentId, String extension, String dialogId) implements Command {
        public TransferCall { requireText(agentId, "agentId"); requireText(extension, "extension"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.TRANSFER_CALL; }
    }

    /** Joins the main call {@code dialogId} and the consulted {@code extension} in a conference. */
    record ConferenceCall(String agentId, String extension, String dialogId) implements Command {
        public ConferenceCall { requireText(agentId, "agentId"); requireText(extension, "extension"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.CONFERENCE_CALL; }
    }

    record GetDialogState(String agentId, String dialogId) implements Command {
        public GetDialogState { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.GET_DIALOG_STATE; }
    }

    record GetLogoutReasonCodes(String agentId) implements Command {
        public GetLogoutReasonCodes { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_LOGOUT_REASON_CODES; }
    }

    record GetNotReadyReasonCodes(String agentId) implements Command {
        public GetNotReadyReasonCodes { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_NOT_READY_REASON_CODES; }
    }

    record GetWrapUpReasons(String agentId) implements Command {
        public GetWrapUpReasons { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_WRAP_UP_REASONS; }
    }

    /** Applies a wrap-up reason to {@code dialogId}. */
    record WrapUp(String agentId, String reason, String dialogId) implements Command {
        public WrapUp { requireText(agentId, "agentId"); requireText(reason, "reason"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.WRAP_UP; }
    }

    /** Sets call variables (callVariable1..10 or named ECC variables) on {@code dialogId}, in order. */
    record UpdateCallVariables(String agentId, String dialogId, List<CallVariable> variables) implements Command {
        public UpdateCallVariables {
            requireText(agentId, "agentId"); requireText(dialogId, "dialogId");
            variables = List.copyOf(variables);
            if (variables.isEmpty()) {
                throw new IllegalArgumentException("no call variables");
            }
        }
        public CommandName name() { return CommandName.UPDATE_CALL_VARIABLE; }
    }

    /** Admin: lists every logged-in user. */
    record GetAgentsList(String agentId) implements Command {
        public GetAgentsList { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_AGENTS_LIST; }
    }

    record GetPhonebooks(String agentId) implements Command {
        public GetPhonebooks { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_PHONEBOOKS; }
    }

    record GetPhonebookContacts(String agentId, String phonebookId) implements Command {
        public GetPhonebookContacts { requireText(agentId, "agentId"); requireText(phonebookId, "phonebookId"); }
        public CommandName name() { return CommandName.GET_PHONEBOOK_CONTACTS; }
    }

    record GetTeamPhonebooks(String agentId, String teamId) implements Command {
        public GetTeamPhonebooks { requireText(agentId, "agentId"); requireText(teamId, "teamId"); }
        public CommandName name() { return CommandName.GET_TEAM_PHONEBOOKS; }
    }

    record GetQueueList(String agentId) implements Command {
        public GetQueueList { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_QUEUE_LIST; }
    }

    /** Supervisor: silently monitors the team member at {@code targetExtension}. */
    record SilentMonitor(String agentId, String targetExtension) implements Command {
        public SilentMonitor { requireText(agentId, "agentId"); requireText(targetExtension, "targetExtension"); }
        public CommandName name() { return CommandName.SILENT_MONITOR; }
    }

    record EndSilentMonitor(String agentId, String dialogId) implements Command {
        public EndSilentMonitor { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.END_SILENT_MONITOR; }
    }

    /** Supervisor: drops the participant at {@code extension} from {@code dialogId}. */
    record DropParticipant(String agentId, String extension, String dialogId) implements Command {
        public DropParticipant { requireText(agentId, "agentId"); requireText(extension, "extension"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.DROP_PARTICIPANT; }
    }

    /** Supervisor: lists a team's users, and with {@code subscribe} keeps sending their changes. */
    record GetTeamUsers(String agentId, String teamId, boolean subscribe) implements Command {
        public GetTeamUsers { requireText(agentId, "agentId"); requireText(teamId, "teamId"); }
        public CommandName name() { return CommandName.GET_TEAM_USERS; }
    }

    /** Supervisor: barges into {@code dialogId} of the team member at {@code extension}. */
    record BargeIn(String agentId, String extension, String dialogId) implements Command {
        public BargeIn { requireText(agentId, "agentId"); requireText(extension, "extension"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.BARGE_IN; }
    }

    record GetTeamUserState(String agentId, String teamAgentId) implements Command {
        public GetTeamUserState { requireText(agentId, "agentId"); requireText(teamAgentId, "teamAgentId"); }
        public CommandName name() { return CommandName.GET_TEAM_USER_STATE; }
    }

    record AcceptOutboundPreview(String agentId, String dialogId) implements Command {
        public AcceptOutboundPreview { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.ACCEPT_OUTBOUND_PREVIEW; }
    }

    record RejectOutboundPreview(String agentId, String dialogId) implements Command {
        public RejectOutboundPreview { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.REJECT_OUTBOUND_PREVIEW; }
    }

    record CloseOutboundPreview(String agentId, String dialogId) implements Command {
        public CloseOutboundPreview { requireText(agentId, "agentId"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.CLOSE_OUTBOUND_PREVIEW; }
    }

    /** UCCE only: lists skill groups. */
    record GetSkillGroups(String agentId) implements Command {
        public GetSkillGroups { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_SKILL_GROUPS; }
    }

    /** UCCE only: lists supervisors. */
    record GetSupervisors(String agentId) implements Command {
        public GetSupervisors { requireText(agentId, "agentId"); }
        public CommandName name() { return CommandName.GET_SUPERVISORS; }
    }

    /** Schedules a campaign callback for {@code dialogId}; {@code callbackTime} is passed as the client wrote it. */
    record ScheduleCallback(String agentId, String targetMediaAddress, String dialogId, String callbackTime,
                            String callbackNumber) implements Command {
        public ScheduleCallback {
            requireText(agentId, "agentId"); requireText(targetMediaAddress, "targetMediaAddress");
            requireText(dialogId, "dialogId"); requireText(callbackTime, "callbackTime"); requireText(callbackNumber, "callbackNumber");
        }
        public CommandName name() { return CommandName.SCHEDULE_CALLBACK; }
    }

    record UpdateCallback(String agentId, String targetMediaAddress, String dialogId, String callbackTime,
                          String callbackNumber) implements Command {
        public UpdateCallback {
            requireText(agentId, "agentId"); requireText(targetMediaAddress, "targetMediaAddress");
            requireText(dialogId, "dialogId"); requireText(callbackTime, "callbackTime"); requireText(callbackNumber, "callbackNumber");
        }
        public CommandName name() { return CommandName.UPDATE_CALLBACK; }
    }

    record CancelCallback(String agentId, String targetMediaAddress, String dialogId) implements Command {
        public CancelCallback { requireText(agentId, "agentId"); requireText(targetMediaAddress, "targetMediaAddress"); requireText(dialogId, "dialogId"); }
        public CommandName name() { return CommandName.CANCEL_CALLBACK; }
    }

    /** Reclassifies an outbound direct preview call (e.g. as a fax or answering machine). */
    record ReclassifyCall(String agentId, String targetMediaAddress, String dialogId, String value) implements Command {
        public ReclassifyCall {
            requireText(agentId, "agentId"); requireText(targetMediaAddress, "targetMediaAddress");
            requireText(dialogId, "dialogId"); requireText(value, "value");
        }
        public CommandName name() { return CommandName.RECLASSIFY_CALL; }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}
