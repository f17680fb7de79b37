package org.genericconnector.protocol.command;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command names of the guide's "All Commands" section. {@link #wireName()} is the spelling this
 * implementation writes; {@link #lookup(String)} also accepts every alias, ignoring case, including the
 * guide's own misspellings ({@code GETSKILLGROPU}, {@code SHCEDULECALLBACK}) and their corrections.
 */
public enum CommandName {
    HELLO("Hello"),
    CONNECT("Connect"),
    LOGIN("Login"),
    MOBILE_AGENT_LOGIN("MOBILEAGENTLOGIN", "MobileAgentLogin"),
    BEAT("Beat"),
    LOGOUT("Logout"),
    LOGOUT_WITH_REASON("logoutwithreason"),
    GET_STATE("GetState"),
    MAKE_NOT_READY("MakeNotReady"),
    MAKE_NOT_READY_WITH_REASON("MakeNotReadyWithReason"),
    MAKE_READY("MakeReady"),
    MAKE_WORK_READY("MakeWorkReady"),
    /** The guide prints this command's JMS-Type as MakeReady, a copy slip; MakeWorkNotReady is used. */
    MAKE_WORK_NOT_READY("MakeWorkNotReady"),
    MAKE_CALL("MakeCall"),
    ANSWER_CALL("AnswerCall"),
    RELEASE_CALL("ReleaseCall"),
    /** The guide gives Hold no JMS-Type; HoldCall matches its siblings AnswerCall and RetrieveCall. */
    HOLD_CALL("HoldCall"),
    RETRIEVE_CALL("RetrieveCall", "ReterieveCall"),
    TRANSFER_SST("Transfer_sst", "BlindTransfer"),
    CONSULT_CALL("ConsultCall", "CosultCall"),
    TRANSFER_CALL("TransferCall"),
    CONFERENCE_CALL("Conferencecall"),
    GET_DIALOG_STATE("GetDialogState"),
    GET_LOGOUT_REASON_CODES("reasoncodelogout"),
    GET_NOT_READY_REASON_CODES("reasoncodenotready"),
    GET_WRAP_UP_REASONS("wrapupreasoncode"),
    WRAP_UP("wrapup"),
    UPDATE_CALL_VARIABLE("update_call_variable"),
    /** The guide describes the admin agents list without a JMS-Type; GetAgentsList is used. */
    GET_AGENTS_LIST("GetAgentsList", "AgentsList", "Get_Agents_List"),
    GET_PHONEBOOKS("GetPhonebooks", "Get_Phonebooks"),
    GET_PHONEBOOK_CONTACTS("GetPhonebookContacts", "Get_Phonebook_Contacts"),
    GET_TEAM_PHONEBOOKS("GetTeamPhonebooks"),
    GET_QUEUE_LIST("getqueuelist", "Get_Queue_Info"),
    SILENT_MONITOR("silentmonitor"),
    END_SILENT_MONITOR("endsilentmonitor"),
    DROP_PARTICIPANT("dropparticipant"),
    GET_TEAM_USERS("getteamusers"),
    BARGE_IN("bargein"),
    GET_TEAM_USER_STATE("getteamuserstate"),
    ACCEPT_OUTBOUND_PREVIEW("AcceptOutboundPreview"),
    REJECT_OUTBOUND_PREVIEW("RejectOutboundPreview"),
    CLOSE_OUTBOUND_PREVIEW("CloseOutboundPreview"),
    GET_SKILL_GROUPS("GETSKILLGROPU", "GETSKILLGROUP"),
    GET_SUPERVISORS("GETSUPERVISOR"),
    SCHEDULE_CALLBACK("SHCEDULECALLBACK", "SCHEDULECALLBACK"),
    UPDATE_CALLBACK("UPDATECALLBACK"),
    CANCEL_CALLBACK("CANCELSHCEDULECALLBACK", "CANCELSCHEDULECALLBACK"),
    RECLASSIFY_CALL("RECLASSIFYCALL");

    private static final Map<String, CommandName> BY_NAME = new HashMap<>();

    static {
        for (CommandName name : values()) {
            for (String spelling : name.spellings) {
                BY_NAME.put(spelling.toLowerCase(Locale.ROOT), name);
            }
        }
    }

    private final List<String> spellings;

    CommandName(String wireName, String... aliases) {
        this.spellings = new java.util.ArrayList<>();
        this.spellings.add(wireName);
        this.spellings.addAll(List.of(aliases));
    }

    /** The spelling written by this implementation (the guide's, or the choice recorded above). */
    public String wireName() {
        return spellings.get(0);
    }

    /** Every spelling accepted for this command, the wire name first. */
    public List<String> spellings() {
        return List.copyOf(spellings);
    }

    /** True for Hello and Beat, whose id is a client destination rather than an agent. */
    public boolean namesDestination() {
        return this == HELLO || this == BEAT;
    }

    /** Finds a command by any of its spellings, ignoring case and surrounding whitespace. */
    public static Optional<CommandName> lookup(String spelling) {
        return Optional.ofNullable(BY_NAME.get(spelling.strip().toLowerCase(Locale.ROOT)));
    }
}
