package org.genericconnector.finesse.notification;

import java.util.Objects;

import org.genericconnector.finesse.xml.ApiErrors;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.Dialogs;
import org.genericconnector.finesse.xml.Queue;
import org.genericconnector.finesse.xml.Queues;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.finesse.xml.Team;
import org.genericconnector.finesse.xml.User;

/** The typed content of an {@code <Update>}'s {@code <data>}. All implementations are immutable. */
public sealed interface UpdateData {

    /** A full User, on the user's own node. */
    record UserData(User user) implements UpdateData {
        public UserData {
            Objects.requireNonNull(user, "user");
        }
    }

    /** A team member's summary User, on {@code /finesse/api/Team/{teamId}/Users}. */
    record TeamUserData(String teamId, User user) implements UpdateData {
        public TeamUserData {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(user, "user");
        }
    }

    /** A changed Dialog (event PUT, source {@code /finesse/api/Dialog/{id}}). */
    record DialogData(Dialog dialog) implements UpdateData {
        public DialogData {
            Objects.requireNonNull(dialog, "dialog");
        }
    }

    /** Dialogs added (POST) or removed (DELETE), source {@code /finesse/api/User/{id}/Dialogs}. */
    record DialogsData(Dialogs dialogs) implements UpdateData {
        public DialogsData {
            Objects.requireNonNull(dialogs, "dialogs");
        }
    }

    record QueueData(Queue queue) implements UpdateData {
        public QueueData {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** Queues added or removed on {@code /finesse/api/User/{id}/Queues}. */
    record QueuesData(Queues queues) implements UpdateData {
        public QueuesData {
            Objects.requireNonNull(queues, "queues");
        }
    }

    record TeamData(Team team) implements UpdateData {
        public TeamData {
            Objects.requireNonNull(team, "team");
        }
    }

    /** An asynchronous (CTI) error for the request named by the update's requestId. */
    record ErrorData(ApiErrors errors) implements UpdateData {
        public ErrorData {
            Objects.requireNonNull(errors, "errors");
        }
    }

    record SystemInfoData(SystemInfo systemInfo) implements UpdateData {
        public SystemInfoData {
            Objects.requireNonNull(systemInfo, "systemInfo");
        }
    }

    /** No {@code <data>}, or an empty one. */
    record NoData() implements UpdateData {
    }

    /** Data this parser does not model (nonvoice media, team messages, ...): only its element name. */
    record OtherData(String element) implements UpdateData {
        public OtherData {
            Objects.requireNonNull(element, "element");
        }
    }
}
