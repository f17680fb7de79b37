package org.genericconnector.finesse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.NameValue;
import org.genericconnector.finesse.xml.Participant;
import org.genericconnector.finesse.xml.Queue;
import org.genericconnector.finesse.xml.QueueStatistics;
import org.genericconnector.finesse.xml.TeamRef;
import org.genericconnector.finesse.xml.User;
import org.genericconnector.finesse.xml.UserState;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.genericconnector.protocol.event.Values;

/**
 * Turns Finesse objects into GC events: a User into State and AgentInfo (and a supervisor's TeamInfoIDs
 * and TeamInfoNames), a Dialog change into NewInboundCall, InboundCall, ConsultCall,
 * NewOutboundPreviewCall or ConferenceParticipants for the agent it concerns, queues into the QueueList
 * form of the deployment. Dialog events depend on what was already reported to the agent, kept in
 * {@link FinesseAgent}. Immutable; thread-safe.
 *
 * @param ucce     UCCE deployment (false: UCCX)
 */
record FinesseEventMapper(boolean ucce) {
    private static final int CALL_VARIABLES = 10;

    static String fullName(User user) {
        return (user.firstName() + " " + user.lastName()).strip();
    }

    /** The State event of a User; empty for a state GC has no name for (UNKNOWN). */
    Optional<Event.State> state(User user) {
        AgentState state = agentState(user.state());
        if (state == null) {
            return Optional.empty();
        }
        AgentState pending = user.pending().map(FinesseEventMapper::agentState).orElse(null);
        // GC clients name reasons by code (MakeNotReadyWithReason), so the code goes out; the db id when there is none
        String reason = user.reasonCode().code().isBlank() ? user.reasonCodeId() : user.reasonCode().code().strip();
        return Optional.of(new Event.State(user.loginId(), state, reason, instant(user.stateChangeTime()),
                pending, fullName(user), user.extension(), user.reasonCode().label(), user.loginName()));
    }

    static AgentState agentState(UserState state) {
        return state == UserState.UNKNOWN ? AgentState.UNKNOWN : AgentState.valueOf(state.name());
    }

    /** AgentInfo, then for a supervisor TeamInfoIDs and TeamInfoNames. */
    List<Event> agentInfo(User user) {
        boolean supervisor = user.hasRole("Supervisor");
        List<Values.Team> teams = supervisor
                ? user.teams().items().stream().map(t -> new Values.Team(t.id(), t.name())).toList() : List.of();
        List<Event> events = new ArrayList<>();
        events.add(new Event.AgentInfo(user.loginId(), user.firstName(), user.lastName(), supervisor,
                wrapUpMode(user.settings().wrapUpOnIncoming()), teams, user.teamId(), fullName(user), user.loginName()));
        if (supervisor) {
            events.add(new Event.TeamInfoIds(user.loginId(), user.teams().items().stream().map(TeamRef::id).toList(),
                    fullName(user)));
            events.add(new Event.TeamInfoNames(user.loginId(), user.teams().items().stream().map(TeamRef::name).toList(),
                    fullName(user)));
        }
        return events;
    }

    static WrapUpMode wrapUpMode(String text) {
        try {
            return WrapUpMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return WrapUpMode.OPTIONAL;
        }
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The agent's leg of a dialog: its participant's state, else the dialog's; null if unknown. */
    static CallState callState(Dialog dialog, String extension) {
        String text = dialog.participant(extension).map(Participant::state).filter(s -> !s.isBlank())
                .orElse(dialog.state());
        try {
            return CallState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The events for the agent after a dialog was added or changed ({@code removed}: deleted). */
    List<Event> dialog(FinesseAgent agent, Dialog dialog, boolean removed) {
        String extension = agent.extension();
        CallState state = removed ? CallState.DROPPED : callState(dialog, extension);
        if (state == null || agent.wasDropped(dialog.id())) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        CallState previous = agent.report(dialog.id(), state);
        if (state == CallState.DROPPED) {
            agent.removeDialog(dialog.id());
            if (previous == CallState.DROPPED) {
                return events;
            }
        } else {
            agent.dialog(dialog);
        }
        boolean newVariables = !removed && agent.variables(dialog.id(), variables(dialog));
        if (previous == null && isPreview(dialog) && state != CallState.DROPPED) {
            events.add(new Event.NewOutboundPreviewCall(agent.agentId(), customerNumber(dialog, agent.extension()), variables(dialog),
                    dialog.id(), dialog.mediaProperties().callType(), startTime(dialog, agent.extension())));
        }
        if (state != previous || (newVariables && previous != null)) {
            Event event = leg(agent, dialog, state, previous);
            if (event != null) {
                events.add(event);
            }
        }
        List<String> participants = participants(dialog);
        if (!removed && participants.size() > 2 && agent.conference(dialog.id(), participants)) {
            events.add(new Event.ConferenceParticipants(agent.agentId(), participants));
        }
        return events;
    }

    private Event leg(FinesseAgent agent, Dialog dialog, CallState state, CallState previous) {
        String agentId = agent.agentId();
        String callType = dialog.mediaProperties().callType();
        if (isConsultPlacedBy(dialog, agent.extension())) {
            return state == CallState.FAILED
                    ? new Event.ConsultCallFailed(agentId, dialog.id(), failureCause(dialog, agent.extension()), dialog.toAddress())
                    : new Event.ConsultCall(agentId, state, dialog.id(), dialog.fromAddress(), variables(dialog), dialog.toAddress());
        }
        if (previous == null && state == CallState.ALERTING && !isPreview(dialog)) {
            return new Event.NewInboundCall(agentId, dialog.fromAddress(), variables(dialog), dialog.id(), callType,
                    startTime(dialog, agent.extension()));
        }
        if (state == CallState.FAILED) {
            return new Event.InboundCallFailed(agentId, dialog.id(), failureCause(dialog, agent.extension()), agent.fullName());
        }
        if (state == CallState.HELD && !ucce) {
            return null; // UCCX: GC clients get no hold event (docs/FINESSE.md)
        }
        return new Event.InboundCall(agentId, state, dialog.id(), dialog.fromAddress(), variables(dialog),
                startTime(dialog, agent.extension()), callType, participants(dialog));
    }

    /** A consult call the agent placed: callType CONSULT and the agent's extension as the caller. */
    static boolean isConsultPlacedBy(Dialog dialog, String extension) {
        return dialog.mediaProperties().callType().equalsIgnoreCase("CONSULT") && !extension.isEmpty()
                && dialog.fromAddress().equals(extension);
    }

    static boolean isPreview(Dialog dialog) {
        String type = dialog.mediaProperties().callType().toUpperCase(Locale.ROOT);
        return type.startsWith("OUTBOUND") && type.contains("PREVIEW");
    }

    /** The customer's number of a preview reservation: the dialog's address that is not the agent's phone. */
    private static String customerNumber(Dialog dialog, String extension) {
        return dialog.toAddress().isBlank() || dialog.toAddress().equals(extension) ? dialog.fromAddress() : dialog.toAddress();
    }

    private static String failureCause(Dialog dialog, String extension) {
        String cause = dialog.participant(extension).map(Participant::stateCause).orElse("");
        return cause.isBlank() ? "CF_GENERIC_UNSPECIFIED" : cause;
    }

    private static String startTime(Dialog dialog, String extension) {
        return dialog.participant(extension).map(Participant::startTime).orElse("");
    }

    static List<String> participants(Dialog dialog) {
        return dialog.participants().items().stream().map(Participant::mediaAddress).toList();
    }

    /** callVariable1..10 in order (empty when unset), then the named (ECC) variables as Finesse lists them. */
    static List<String> variables(Dialog dialog) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= CALL_VARIABLES; i++) {
            values.add(dialog.mediaProperties().callVariable("callVariable" + i).orElse(""));
        }
        for (NameValue v : dialog.mediaProperties().callvariables().items()) {
            if (!v.name().matches("callVariable([1-9]|10)")) {
                values.add(v.value());
            }
        }
        return values;
    }

    /** DialogStatus: the agent's main dialog and the one associated with it (a consult), or none. */
    Event.DialogStatus dialogStatus(FinesseAgent agent) {
        String extension = agent.extension();
        List<Dialog> live = agent.dialogs().stream().filter(d -> {
            CallState s = callState(d, extension);
            return s != null && s != CallState.DROPPED;
        }).toList();
        if (live.isEmpty()) {
            return new Event.DialogStatus(agent.agentId(), null, null);
        }
        Dialog main = live.stream().filter(d -> !isConsultPlacedBy(d, extension)).findFirst().orElse(live.get(0));
        Dialog associated = live.stream().filter(d -> d != main).findFirst().orElse(null);
        return new Event.DialogStatus(agent.agentId(), summary(main, extension),
                associated == null ? null : summary(associated, extension));
    }

    private static Values.DialogSummary summary(Dialog dialog, String extension) {
        CallState state = callState(dialog, extension);
        return new Values.DialogSummary(dialog.id(), state == null ? CallState.ACTIVE : state, dialog.fromAddress(),
                variables(dialog));
    }

    /** One queue in the QueueList form for this deployment and role. */
    QueueStats queue(Queue queue, boolean supervisor) {
        QueueStatistics s = queue.statistics();
        if (!supervisor) {
            return new QueueStats.Agent(queue.name(), s.callsInQueue(), s.startTimeOfLongestCallInQueue());
        }
        if (ucce) {
            return new QueueStats.Ucce(queue.name(), s.agentsNotReady(), s.agentsReady(), s.agentsTalkingInbound(),
                    s.agentsTalkingInternal(), s.agentsTalkingOutbound(), s.agentsWrapUpNotReady(),
                    s.agentsWrapUpReady(), s.callsInQueue(), s.startTimeOfLongestCallInQueue());
        }
        // UCCX: Finesse gives the snapshot figures only; since-midnight figures are unknown (-1)
        return new QueueStats.Uccx(queue.name(), s.callsInQueue(), s.agentsLoggedOn(), s.agentsReady(),
                s.agentsNotReady(), sum(s.agentsWrapUpNotReady(), s.agentsWrapUpReady()),
                sum(sum(s.agentsTalkingInbound(), s.agentsTalkingOutbound()), s.agentsTalkingInternal()),
                s.agentsBusyOther(), -1, -1, -1, -1, s.startTimeOfLongestCallInQueue(), "");
    }

    private static int sum(int a, int b) {
        return a < 0 || b < 0 ? Math.max(a, b) : a + b;
    }

    /** A team member's summary as TeamUsersList shows it. */
    static Values.TeamUser teamUser(User u) {
        return new Values.TeamUser(u.firstName(), u.lastName(), u.extension(), u.loginId(), agentState(u.state()),
                u.pending().map(FinesseEventMapper::agentState).orElse(null), u.mediaType().isBlank() ? "1" : u.mediaType(),
                u.stateChangeTime(), u.reasonCode().label());
    }
}
