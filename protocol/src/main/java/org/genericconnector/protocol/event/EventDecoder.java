package org.genericconnector.protocol.event;

import static org.genericconnector.protocol.internal.FieldReader.get;
import static org.genericconnector.protocol.internal.FieldReader.items;
import static org.genericconnector.protocol.internal.FieldReader.number;
import static org.genericconnector.protocol.internal.FieldReader.pairs;
import static org.genericconnector.protocol.internal.FieldReader.parseEnum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.Escaping;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Event.*;
import org.genericconnector.protocol.event.Values.*;
import org.genericconnector.protocol.internal.FieldReader;
import org.genericconnector.protocol.internal.UndecodableException;

/**
 * Reads an event body back into its typed {@link Event}: the reverse of {@link EventEncoder}, for
 * client libraries, gcctl and tests. Lenient where the guide is loose (trailing extra fields are
 * ignored, {@code DROP} and {@code DROPPED} both read as dropped, the guide's {@code Name=x Extension=y}
 * slip in AgentsList is read too). Never throws. Thread-safe: stateless.
 */
public final class EventDecoder {
    private EventDecoder() {
    }

    public static DecodeResult decode(String body) {
        if (body == null) {
            return new DecodeResult.Undecodable("", "no body");
        }
        try {
            return new DecodeResult.Decoded(read(new FieldReader(body)));
        } catch (UndecodableException e) {
            return new DecodeResult.Undecodable(body, e.getMessage());
        } catch (RuntimeException e) {
            return new DecodeResult.Undecodable(body, "unreadable: " + e);
        }
    }

    /** Decodes a body that must be an event, for callers that produced it themselves (tests, tools). */
    public static Event decodeOrThrow(String body) {
        return switch (decode(body)) {
            case DecodeResult.Decoded d -> d.event();
            case DecodeResult.Undecodable u -> throw new IllegalArgumentException(u.reason() + ": " + body);
        };
    }

    private static Event read(FieldReader r) throws UndecodableException {
        String first = r.peek(0);
        if (first.equals("System") && r.size() == 2) {
            return new SystemStatus(parseEnum(LinkStatus.class, r.peek(1)));
        }
        if (first.equals("DESTINATION") && r.size() == 3 && r.peek(2).equals("RECONNECT")) {
            return new DestinationReconnect(Escaping.unfield(r.peek(1)));
        }
        String agent = r.text();
        String type = r.raw();
        return switch (type) {
            case "State" -> r.peek(2).equals("RE_LOGIN") && r.size() == 3 ? new ReLogin(agent) : state(agent, r);
            case "AgentInfo" -> agentInfo(agent, r);
            case "DialogStatus" -> dialogStatus(agent, r);
            case "ReasonCodes" -> reasonCodes(agent, r);
            case "InboundCall" -> r.peek(2).equals("FAILED") ? inboundCallFailed(agent, r) : inboundCall(agent, r);
            case "NewInboundCall" -> new NewInboundCall(agent, r.text(), r.list(), r.prefixed("DialogID:"),
                    r.prefixed("CallType:"), r.text());
            case "DialogState" -> new DialogState(agent, callState(r.raw()), r.text(), r.text());
            case "ConsultCall" -> r.peek(2).equals("FAILED")
                    ? consultCallFailed(agent, r)
                    : new ConsultCall(agent, callState(r.raw()), r.prefixed("AssDialogID:"), r.text(), r.list(), r.text());
            case "TeamInfoIDs" -> { r.literal("TeamID"); yield new TeamInfoIds(agent, r.list(), r.text()); }
            case "TeamInfoNames" -> { r.literal("TeamName"); yield new TeamInfoNames(agent, r.list(), r.text()); }
            case "QueueList" -> queueList(agent, r);
            case "AgentsList" -> agentsList(agent, r);
            case "TeamUsersList" -> teamUsers(agent, r);
            case "TeamMemberStateChanged" -> new TeamMemberStateChanged(agent, r.text(), r.enumValue(AgentState.class),
                    r.hasMore() ? r.text() : "");
            case "ConferenceParticipants" -> new ConferenceParticipants(agent, r.hasMore() ? r.list() : List.of());
            case "Control" -> { r.literal("PrintStatusBar"); yield new PrintStatusBar(agent, r.text()); }
            case "Phonebooks" -> new Phonebooks(agent, phonebooks(r, "NoPhoneBookFound"));
            case "TeamPhoneBooks" -> new TeamPhonebooks(agent, phonebooks(r, "NoTeamPhoneBookFound"));
            case "PhonebookContacts" -> new PhonebookContacts(agent, contacts(r));
            case "CallBack" -> new Callback(agent, r.enumValue(CallbackAction.class), r.prefixed("DialogID:"), r.text(), r.text());
            case "Reclassify" -> new Reclassified(agent, r.prefixed("DialogID:"), r.text());
            case "NewOutboundPreviewCall" -> new NewOutboundPreviewCall(agent, r.text(), r.list(), r.prefixed("DialogID:"),
                    r.prefixed("CallType:"), r.text());
            case "SkillGroups" -> skillGroups(agent, r);
            case "Supervisors" -> supervisors(agent, r);
            case "Error" -> new ErrorEvent(agent, r.enumValue(ErrorCode.class), r.hasMore() ? r.text() : "");
            default -> throw new UndecodableException("unknown event type '" + type + "'");
        };
    }

    private static CallState callState(String wire) throws UndecodableException {
        return wire.equals("DROP") ? CallState.DROPPED : parseEnum(CallState.class, wire);
    }

    private static AgentState optionalState(String wire) throws UndecodableException {
        return wire.isEmpty() ? null : parseEnum(AgentState.class, wire);
    }

    private static State state(String agent, FieldReader r) throws UndecodableException {
        AgentState state = r.enumValue(AgentState.class);
        String reasonCodeId = r.text();
        String iso = r.raw();
        AgentState pending = optionalState(r.raw());
        String millis = r.raw();
        String fullName = r.text();
        r.text(); // the login id again
        String extension = r.text();
        String label = r.text();
        r.text(); // the full name again
        return new State(agent, state, reasonCodeId, time(iso, millis), pending, fullName, extension, label, r.text());
    }

    private static Instant time(String iso, String millis) throws UndecodableException {
        try {
            if (!millis.isEmpty()) {
                return Instant.ofEpochMilli(Long.parseLong(millis));
            }
            return iso.isEmpty() ? null : Instant.parse(iso);
        } catch (RuntimeException e) {
            throw new UndecodableException("bad state change time '" + iso + "'/'" + millis + "'");
        }
    }

    private static AgentInfo agentInfo(String agent, FieldReader r) throws UndecodableException {
        String first = r.text();
        String last = r.text();
        boolean supervisor = Boolean.parseBoolean(r.raw().strip());
        WrapUpMode mode = r.enumValue(WrapUpMode.class);
        List<Team> teams = new ArrayList<>();
        if (supervisor && r.peek(6).startsWith("TotalNumberOfTeams:")) {
            r.raw();
            for (String team : items(r.raw(), "|")) {
                int colon = team.indexOf(':');
                teams.add(colon < 0 ? new Team(team, "") : new Team(team.substring(0, colon), team.substring(colon + 1)));
            }
        }
        return new AgentInfo(agent, first, last, supervisor, mode, teams, r.text(), r.text(), r.text());
    }

    private static DialogStatus dialogStatus(String agent, FieldReader r) throws UndecodableException {
        DialogSummary dialog = dialogSummary(r);
        DialogSummary associated = r.hasMore() ? dialogSummary(r) : null;
        return new DialogStatus(agent, dialog, dialog == null ? null : associated);
    }

    private static DialogSummary dialogSummary(FieldReader r) throws UndecodableException {
        String id = r.text();
        String state = r.raw();
        String from = r.hasMore() ? r.text() : "";
        List<String> vars = r.hasMore() ? r.list() : List.of();
        return id.isEmpty() && state.isEmpty() ? null : new DialogSummary(id, parseEnum(CallState.class, state), from, vars);
    }

    private static ReasonCodes reasonCodes(String agent, FieldReader r) throws UndecodableException {
        String category = r.prefixed("Category:");
        ReasonCategory reasonCategory = null;
        for (ReasonCategory c : ReasonCategory.values()) {
            if (c.wireName().equalsIgnoreCase(category)) {
                reasonCategory = c;
            }
        }
        if (reasonCategory == null) {
            throw new UndecodableException("unknown reason code category '" + category + "'");
        }
        List<String> codes = r.list();
        String labelsField = r.raw();
        if (!labelsField.startsWith("Labels:")) {
            throw new UndecodableException("expected Labels:");
        }
        List<String> labels = items(labelsField.substring("Labels:".length()), ",");
        if (codes.size() == 1 && labels.isEmpty()) {
            labels = List.of(""); // one reason with an empty label
        }
        if (labels.size() != codes.size()) {
            throw new UndecodableException(codes.size() + " codes but " + labels.size() + " labels");
        }
        List<ReasonCode> reasons = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            reasons.add(new ReasonCode(codes.get(i), labels.get(i)));
        }
        return new ReasonCodes(agent, reasonCategory, reasons, r.hasMore() ? r.text() : "");
    }

    private static InboundCall inboundCall(String agent, FieldReader r) throws UndecodableException {
        CallState state = callState(r.raw());
        String dialogId = r.prefixed("DialogID:");
        String from = r.text();
        List<String> vars = r.list();
        String start = r.text();
        String callType = r.prefixed("CallType:");
        r.prefixed("ParticipantsCount:");
        String participants = r.raw();
        if (!participants.startsWith("participants:")) {
            throw new UndecodableException("expected participants:");
        }
        return new InboundCall(agent, state, dialogId, from, vars, start, callType,
                items(participants.substring("participants:".length()), ","));
    }

    private static InboundCallFailed inboundCallFailed(String agent, FieldReader r) throws UndecodableException {
        r.literal("FAILED");
        return new InboundCallFailed(agent, r.prefixed("DialogID:"), r.text(), r.hasMore() ? r.text() : "");
    }

    private static ConsultCallFailed consultCallFailed(String agent, FieldReader r) throws UndecodableException {
        r.literal("FAILED");
        return new ConsultCallFailed(agent, r.prefixed("AssDialogID:"), r.text(), r.hasMore() ? r.text() : "");
    }

    private static QueueList queueList(String agent, FieldReader r) throws UndecodableException {
        List<QueueStats> queues = new ArrayList<>();
        while (r.hasMore()) {
            String segment = r.raw();
            if (!segment.isEmpty()) {
                queues.add(queue(segment));
            }
        }
        return new QueueList(agent, queues);
    }

    private static QueueStats queue(String segment) throws UndecodableException {
        int bar = segment.indexOf('|');
        Map<String, String> q = pairs(bar < 0 ? segment : segment.substring(0, bar), ':');
        String name = get(q, "QueueName");
        if (q.containsKey("Type")) {
            if (bar < 0) {
                throw new UndecodableException("UCCX queue without its SinceMidNight part");
            }
            Map<String, String> day = pairs(segment.substring(bar + 1), ':');
            return new QueueStats.Uccx(name, typed(q, "SnapShot"), number(q, "AgentsLoggedIn"), number(q, "AgentsReady"),
                    number(q, "AgentsNotReady"), number(q, "AgentsInAfterCallWork"), number(q, "AgentsTalking"),
                    number(q, "AgentsReserved"), typed(day, "SinceMidNight"), number(day, "HandledCalls"),
                    number(day, "AbandonedCalls"), number(day, "TotalCalls"), get(day, "LongestCallInQueue"),
                    get(day, "LongestHandleTime"));
        }
        if (q.containsKey("AgentsTalkingInbound")) {
            return new QueueStats.Ucce(name, number(q, "AgentsNotReady"), number(q, "AgentsReady"),
                    number(q, "AgentsTalkingInbound"), number(q, "AgentsTalkingInternal"), number(q, "AgentsTalkingOutbound"),
                    number(q, "AgentsWrapUpNotReady"), number(q, "AgentsWrapUpReady"), number(q, "CallsInQueue"),
                    get(q, "StartTimeOfLongestCallInQueue"));
        }
        return new QueueStats.Agent(name, number(q, "WaitingCalls"), get(q, "LongestCallInQueue"));
    }

    /** UCCX writes {@code Type:<SnapShot|SinceMidNight>:WaitingCalls:<n>}. */
    private static int typed(Map<String, String> pairs, String type) throws UndecodableException {
        String value = get(pairs, "Type");
        String prefix = type + ":WaitingCalls:";
        if (!value.startsWith(prefix)) {
            throw new UndecodableException("expected Type:" + prefix);
        }
        try {
            return Integer.parseInt(value.substring(prefix.length()).strip());
        } catch (NumberFormatException e) {
            throw new UndecodableException("WaitingCalls is not a number: " + value);
        }
    }

    private static AgentsList agentsList(String agent, FieldReader r) throws UndecodableException {
        List<AgentSummary> agents = new ArrayList<>();
        String field = r.hasMore() ? r.raw() : "";
        if (!field.isEmpty()) {
            for (String row : field.split("\\|", -1)) {
                // The guide prints "Name=x Extension=y"; read that form as well as the comma one.
                String fixed = row.contains(",Extension=") ? row : row.replace(" Extension=", ",Extension=");
                Map<String, String> a = pairs(fixed, '=');
                agents.add(new AgentSummary(get(a, "LoginId"), get(a, "Name"), get(a, "Extension"), get(a, "State"),
                        get(a, "Team")));
            }
        }
        return new AgentsList(agent, agents);
    }

    private static TeamUsersList teamUsers(String agent, FieldReader r) throws UndecodableException {
        List<TeamUser> users = new ArrayList<>();
        while (r.hasMore()) {
            String segment = r.raw();
            if (segment.isEmpty()) {
                continue;
            }
            Map<String, String> u = pairs(segment, ':');
            users.add(new TeamUser(get(u, "FirstName"), get(u, "LastName"), get(u, "Extension"), get(u, "LoginID"),
                    parseEnum(AgentState.class, get(u, "State")), optionalState(get(u, "PendingState")),
                    get(u, "MediaType"), get(u, "StateChangeTime"), get(u, "Label")));
        }
        return new TeamUsersList(agent, users);
    }

    private static List<Phonebook> phonebooks(FieldReader r, String none) throws UndecodableException {
        List<Phonebook> books = new ArrayList<>();
        for (Map<String, String> p : segments(r, none)) {
            books.add(new Phonebook(get(p, "name"), get(p, "type"), get(p, "id")));
        }
        return books;
    }

    private static List<Contact> contacts(FieldReader r) throws UndecodableException {
        List<Contact> contacts = new ArrayList<>();
        for (Map<String, String> c : segments(r, "NoContactFound")) {
            contacts.add(new Contact(get(c, "description"), get(c, "firstName"), get(c, "lastName"),
                    get(c, "phoneNumber"), get(c, "id")));
        }
        return contacts;
    }

    private static SkillGroups skillGroups(String agent, FieldReader r) throws UndecodableException {
        List<SkillGroup> groups = new ArrayList<>();
        for (Map<String, String> g : segments(r, "NoSkillGroupFound")) {
            groups.add(new SkillGroup(get(g, "id"), get(g, "name")));
        }
        return new SkillGroups(agent, groups);
    }

    private static Supervisors supervisors(String agent, FieldReader r) throws UndecodableException {
        List<Supervisor> supervisors = new ArrayList<>();
        for (Map<String, String> s : segments(r, "NoSupervisorFound")) {
            supervisors.add(new Supervisor(get(s, "loginId"), get(s, "firstName"), get(s, "lastName")));
        }
        return new Supervisors(agent, supervisors);
    }

    /** The remaining fields as key:value records; the single field {@code none} means an empty list. */
    private static List<Map<String, String>> segments(FieldReader r, String none) throws UndecodableException {
        List<Map<String, String>> segments = new ArrayList<>();
        while (r.hasMore()) {
            String segment = r.raw();
            if (!segment.isBlank() && !segment.strip().equals(none)) {
                segments.add(pairs(segment, ':'));
            }
        }
        return segments;
    }
}
