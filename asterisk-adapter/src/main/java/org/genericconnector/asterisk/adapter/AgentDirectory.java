package org.genericconnector.asterisk.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.spi.Durations;

/**
 * The agent directory of conf/asterisk-agents.yaml: who may log in, with which password hash, on which
 * Asterisk interface, into which queues; teams, reason codes, wrap-up reasons and phone books. Asterisk has
 * no notion of any of these, so the adapter keeps them. Immutable; thread-safe.
 *
 * <p>Every problem in the file is reported in one {@link IllegalArgumentException} naming the keys.
 */
public final class AgentDirectory {

    /** One queue the agent joins at login. */
    public record QueueMembership(String name, int penalty) {
    }

    /** One agent (or supervisor) of the file; {@code id} is the GC login id (the map key). */
    public record Agent(String id, String loginName, String firstName, String lastName, String passwordHash,
                        String extension, String iface, List<QueueMembership> queues, String team, boolean supervisor,
                        List<String> supervisedTeams, WrapUpMode wrapUpMode, Duration wrapUpTime) {
        public Agent {
            queues = List.copyOf(queues);
            supervisedTeams = List.copyOf(supervisedTeams);
        }

        public String fullName() {
            return (firstName + " " + lastName).strip();
        }

        /** The SIP endpoint name behind a {@code PJSIP/<endpoint>} interface (for PJSIPNotify), or empty. */
        public Optional<String> pjsipEndpoint() {
            return iface.regionMatches(true, 0, "PJSIP/", 0, 6) ? Optional.of(iface.substring(6)) : Optional.empty();
        }

        /**
         * The start of this agent's channel names: {@code PJSIP/7001} gives {@code PJSIP/7001-}; a Local interface
         * {@code Local/1001@agents/n} gives {@code Local/1001@agents-} (its {@code ;1} half faces the caller).
         */
        public String channelPrefix() {
            String base = iface;
            if (base.regionMatches(true, 0, "Local/", 0, 6)) {
                int slash = base.indexOf('/', 6);
                if (slash > 0) {
                    base = base.substring(0, slash);
                }
            }
            return base + "-";
        }

        /** True when {@code channel} is one of this agent's device channels. */
        public boolean owns(String channel) {
            if (channel == null || !channel.regionMatches(true, 0, channelPrefix(), 0, channelPrefix().length())) {
                return false;
            }
            return !channel.startsWith("Local/") || channel.endsWith(";1");
        }
    }

    public record Team(String id, String name) {
    }

    public record Reason(String code, String label) {
    }

    public record Contact(String firstName, String lastName, String number) {
    }

    /** A phone book; an empty {@code teams} list means every team. */
    public record PhoneBook(String name, List<String> teams, List<Contact> entries) {
        public boolean global() {
            return teams.isEmpty();
        }
    }

    private final Map<String, Agent> agents;
    /** By lower-case interface, and by lower-case channel name prefix (without the trailing '-'). */
    private final Map<String, Agent> byInterface = new java.util.HashMap<>();
    private final Map<String, Agent> byChannelPrefix = new java.util.HashMap<>();
    private final Map<String, Agent> byExtension = new java.util.HashMap<>();
    private final Map<String, Team> teams;
    private final List<Reason> notReady;
    private final List<Reason> logout;
    private final List<Reason> wrapUp;
    private final List<PhoneBook> phoneBooks;

    AgentDirectory(Map<String, Agent> agents, Map<String, Team> teams, List<Reason> notReady, List<Reason> logout,
                   List<Reason> wrapUp, List<PhoneBook> phoneBooks) {
        this.agents = Map.copyOf(agents);
        for (Agent a : agents.values()) {
            byInterface.put(a.iface().toLowerCase(Locale.ROOT), a);
            String prefix = a.channelPrefix();
            byChannelPrefix.put(prefix.substring(0, prefix.length() - 1).toLowerCase(Locale.ROOT), a);
            byExtension.put(a.extension(), a);
        }
        this.teams = Map.copyOf(teams);
        this.notReady = List.copyOf(notReady);
        this.logout = List.copyOf(logout);
        this.wrapUp = List.copyOf(wrapUp);
        this.phoneBooks = List.copyOf(phoneBooks);
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public List<Agent> agents() {
        return agents.values().stream().sorted(java.util.Comparator.comparing(Agent::id)).toList();
    }

    public Optional<Agent> agentAtExtension(String extension) {
        return Optional.ofNullable(byExtension.get(extension));
    }

    /** The agent whose device channel this is ({@code PJSIP/7001-0000000a}, {@code Local/1001@agents-00000001;1}). */
    public Optional<Agent> ownerOfChannel(String channel) {
        if (channel == null) {
            return Optional.empty();
        }
        int dash = channel.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(byChannelPrefix.get(channel.substring(0, dash).toLowerCase(Locale.ROOT)))
                .filter(a -> a.owns(channel));
    }

    /** The agent behind a queue member's Interface (or Location) header. */
    public Optional<Agent> agentAtInterface(String iface) {
        return iface == null ? Optional.empty() : Optional.ofNullable(byInterface.get(iface.toLowerCase(Locale.ROOT)));
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    public List<Reason> notReadyReasons() {
        return notReady;
    }

    public List<Reason> logoutReasons() {
        return logout;
    }

    public List<Reason> wrapUpReasons() {
        return wrapUp;
    }

    /** The phone books a member of {@code teamId} sees: the global ones and the team's own. */
    public List<PhoneBook> phoneBooksFor(String teamId) {
        return phoneBooks.stream().filter(b -> b.global() || b.teams().contains(teamId)).toList();
    }

    /** The phone books listed for {@code teamId} itself. */
    public List<PhoneBook> teamPhoneBooks(String teamId) {
        return phoneBooks.stream().filter(b -> b.teams().contains(teamId)).toList();
    }

    /** Every queue some agent of the file joins, in file order. */
    public List<String> queues() {
        return agents().stream().flatMap(a -> a.queues().stream()).map(QueueMembership::name).distinct().toList();
    }

    // ---------------------------------------------------------------- loading

    public static AgentDirectory load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the agents file " + file + ": " + e.getMessage(), e);
        }
    }

    public static AgentDirectory load(InputStream in, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with 'agents'");
        }
        unknownKeys(root, "", Set.of("agents", "teams", "reasonCodes", "wrapUpReasons", "phoneBooks"), problems);
        Map<String, Team> teams = new LinkedHashMap<>();
        for (JsonNode t : list(root.get("teams"), "teams", problems)) {
            String id = text(t, "id", "teams[].id", problems);
            teams.put(id, new Team(id, t.path("name").asText(id)));
        }
        Map<String, Agent> agents = new LinkedHashMap<>();
        JsonNode agentsNode = root.get("agents");
        if (agentsNode == null || !agentsNode.isObject() || agentsNode.isEmpty()) {
            problems.add("agents: at least one agent is needed");
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = agentsNode.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Agent a = agent(e.getKey(), e.getValue(), teams, problems);
                if (a != null) {
                    agents.put(a.id(), a);
                }
            }
            Map<String, String> byExtension = new LinkedHashMap<>();
            Map<String, String> byIface = new LinkedHashMap<>();
            for (Agent a : agents.values()) {
                String other = byExtension.putIfAbsent(a.extension(), a.id());
                if (other != null) {
                    problems.add("agents." + a.id() + ".extension: " + a.extension() + " is also agent " + other + "'s");
                }
                other = byIface.putIfAbsent(a.iface().toLowerCase(Locale.ROOT), a.id());
                if (other != null) {
                    problems.add("agents." + a.id() + ".interface: " + a.iface() + " is also agent " + other + "'s");
                }
            }
        }
        JsonNode reasons = root.path("reasonCodes");
        List<Reason> notReady = reasons(reasons.get("notReady"), "reasonCodes.notReady", problems);
        List<Reason> logout = reasons(reasons.get("logout"), "reasonCodes.logout", problems);
        List<Reason> wrapUp = reasons(root.get("wrapUpReasons"), "wrapUpReasons", problems);
        List<PhoneBook> books = new ArrayList<>();
        for (JsonNode b : list(root.get("phoneBooks"), "phoneBooks", problems)) {
            String name = text(b, "name", "phoneBooks[].name", problems);
            List<String> bookTeams = new ArrayList<>();
            for (JsonNode t : list(b.get("teams"), "phoneBooks." + name + ".teams", problems)) {
                if (!teams.containsKey(t.asText())) {
                    problems.add("phoneBooks." + name + ".teams: no team " + t.asText());
                }
                bookTeams.add(t.asText());
            }
            List<Contact> contacts = new ArrayList<>();
            for (JsonNode c : list(b.get("entries"), "phoneBooks." + name + ".entries", problems)) {
                contacts.add(new Contact(c.path("firstName").asText(""), c.path("lastName").asText(""),
                        text(c, "number", "phoneBooks." + name + ".entries[].number", problems)));
            }
            books.add(new PhoneBook(name, bookTeams, contacts));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
        return new AgentDirectory(agents, teams, notReady, logout, wrapUp, books);
    }

    private static Agent agent(String id, JsonNode n, Map<String, Team> teams, List<String> problems) {
        String at = "agents." + id;
        if (!n.isObject()) {
            problems.add(at + ": expected a mapping");
            return null;
        }
        unknownKeys(n, at + ".", Set.of("loginName", "firstName", "lastName", "passwordHash", "extension", "interface",
                "queues", "team", "role", "supervisedTeams", "wrapUpMode", "wrapUpTime"), problems);
        String hash = text(n, "passwordHash", at + ".passwordHash", problems);
        if (hash != null && !PasswordHashes.isWellFormed(hash)) {
            problems.add(at + ".passwordHash: not a pbkdf2-sha256$<iterations>$<salt>$<key> hash (make one with gcctl hash-password)");
        }
        String extension = text(n, "extension", at + ".extension", problems);
        String iface = text(n, "interface", at + ".interface", problems);
        if (iface != null && !iface.contains("/")) {
            problems.add(at + ".interface: expected TECH/resource such as PJSIP/7001, not " + iface);
        }
        List<QueueMembership> queues = new ArrayList<>();
        for (JsonNode q : list(n.get("queues"), at + ".queues", problems)) {
            if (q.isTextual()) {
                queues.add(new QueueMembership(q.asText(), 0));
            } else {
                queues.add(new QueueMembership(text(q, "name", at + ".queues[].name", problems), q.path("penalty").asInt(0)));
            }
        }
        String team = n.path("team").asText("");
        if (!team.isEmpty() && !teams.containsKey(team)) {
            problems.add(at + ".team: no team " + team);
        }
        String role = n.path("role").asText("agent");
        if (!role.equals("agent") && !role.equals("supervisor")) {
            problems.add(at + ".role: agent or supervisor, not " + role);
        }
        boolean supervisor = role.equals("supervisor");
        List<String> supervised = new ArrayList<>();
        for (JsonNode t : list(n.get("supervisedTeams"), at + ".supervisedTeams", problems)) {
            if (!teams.containsKey(t.asText())) {
                problems.add(at + ".supervisedTeams: no team " + t.asText());
            }
            supervised.add(t.asText());
        }
        if (!supervisor && !supervised.isEmpty()) {
            problems.add(at + ".supervisedTeams: only a supervisor supervises teams");
        }
        WrapUpMode mode = WrapUpMode.OPTIONAL;
        try {
            mode = WrapUpMode.valueOf(n.path("wrapUpMode").asText("OPTIONAL").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + ".wrapUpMode: one of " + java.util.Arrays.toString(WrapUpMode.values()));
        }
        Duration wrapUpTime = Duration.ZERO;
        try {
            wrapUpTime = Durations.parse(at + ".wrapUpTime", n.path("wrapUpTime").asText("0s"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (hash == null || extension == null || iface == null) {
            return null;
        }
        return new Agent(id, n.path("loginName").asText(id), n.path("firstName").asText(""), n.path("lastName").asText(""),
                hash, extension, iface, queues, team, supervisor, supervised, mode, wrapUpTime);
    }

    private static List<Reason> reasons(JsonNode node, String at, List<String> problems) {
        List<Reason> out = new ArrayList<>();
        for (JsonNode r : list(node, at, problems)) {
            String code = text(r, "code", at + "[].code", problems);
            if (code != null) {
                out.add(new Reason(code, r.path("label").asText(code)));
            }
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode node, String at, List<String> problems) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(at + ": expected a list");
            return out;
        }
        node.forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String key, String at, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank()) {
            problems.add(at + ": missing");
            return null;
        }
        return v.asText().strip();
    }

    private static void unknownKeys(JsonNode n, String prefix, Set<String> known, List<String> problems) {
        n.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                problems.add(prefix + k + ": unknown key");
            }
        });
    }

    @Override
    public String toString() {
        return "AgentDirectory[" + agents.size() + " agents, " + teams.size() + " teams]";
    }

    static <T> T require(T value, String what) {
        return Objects.requireNonNull(value, what);
    }
}
