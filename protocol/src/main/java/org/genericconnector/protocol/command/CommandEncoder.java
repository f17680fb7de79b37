package org.genericconnector.protocol.command;

import java.util.stream.Collectors;

import org.genericconnector.protocol.MobileAgentMode;
import org.genericconnector.protocol.command.Command.*;

/**
 * Writes a typed command in the wire form the guide gives it, the way a GC client sends it. Used by
 * client-side tools (gcctl send, the bench, tests); {@link CommandParser} reads it back unchanged.
 * Thread-safe: stateless.
 */
public final class CommandEncoder {
    private CommandEncoder() {
    }

    public static WireCommand encode(Command command) {
        return new WireCommand(command.name().wireName() + "#" + command.agentId(), body(command));
    }

    private static String body(Command command) {
        return switch (command) {
            case Hello c -> c.destination();
            case Beat c -> c.destination();
            case Connect c -> join(c.destination(), c.password()) + (c.sso() ? ",SSO" : "");
            case Login c -> join(c.password(), c.extension());
            case MobileAgentLogin c -> join(c.password(), c.extension(), c.dialNumber(),
                    String.valueOf(c.mode() == MobileAgentMode.CALL_BY_CALL));
            case Logout c -> c.targetAgentId();
            case LogoutWithReason c -> c.reasonCode();
            case GetState c -> c.agentId();
            case MakeNotReady c -> c.targetAgentId();
            case MakeNotReadyWithReason c -> c.reasonCode();
            case MakeReady c -> c.targetAgentId();
            case MakeWorkReady c -> c.targetAgentId();
            case MakeWorkNotReady c -> c.targetAgentId();
            case MakeCall c -> c.number();
            case AnswerCall c -> c.dialogId();
            case ReleaseCall c -> c.dialogId();
            case HoldCall c -> c.dialogId();
            case RetrieveCall c -> c.dialogId();
            case TransferSst c -> join(c.number(), c.dialogId());
            case ConsultCall c -> join(c.number(), c.dialogId());
            case TransferCall c -> join(c.extension(), c.dialogId());
            case ConferenceCall c -> join(c.extension(), c.dialogId());
            case GetDialogState c -> c.dialogId();
            case GetLogoutReasonCodes c -> c.agentId();
            case GetNotReadyReasonCodes c -> c.agentId();
            case GetWrapUpReasons c -> c.agentId();
            case WrapUp c -> join(c.reason(), c.dialogId());
            case UpdateCallVariables c -> c.dialogId() + "," + c.variables().stream()
                    .map(v -> v.name() + "=" + v.value()).collect(Collectors.joining("|"));
            case GetAgentsList c -> c.agentId();
            case GetPhonebooks c -> c.agentId();
            case GetPhonebookContacts c -> c.phonebookId();
            case GetTeamPhonebooks c -> c.teamId();
            case GetQueueList c -> c.agentId();
            case SilentMonitor c -> c.targetExtension();
            case EndSilentMonitor c -> c.dialogId();
            case DropParticipant c -> join(c.extension(), c.dialogId());
            case GetTeamUsers c -> join(c.teamId(), String.valueOf(c.subscribe()));
            case BargeIn c -> join(c.extension(), c.dialogId());
            case GetTeamUserState c -> c.teamAgentId();
            case AcceptOutboundPreview c -> join(c.dialogId(), "ACCEPT");
            case RejectOutboundPreview c -> join(c.dialogId(), "REJECT");
            case CloseOutboundPreview c -> join(c.dialogId(), "CLOSE");
            case GetSkillGroups c -> c.agentId();
            case GetSupervisors c -> c.agentId();
            case ScheduleCallback c -> join(c.targetMediaAddress(), c.dialogId(), c.callbackTime(), c.callbackNumber());
            case UpdateCallback c -> join(c.targetMediaAddress(), c.dialogId(), c.callbackTime(), c.callbackNumber());
            case CancelCallback c -> join(c.targetMediaAddress(), c.dialogId());
            case ReclassifyCall c -> join(c.targetMediaAddress(), c.dialogId(), c.value());
        };
    }

    private static String join(String... fields) {
        return String.join(",", fields);
    }
}
