package org.genericconnector.protocol.event;

import java.util.List;
import java.util.Objects;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;

/** Small immutable values that events carry. Nulls are refused; absent text is "". */
public final class Values {
    private Values() {
    }

    /** A team: its id and name. */
    public record Team(String id, String name) {
        public Team { Objects.requireNonNull(id); Objects.requireNonNull(name); }
    }

    /** One dialog as DialogStatus reports it. */
    public record DialogSummary(String dialogId, CallState state, String fromAddress, List<String> callVariables) {
        public DialogSummary {
            Objects.requireNonNull(dialogId); Objects.requireNonNull(state); Objects.requireNonNull(fromAddress);
            callVariables = List.copyOf(callVariables);
        }
    }

    /** A reason code (not ready, logout) or wrap-up reason: its code and label. */
    public record ReasonCode(String code, String label) {
        public ReasonCode {
            Objects.requireNonNull(code); Objects.requireNonNull(label);
            if (code.isEmpty()) {
                throw new IllegalArgumentException("a reason code needs a code");
            }
        }
    }

    /** The three lists of reasons a client can ask for. */
    public enum ReasonCategory {
        NOT_READY("NOT_READY"), LOGOUT("LOGOUT"), WRAP_UP("Wrap_Up");

        private final String wireName;

        ReasonCategory(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** One row of the admin AgentsList. */
    public record AgentSummary(String loginId, String name, String extension, String state, String team) {
        public AgentSummary {
            Objects.requireNonNull(loginId); Objects.requireNonNull(name); Objects.requireNonNull(extension);
            Objects.requireNonNull(state); Objects.requireNonNull(team);
        }
    }

    /** One user of a supervisor's TeamUsersList. {@code pendingState} is null when there is none. */
    public record TeamUser(String firstName, String lastName, String extension, String loginId, AgentState state,
                           AgentState pendingState, String mediaType, String stateChangeTime, String label) {
        public TeamUser {
            Objects.requireNonNull(firstName); Objects.requireNonNull(lastName); Objects.requireNonNull(extension);
            Objects.requireNonNull(loginId); Objects.requireNonNull(state); Objects.requireNonNull(mediaType);
            Objects.requireNonNull(stateChangeTime); Objects.requireNonNull(label);
        }
    }

    /** A global or team phone book. */
    public record Phonebook(String name, String type, String id) {
        public Phonebook { Objects.requireNonNull(name); Objects.requireNonNull(type); Objects.requireNonNull(id); }
    }

    /** A phone book contact. */
    public record Contact(String description, String firstName, String lastName, String phoneNumber, String id) {
        public Contact {
            Objects.requireNonNull(description); Objects.requireNonNull(firstName); Objects.requireNonNull(lastName);
            Objects.requireNonNull(phoneNumber); Objects.requireNonNull(id);
        }
    }

    /** A UCCE skill group. */
    public record SkillGroup(String id, String name) {
        public SkillGroup { Objects.requireNonNull(id); Objects.requireNonNull(name); }
    }

    /** A UCCE supervisor. */
    public record Supervisor(String loginId, String firstName, String lastName) {
        public Supervisor { Objects.requireNonNull(loginId); Objects.requireNonNull(firstName); Objects.requireNonNull(lastName); }
    }

    /** What happened to a scheduled callback. */
    public enum CallbackAction { SCHEDULED, UPDATED, CANCELED }
}
