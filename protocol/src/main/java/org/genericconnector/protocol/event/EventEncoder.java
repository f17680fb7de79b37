package org.genericconnector.protocol.event;

import static org.genericconnector.protocol.internal.FieldWriter.items;
import static org.genericconnector.protocol.internal.FieldWriter.pairs;

import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.Escaping;
import org.genericconnector.protocol.event.Event.*;
import org.genericconnector.protocol.event.Values.*;
import org.genericconnector.protocol.internal.FieldWriter;

/**
 * Writes each event in the guide's wire form, fields in the guide's order, free text escaped as
 * {@link Escaping} says. Thread-safe: stateless.
 */
public final class EventEncoder {
    private EventEncoder() {
    }

    public static String encode(Event event) {
        return switch (event) {
            case SystemStatus e -> "System#" + e.status().name();
            case DestinationReconnect e -> new FieldWriter().raw("DESTINATION").text(e.destination()).raw("RECONNECT").toString();
            case State e -> state(e);
            case ReLogin e -> head(e).raw("RE_LOGIN").toString();
            case AgentInfo e -> agentInfo(e);
            case DialogStatus e -> dialogStatus(e);
            case ReasonCodes e -> head(e).raw("Category:" + e.reasonCategory().wireName())
                    .list(e.codes().stream().map(ReasonCode::code).toList())
                    .raw("Labels:" + items(e.codes().stream().map(ReasonCode::label).toList(), ","))
                    .text(e.fullName()).toString();
            case InboundCall e -> head(e).raw(dialogWireState(e.state())).prefixed("DialogID:", e.dialogId())
                    .text(e.fromAddress()).list(e.callVariables()).text(e.startTime()).prefixed("CallType:", e.callType())
                    .raw("ParticipantsCount:" + e.participants().size())
                    .raw("participants:" + items(e.participants(), ",")).toString();
            case InboundCallFailed e -> head(e).raw("FAILED").prefixed("DialogID:", e.dialogId())
                    .text(e.failureCause()).text(e.fullName()).toString();
            case NewInboundCall e -> head(e).text(e.fromAddress()).list(e.callVariables()).prefixed("DialogID:", e.dialogId())
                    .prefixed("CallType:", e.callType()).text(e.startTime()).toString();
            case DialogState e -> head(e).raw(e.state().name()).text(e.dialogId()).text(e.fullName()).toString();
            case ConsultCall e -> head(e).raw(dialogWireState(e.state())).prefixed("AssDialogID:", e.associatedDialogId())
                    .text(e.fromAddress()).list(e.callVariables()).text(e.agentName()).toString();
            case ConsultCallFailed e -> head(e).raw("FAILED").prefixed("AssDialogID:", e.associatedDialogId())
                    .text(e.failureCause()).text(e.agentName()).toString();
            case TeamInfoIds e -> head(e).raw("TeamID").list(e.teamIds()).text(e.fullName()).toString();
            case TeamInfoNames e -> head(e).raw("TeamName").list(e.teamNames()).text(e.fullName()).toString();
            case QueueList e -> queueList(e);
            case AgentsList e -> head(e).raw(String.join("|", e.agents().stream().map(EventEncoder::agentSummary).toList())).toString();
            case TeamUsersList e -> head(e).each(e.users(), EventEncoder::teamUser, "").toString();
            case TeamMemberStateChanged e -> head(e).text(e.teamId()).raw(e.state().name()).text(e.memberId()).toString();
            case ConferenceParticipants e -> head(e).list(e.extensions()).toString();
            case PrintStatusBar e -> head(e).raw("PrintStatusBar").text(e.message()).toString();
            case Phonebooks e -> head(e).each(e.phonebooks(), EventEncoder::phonebook, "NoPhoneBookFound").toString();
            case TeamPhonebooks e -> head(e).each(e.phonebooks(), EventEncoder::phonebook, "NoTeamPhoneBookFound").toString();
            case PhonebookContacts e -> head(e).each(e.contacts(), c -> pairs(':', "description", c.description(),
                    "firstName", c.firstName(), "lastName", c.lastName(), "phoneNumber", c.phoneNumber(), "id", c.id()),
                    "NoContactFound").toString();
            case Callback e -> head(e).raw(e.action().name()).prefixed("DialogID:", e.dialogId()).text(e.callbackTime())
                    .text(e.callbackNumber()).toString();
            case Reclassified e -> head(e).prefixed("DialogID:", e.dialogId()).text(e.value()).toString();
            case NewOutboundPreviewCall e -> head(e).text(e.customerNumber()).list(e.callVariables())
                    .prefixed("DialogID:", e.dialogId()).prefixed("CallType:", e.callType()).text(e.startTime()).toString();
            case SkillGroups e -> head(e).each(e.skillGroups(), g -> pairs(':', "id", g.id(), "name", g.name()),
                    "NoSkillGroupFound").toString();
            case Supervisors e -> head(e).each(e.supervisors(), s -> pairs(':', "loginId", s.loginId(),
                    "firstName", s.firstName(), "lastName", s.lastName()), "NoSupervisorFound").toString();
            case ErrorEvent e -> error(e);
        };
    }

    /** InboundCall and ConsultCall write a dropped dialog as DROP (the guide's rule). */
    static String dialogWireState(CallState state) {
        return state == CallState.DROPPED ? "DROP" : state.name();
    }

    private static FieldWriter head(Event e) {
        return new FieldWriter().text(e.agentId()).raw(e.type());
    }

    private static String state(State e) {
        String iso = e.stateChangeTime() == null ? "" : e.stateChangeTime().toString();
        String millis = e.stateChangeTime() == null ? "" : Long.toString(e.stateChangeTime().toEpochMilli());
        return head(e).raw(e.state().name()).text(e.reasonCodeId()).raw(iso)
                .raw(e.pendingState() == null ? "" : e.pendingState().name()).raw(millis)
                .text(e.fullName()).text(e.agentId()).text(e.extension()).text(e.reasonLabel())
                .text(e.fullName()).text(e.loginName()).toString();
    }

    private static String agentInfo(AgentInfo e) {
        FieldWriter w = head(e).text(e.firstName()).text(e.lastName()).raw(String.valueOf(e.supervisor()))
                .raw(e.wrapUpMode().name());
        if (e.supervisor()) {
            w.raw("TotalNumberOfTeams:" + e.supervisedTeams().size())
                    .raw(String.join("|", e.supervisedTeams().stream().map(t -> Escaping.item(t.id()) + ":" + Escaping.item(t.name())).toList()));
        }
        return w.text(e.teamId()).text(e.fullName()).text(e.loginName()).toString();
    }

    private static String dialogStatus(DialogStatus e) {
        FieldWriter w = head(e);
        if (e.dialog() == null) {
            return w.raw("").raw("").raw("").toString();
        }
        dialog(w, e.dialog());
        if (e.associated() == null) {
            return w.raw("").raw("").raw("").raw("").toString();
        }
        return dialog(w, e.associated()).toString();
    }

    private static FieldWriter dialog(FieldWriter w, DialogSummary d) {
        return w.text(d.dialogId()).raw(d.state().name()).text(d.fromAddress()).list(d.callVariables());
    }

    private static String queueList(QueueList e) {
        return head(e).each(e.queues(), EventEncoder::queue, "").toString();
    }

    private static String queue(QueueStats q) {
        return switch (q) {
            case QueueStats.Ucce u -> pairs(':', "QueueName", u.name(), "AgentsNotReady", n(u.agentsNotReady()),
                    "AgentsReady", n(u.agentsReady()), "AgentsTalkingInbound", n(u.agentsTalkingInbound()),
                    "AgentsTalkingInternal", n(u.agentsTalkingInternal()), "AgentsTalkingOutbound", n(u.agentsTalkingOutbound()),
                    "AgentsWrapUpNotReady", n(u.agentsWrapUpNotReady()), "AgentsWrapUpReady", n(u.agentsWrapUpReady()),
                    "CallsInQueue", n(u.callsInQueue()), "StartTimeOfLongestCallInQueue", u.startTimeOfLongestCallInQueue());
            case QueueStats.Uccx x -> pairs(':', "QueueName", x.name(), "Type", "SnapShot:WaitingCalls:" + x.waitingCalls(),
                    "AgentsLoggedIn", n(x.agentsLoggedIn()), "AgentsReady", n(x.agentsReady()),
                    "AgentsNotReady", n(x.agentsNotReady()), "AgentsInAfterCallWork", n(x.agentsInAfterCallWork()),
                    "AgentsTalking", n(x.agentsTalking()), "AgentsReserved", n(x.agentsReserved()))
                    + "|" + pairs(':', "Type", "SinceMidNight:WaitingCalls:" + x.waitingCallsSinceMidnight(),
                    "HandledCalls", n(x.handledCalls()), "AbandonedCalls", n(x.abandonedCalls()),
                    "TotalCalls", n(x.totalCalls()), "LongestCallInQueue", x.longestCallInQueue(),
                    "LongestHandleTime", x.longestHandleTime());
            case QueueStats.Agent a -> pairs(':', "QueueName", a.name(), "WaitingCalls", n(a.waitingCalls()),
                    "LongestCallInQueue", a.longestCallInQueue());
        };
    }

    private static String agentSummary(AgentSummary a) {
        return pairs('=', "LoginId", a.loginId(), "Name", a.name(), "Extension", a.extension(), "State", a.state(),
                "Team", a.team());
    }

    private static String teamUser(TeamUser u) {
        return pairs(':', "FirstName", u.firstName(), "LastName", u.lastName(), "Extension", u.extension(),
                "LoginID", u.loginId(), "State", u.state().name(),
                "PendingState", u.pendingState() == null ? "" : u.pendingState().name(), "MediaType", u.mediaType(),
                "StateChangeTime", u.stateChangeTime(), "Label", u.label());
    }

    private static String phonebook(Phonebook p) {
        return pairs(':', "name", p.name(), "type", p.type(), "id", p.id());
    }

    private static String error(ErrorEvent e) {
        FieldWriter w = head(e).raw(e.code().name());
        return e.detail().isEmpty() ? w.toString() : w.text(e.detail()).toString();
    }

    private static String n(int value) {
        return Integer.toString(value);
    }
}
