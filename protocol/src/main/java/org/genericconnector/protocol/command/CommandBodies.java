package org.genericconnector.protocol.command;

import static org.genericconnector.protocol.ErrorCode.INVALID_CALL_DATA;
import static org.genericconnector.protocol.ErrorCode.MALFORMED_MESSAGE;
import static org.genericconnector.protocol.ErrorCode.MISSING_ARGUMENT;
import static org.genericconnector.protocol.ErrorCode.MISSING_DIALOG_ID;
import static org.genericconnector.protocol.ErrorCode.MISSING_EXTENSION;
import static org.genericconnector.protocol.ErrorCode.MISSING_NUMBER;
import static org.genericconnector.protocol.ErrorCode.MISSING_PASSWORD;
import static org.genericconnector.protocol.ErrorCode.MISSING_REASON_CODE;
import static org.genericconnector.protocol.ErrorCode.WRONG_EXTENSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.MobileAgentMode;
import org.genericconnector.protocol.command.Command.*;

/**
 * Reads each command's body into its typed record, with the guide's error code for each missing or
 * wrong argument. Where a field may itself hold a comma (a password), it is the one field not split:
 * Login reads the extension after the last comma and the password before it; Connect reads the
 * destination before the first comma and an optional trailing {@code SSO} flag.
 */
final class CommandBodies {
    private CommandBodies() {
    }

    static Command parse(CommandName name, String id, String body) throws ArgumentProblem {
        BodyFields f = new BodyFields(body);
        return switch (name) {
            case HELLO -> new Hello(destination(id, f));
            case BEAT -> new Beat(destination(id, f));
            case CONNECT -> connect(id, body);
            case LOGIN -> login(id, body);
            case MOBILE_AGENT_LOGIN -> mobileAgentLogin(id, body);
            case LOGOUT -> new Logout(id, target(id, f));
            case LOGOUT_WITH_REASON -> new LogoutWithReason(id, f.require(0, MISSING_REASON_CODE, "reason code"));
            case GET_STATE -> new GetState(id);
            case MAKE_NOT_READY -> new MakeNotReady(id, target(id, f));
            case MAKE_NOT_READY_WITH_REASON -> new MakeNotReadyWithReason(id, f.require(0, MISSING_REASON_CODE, "reason code"));
            case MAKE_READY -> new MakeReady(id, target(id, f));
            case MAKE_WORK_READY -> new MakeWorkReady(id, target(id, f));
            case MAKE_WORK_NOT_READY -> new MakeWorkNotReady(id, target(id, f));
            case MAKE_CALL -> new MakeCall(id, f.require(0, MISSING_NUMBER, "number to dial"));
            case ANSWER_CALL -> new AnswerCall(id, dialog(f, 0));
            case RELEASE_CALL -> new ReleaseCall(id, dialog(f, 0));
            case HOLD_CALL -> new HoldCall(id, dialog(f, 0));
            case RETRIEVE_CALL -> new RetrieveCall(id, dialog(f, 0));
            case TRANSFER_SST -> { String d = dialog(f, 1); yield new TransferSst(id, number(f, 0), d); }
            case CONSULT_CALL -> { String d = dialog(f, 1); yield new ConsultCall(id, number(f, 0), d); }
            case TRANSFER_CALL -> { String d = dialog(f, 1); yield new TransferCall(id, extension(f, 0), d); }
            case CONFERENCE_CALL -> { String d = dialog(f, 1); yield new ConferenceCall(id, extension(f, 0), d); }
            case GET_DIALOG_STATE -> new GetDialogState(id, dialog(f, 0));
            case GET_LOGOUT_REASON_CODES -> new GetLogoutReasonCodes(id);
            case GET_NOT_READY_REASON_CODES -> new GetNotReadyReasonCodes(id);
            case GET_WRAP_UP_REASONS -> new GetWrapUpReasons(id);
            case WRAP_UP -> { String d = dialog(f, 1); yield new WrapUp(id, f.require(0, MISSING_REASON_CODE, "wrap-up reason"), d); }
            case UPDATE_CALL_VARIABLE -> updateCallVariables(id, body);
            case GET_AGENTS_LIST -> new GetAgentsList(id);
            case GET_PHONEBOOKS -> new GetPhonebooks(id);
            case GET_PHONEBOOK_CONTACTS -> new GetPhonebookContacts(id, f.require(0, MISSING_ARGUMENT, "phone book id"));
            case GET_TEAM_PHONEBOOKS -> new GetTeamPhonebooks(id, f.require(0, MISSING_ARGUMENT, "team id"));
            case GET_QUEUE_LIST -> new GetQueueList(id);
            case SILENT_MONITOR -> new SilentMonitor(id, extension(f, 0));
            case END_SILENT_MONITOR -> new EndSilentMonitor(id, dialog(f, 0));
            case DROP_PARTICIPANT -> { String d = dialog(f, 1); yield new DropParticipant(id, extension(f, 0), d); }
            case GET_TEAM_USERS -> new GetTeamUsers(id, f.require(0, MISSING_ARGUMENT, "team id"), f.get(1).equalsIgnoreCase("true"));
            case BARGE_IN -> { String d = dialog(f, 1); yield new BargeIn(id, extension(f, 0), d); }
            case GET_TEAM_USER_STATE -> new GetTeamUserState(id, f.require(0, MISSING_ARGUMENT, "team agent id"));
            case ACCEPT_OUTBOUND_PREVIEW -> new AcceptOutboundPreview(id, dialog(f, 0));
            case REJECT_OUTBOUND_PREVIEW -> new RejectOutboundPreview(id, dialog(f, 0));
            case CLOSE_OUTBOUND_PREVIEW -> new CloseOutboundPreview(id, dialog(f, 0));
            case GET_SKILL_GROUPS -> new GetSkillGroups(id);
            case GET_SUPERVISORS -> new GetSupervisors(id);
            case SCHEDULE_CALLBACK -> { String d = dialog(f, 1);
                yield new ScheduleCallback(id, extension(f, 0), d, f.require(2, MISSING_ARGUMENT, "callback time"), number(f, 3)); }
            case UPDATE_CALLBACK -> { String d = dialog(f, 1);
                yield new UpdateCallback(id, extension(f, 0), d, f.require(2, MISSING_ARGUMENT, "callback time"), number(f, 3)); }
            case CANCEL_CALLBACK -> { String d = dialog(f, 1); yield new CancelCallback(id, extension(f, 0), d); }
            case RECLASSIFY_CALL -> { String d = dialog(f, 1);
                yield new ReclassifyCall(id, extension(f, 0), d, f.require(2, MISSING_ARGUMENT, "reclassify value")); }
        };
    }

    /** Hello and Beat name the destination in the body and, redundantly, in the JMSType. */
    private static String destination(String id, BodyFields f) throws ArgumentProblem {
        return checkDestination(f.get(0).isEmpty() ? id : f.get(0));
    }

    /** A '#' cannot be part of a destination: events name it between '#' separators. */
    private static String checkDestination(String destination) throws ArgumentProblem {
        if (destination.indexOf('#') >= 0) {
            throw new ArgumentProblem(MALFORMED_MESSAGE, "destination contains the event separator");
        }
        return destination;
    }

    /** Supervisor commands name their target in the body; an agent's own command may leave it empty. */
    private static String target(String id, BodyFields f) {
        return f.get(0).isEmpty() ? id : f.get(0);
    }

    private static String dialog(BodyFields f, int index) throws ArgumentProblem {
        return f.require(index, MISSING_DIALOG_ID, "dialog id");
    }

    private static String number(BodyFields f, int index) throws ArgumentProblem {
        return f.require(index, MISSING_NUMBER, "number");
    }

    private static String extension(BodyFields f, int index) throws ArgumentProblem {
        return f.require(index, MISSING_EXTENSION, "extension");
    }

    private static Connect connect(String id, String body) throws ArgumentProblem {
        int comma = body.indexOf(',');
        String destination = checkDestination(comma < 0 ? body.strip() : body.substring(0, comma).strip());
        String rest = comma < 0 ? "" : body.substring(comma + 1);
        boolean sso = false;
        int last = rest.lastIndexOf(',');
        if (last >= 0 && rest.substring(last + 1).strip().equalsIgnoreCase("SSO")) {
            sso = true;
            rest = rest.substring(0, last);
        }
        String password = rest.strip();
        if (password.isEmpty() || (!sso && password.equalsIgnoreCase("SSO"))) {
            throw new ArgumentProblem(MISSING_PASSWORD, "missing password");
        }
        return new Connect(id, destination, password, sso);
    }

    private static Login login(String id, String body) throws ArgumentProblem {
        int last = body.lastIndexOf(',');
        String password = (last < 0 ? body : body.substring(0, last)).strip();
        String extension = last < 0 ? "" : body.substring(last + 1).strip();
        checkExtension(extension);
        if (password.isEmpty()) {
            throw new ArgumentProblem(MISSING_PASSWORD, "missing password");
        }
        return new Login(id, password, extension);
    }

    /**
     * {@code <password>,<extension>,<dialNumber>,<mode>}. With all four fields present the last three
     * are read from the right, so a password may hold commas; a shorter body is read from the left.
     */
    private static MobileAgentLogin mobileAgentLogin(String id, String body) throws ArgumentProblem {
        String[] tail = new String[3];
        String password;
        if (body.chars().filter(c -> c == ',').count() >= 3) {
            String rest = body;
            for (int i = 2; i >= 0; i--) {
                int last = rest.lastIndexOf(',');
                tail[i] = rest.substring(last + 1).strip();
                rest = rest.substring(0, last);
            }
            password = rest.strip();
        } else {
            BodyFields f = new BodyFields(body);
            password = f.get(0);
            for (int i = 0; i < 3; i++) {
                tail[i] = f.get(i + 1);
            }
        }
        checkExtension(tail[0]);
        if (password.isEmpty()) {
            throw new ArgumentProblem(MISSING_PASSWORD, "missing password");
        }
        if (tail[1].isEmpty()) {
            throw new ArgumentProblem(MISSING_NUMBER, "missing dial number");
        }
        return new MobileAgentLogin(id, password, tail[0], tail[1], mobileMode(tail[2]));
    }

    private static MobileAgentMode mobileMode(String value) throws ArgumentProblem {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "call_by_call" -> MobileAgentMode.CALL_BY_CALL;
            case "false", "nailed_connection" -> MobileAgentMode.NAILED_CONNECTION;
            case "" -> throw new ArgumentProblem(MISSING_ARGUMENT, "missing connection mode");
            default -> throw new ArgumentProblem(MALFORMED_MESSAGE, "connection mode must be true or false");
        };
    }

    private static void checkExtension(String extension) throws ArgumentProblem {
        if (extension.isEmpty()) {
            throw new ArgumentProblem(MISSING_EXTENSION, "missing extension");
        }
        if (!extension.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ArgumentProblem(WRONG_EXTENSION, "extension must be digits");
        }
    }

    /** {@code <dialog_id>,<name>=<value>|<name>=<value>...}; every problem is INVALID_CALL_DATA. */
    private static UpdateCallVariables updateCallVariables(String id, String body) throws ArgumentProblem {
        int comma = body.indexOf(',');
        String dialogId = comma < 0 ? body.strip() : body.substring(0, comma).strip();
        if (dialogId.isEmpty()) {
            throw new ArgumentProblem(INVALID_CALL_DATA, "missing dialog id");
        }
        List<CallVariable> variables = new ArrayList<>();
        String list = comma < 0 ? "" : body.substring(comma + 1);
        for (String item : list.split("\\|", -1)) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw new ArgumentProblem(INVALID_CALL_DATA, "call variable without name=value");
            }
            variables.add(new CallVariable(name, item.substring(eq + 1).strip()));
        }
        if (variables.isEmpty()) {
            throw new ArgumentProblem(INVALID_CALL_DATA, "no call variables");
        }
        return new UpdateCallVariables(id, dialogId, variables);
    }
}
