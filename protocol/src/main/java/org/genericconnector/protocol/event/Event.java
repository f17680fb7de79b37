package org.genericconnector.protocol.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Values.*;

/**
 * An event for a GC client: one record per event of the guide's "All Events" section (plus the
 * extensions listed in docs/PROTOCOL.md). Records are immutable, lists copied on the way in; absent
 * text is "" and an absent optional value is null where the record says so.
 *
 * <p>{@link #agentId()} names the agent the event is about, and so the client session it goes to;
 * it is "" for events that concern a client rather than an agent (System, DESTINATION).
 * {@link EventEncoder} writes the wire form, {@link EventDecoder} reads it back.
 */
public sealed interface Event {

    /** The agent the event is for, or "" when it is for a client destination. */
    String agentId();

    /** The guide's event category. */
    EventCategory category();

    /** The event's name as the guide gives it (State, InboundCall, Error, ...), for message properties. */
    String type();

    /** {@code System#IN_SERVICE} or {@code System#OUT_OF_SERVICE}. */
    record SystemStatus(LinkStatus status) implements Event {
        public SystemStatus { Objects.requireNonNull(status); }
        public String agentId() { return ""; }
        public EventCategory category() { return EventCategory.SYSTEM; }
        public String type() { return "System"; }
    }

    /** {@code DESTINATION#<dest>#RECONNECT}: the client must Connect and Login its agents again. */
    record DestinationReconnect(String destination) implements Event {
        public DestinationReconnect { Objects.requireNonNull(destination); }
        public String agentId() { return ""; }
        public EventCategory category() { return EventCategory.DESTINATION; }
        public String type() { return "DESTINATION"; }
    }

    /**
     * An agent's state. {@code stateChangeTime} (null when unknown) is written twice, as the guide asks:
     * as an ISO-8601 string and as epoch milliseconds; {@code pendingState} is null when there is none.
     */
    record State(String agentId, AgentState state, String reasonCodeId, Instant stateChangeTime, AgentState pendingState,
                 String fullName, String extension, String reasonLabel, String loginName) implements Event {
        public State {
            Objects.requireNonNull(agentId); Objects.requireNonNull(state); Objects.requireNonNull(reasonCodeId);
            Objects.requireNonNull(fullName); Objects.requireNonNull(extension); Objects.requireNonNull(reasonLabel);
            Objects.requireNonNull(loginName);
        }
        public EventCategory category() { return EventCategory.AGENT_STATE; }
        public String type() { return "State"; }
    }

    /** {@code <agent>#State#RE_LOGIN}: the connector has no session for the agent; Connect and Login again. */
    record ReLogin(String agentId) implements Event {
        public ReLogin { Objects.requireNonNull(agentId); }
        public EventCategory category() { return EventCategory.AGENT_STATE; }
        public String type() { return "State"; }
    }

    /**
     * Who the agent is, sent once after login. A supervisor's form adds the teams it supervises;
     * {@code supervisedTeams} is empty for an agent.
     */
    record AgentInfo(String agentId, String firstName, String lastName, boolean supervisor, WrapUpMode wrapUpMode,
                     List<Team> supervisedTeams, String teamId, String fullName, String loginName) implements Event {
        public AgentInfo {
            Objects.requireNonNull(agentId); Objects.requireNonNull(firstName); Objects.requireNonNull(lastName);
            Objects.requireNonNull(wrapUpMode); supervisedTeams = List.copyOf(supervisedTeams);
            Objects.requireNonNull(teamId); Objects.requireNonNull(fullName); Objects.requireNonNull(loginName);
            if (!supervisor && !supervisedTeams.isEmpty()) {
                throw new IllegalArgumentException("only a supervisor has supervised teams");
            }
        }
        public EventCategory category() { return EventCategory.AGENT_INFO; }
        public String type() { return "AgentInfo"; }
    }

    /** The agent's active dialog and the one associated with it; both null gives {@code DialogStatus###}. */
    record DialogStatus(String agentId, DialogSummary dialog, DialogSummary associated) implements Event {
        public DialogStatus {
            Objects.requireNonNull(agentId);
            if (dialog == null && associated != null) {
                throw new IllegalArgumentException("an associated dialog needs a dialog");
            }
        }
        public EventCategory category() { return EventCategory.AGENT_STATE; }
        public String type() { return "DialogStatus"; }
    }

    record ReasonCodes(String agentId, ReasonCategory reasonCategory, List<ReasonCode> codes, String fullName) implements Event {
        public ReasonCodes {
            Objects.requireNonNull(agentId); Objects.requireNonNull(reasonCategory); codes = List.copyOf(codes);
            Objects.requireNonNull(fullName);
        }
        public EventCategory category() { return EventCategory.AGENT_WORK; }
        public String type() { return "ReasonCodes"; }
    }

    /** A dialog of the agent changed state ({@link CallState#FAILED} has its own record). */
    record InboundCall(String agentId, CallState state, String dialogId, String fromAddress, List<String> callVariables,
                       String startTime, String callType, List<String> participants) implements Event {
        public InboundCall {
            Objects.requireNonNull(agentId); Objects.requireNonNull(state); Objects.requireNonNull(dialogId);
            Objects.requireNonNull(fromAddress); callVariables = List.copyOf(callVariables); Objects.requireNonNull(startTime);
            Objects.requireNonNull(callType); participants = List.copyOf(participants);
            if (state == CallState.FAILED) {
                throw new IllegalArgumentException("a failed dialog is an InboundCallFailed");
            }
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "InboundCall"; }
    }

    record InboundCallFailed(String agentId, String dialogId, String failureCause, String fullName) implements Event {
        public InboundCallFailed {
            Objects.requireNonNull(agentId); Objects.requireNonNull(dialogId); Objects.requireNonNull(failureCause);
            Objects.requireNonNull(fullName);
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "InboundCall"; }
    }

    /** A call is ringing at the agent. */
    record NewInboundCall(String agentId, String fromAddress, List<String> callVariables, String dialogId, String callType,
                          String startTime) implements Event {
        public NewInboundCall {
            Objects.requireNonNull(agentId); Objects.requireNonNull(fromAddress); callVariables = List.copyOf(callVariables);
            Objects.requireNonNull(dialogId); Objects.requireNonNull(callType); Objects.requireNonNull(startTime);
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "NewInboundCall"; }
    }

    /** The answer to GetDialogState. */
    record DialogState(String agentId, CallState state, String dialogId, String fullName) implements Event {
        public DialogState {
            Objects.requireNonNull(agentId); Objects.requireNonNull(state); Objects.requireNonNull(dialogId);
            Objects.requireNonNull(fullName);
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "DialogState"; }
    }

    /** The agent's consult call changed state ({@link CallState#FAILED} has its own record). */
    record ConsultCall(String agentId, CallState state, String associatedDialogId, String fromAddress,
                       List<String> callVariables, String agentName) implements Event {
        public ConsultCall {
            Objects.requireNonNull(agentId); Objects.requireNonNull(state); Objects.requireNonNull(associatedDialogId);
            Objects.requireNonNull(fromAddress); callVariables = List.copyOf(callVariables); Objects.requireNonNull(agentName);
            if (state == CallState.FAILED) {
                throw new IllegalArgumentException("a failed consult call is a ConsultCallFailed");
            }
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "ConsultCall"; }
    }

    record ConsultCallFailed(String agentId, String associatedDialogId, String failureCause, String agentName) implements Event {
        public ConsultCallFailed {
            Objects.requireNonNull(agentId); Objects.requireNonNull(associatedDialogId); Objects.requireNonNull(failureCause);
            Objects.requireNonNull(agentName);
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "ConsultCall"; }
    }

    record TeamInfoIds(String agentId, List<String> teamIds, String fullName) implements Event {
        public TeamInfoIds { Objects.requireNonNull(agentId); teamIds = List.copyOf(teamIds); Objects.requireNonNull(fullName); }
        public EventCategory category() { return EventCategory.SUPERVISOR_INFO; }
        public String type() { return "TeamInfoIDs"; }
    }

    record TeamInfoNames(String agentId, List<String> teamNames, String fullName) implements Event {
        public TeamInfoNames { Objects.requireNonNull(agentId); teamNames = List.copyOf(teamNames); Objects.requireNonNull(fullName); }
        public EventCategory category() { return EventCategory.SUPERVISOR_INFO; }
        public String type() { return "TeamInfoNames"; }
    }

    record QueueList(String agentId, List<QueueStats> queues) implements Event {
        public QueueList { Objects.requireNonNull(agentId); queues = List.copyOf(queues); }
        public EventCategory category() { return EventCategory.SUPERVISOR_QUEUE_INFO; }
        public String type() { return "QueueList"; }
    }

    /** Admin: every logged-in user. */
    record AgentsList(String agentId, List<AgentSummary> agents) implements Event {
        public AgentsList { Objects.requireNonNull(agentId); agents = List.copyOf(agents); }
        public EventCategory category() { return EventCategory.ADMIN_INFO; }
        public String type() { return "AgentsList"; }
    }

    record TeamUsersList(String agentId, List<TeamUser> users) implements Event {
        public TeamUsersList { Objects.requireNonNull(agentId); users = List.copyOf(users); }
        public EventCategory category() { return EventCategory.SUPERVISOR_TEAM_USER; }
        public String type() { return "TeamUsersList"; }
    }

    /**
     * A team member's state changed. The guide's form ends at the state; this implementation appends the
     * member's login id, which a client that reads only the guide's fields ignores.
     */
    record TeamMemberStateChanged(String agentId, String teamId, AgentState state, String memberId) implements Event {
        public TeamMemberStateChanged {
            Objects.requireNonNull(agentId); Objects.requireNonNull(teamId); Objects.requireNonNull(state);
            Objects.requireNonNull(memberId);
        }
        public EventCategory category() { return EventCategory.SUPERVISOR_TEAM_INFO; }
        public String type() { return "TeamMemberStateChanged"; }
    }

    record ConferenceParticipants(String agentId, List<String> extensions) implements Event {
        public ConferenceParticipants { Objects.requireNonNull(agentId); extensions = List.copyOf(extensions); }
        public EventCategory category() { return EventCategory.SUPERVISOR_QUEUE_INFO; }
        public String type() { return "ConferenceParticipants"; }
    }

    /** {@code Control#PrintStatusBar}: a message to show in the agent's window. */
    record PrintStatusBar(String agentId, String message) implements Event {
        public PrintStatusBar { Objects.requireNonNull(agentId); Objects.requireNonNull(message); }
        public EventCategory category() { return EventCategory.AGENT_CONTROL; }
        public String type() { return "Control"; }
    }

    record Phonebooks(String agentId, List<Phonebook> phonebooks) implements Event {
        public Phonebooks { Objects.requireNonNull(agentId); phonebooks = List.copyOf(phonebooks); }
        public EventCategory category() { return EventCategory.PHONEBOOK; }
        public String type() { return "Phonebooks"; }
    }

    record PhonebookContacts(String agentId, List<Contact> contacts) implements Event {
        public PhonebookContacts { Objects.requireNonNull(agentId); contacts = List.copyOf(contacts); }
        public EventCategory category() { return EventCategory.CONTACTS; }
        public String type() { return "PhonebookContacts"; }
    }

    record TeamPhonebooks(String agentId, List<Phonebook> phonebooks) implements Event {
        public TeamPhonebooks { Objects.requireNonNull(agentId); phonebooks = List.copyOf(phonebooks); }
        public EventCategory category() { return EventCategory.PHONEBOOK; }
        public String type() { return "TeamPhoneBooks"; }
    }

    /** A campaign callback was scheduled, updated or canceled. */
    record Callback(String agentId, CallbackAction action, String dialogId, String callbackTime, String callbackNumber)
            implements Event {
        public Callback {
            Objects.requireNonNull(agentId); Objects.requireNonNull(action); Objects.requireNonNull(dialogId);
            Objects.requireNonNull(callbackTime); Objects.requireNonNull(callbackNumber);
        }
        public EventCategory category() { return EventCategory.INFO; }
        public String type() { return "CallBack"; }
    }

    /** A direct preview call was reclassified ("Reclassify Created"). */
    record Reclassified(String agentId, String dialogId, String value) implements Event {
        public Reclassified { Objects.requireNonNull(agentId); Objects.requireNonNull(dialogId); Objects.requireNonNull(value); }
        public EventCategory category() { return EventCategory.INFO; }
        public String type() { return "Reclassify"; }
    }

    /** An outbound preview (or personal callback) reservation is offered to the agent. */
    record NewOutboundPreviewCall(String agentId, String customerNumber, List<String> callVariables, String dialogId,
                                  String callType, String startTime) implements Event {
        public NewOutboundPreviewCall {
            Objects.requireNonNull(agentId); Objects.requireNonNull(customerNumber); callVariables = List.copyOf(callVariables);
            Objects.requireNonNull(dialogId); Objects.requireNonNull(callType); Objects.requireNonNull(startTime);
        }
        public EventCategory category() { return EventCategory.AGENT_DIALOG; }
        public String type() { return "NewOutboundPreviewCall"; }
    }

    /** Extension: the answer to GETSKILLGROPU. */
    record SkillGroups(String agentId, List<SkillGroup> skillGroups) implements Event {
        public SkillGroups { Objects.requireNonNull(agentId); skillGroups = List.copyOf(skillGroups); }
        public EventCategory category() { return EventCategory.SUPERVISOR_INFO; }
        public String type() { return "SkillGroups"; }
    }

    /** Extension: the answer to GETSUPERVISOR. */
    record Supervisors(String agentId, List<Supervisor> supervisors) implements Event {
        public Supervisors { Objects.requireNonNull(agentId); supervisors = List.copyOf(supervisors); }
        public EventCategory category() { return EventCategory.SUPERVISOR_INFO; }
        public String type() { return "Supervisors"; }
    }

    /**
     * {@code <for>#Error#<CODE>}. The guide's codes go out exactly so; an extension code may add a
     * detail field. A detail given with a guide code is dropped here, so the record is what the wire holds.
     */
    record ErrorEvent(String agentId, ErrorCode code, String detail) implements Event {
        public ErrorEvent {
            Objects.requireNonNull(agentId); Objects.requireNonNull(code); Objects.requireNonNull(detail);
            if (!code.isExtension()) {
                detail = "";
            }
        }
        public ErrorEvent(String agentId, ErrorCode code) {
            this(agentId, code, "");
        }
        public EventCategory category() { return EventCategory.ERROR; }
        public String type() { return "Error"; }
    }
}
