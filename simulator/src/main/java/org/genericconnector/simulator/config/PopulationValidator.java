package org.genericconnector.simulator.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.genericconnector.protocol.spi.Durations;
import org.genericconnector.simulator.config.PopulationFile.AgentEntry;

/**
 * Checks a {@link PopulationFile}: required values, unique ids and extensions, references between
 * entries, enumerated values. Reports every problem in one message, one per line. Stateless.
 */
final class PopulationValidator {
    private static final Set<String> ROLES = Set.of("agent", "supervisor");
    private static final Set<String> WRAP_UP_MODES = Set.of("OPTIONAL", "REQUIRED", "NOT_ALLOWED", "REQUIRED_WITH_WRAP_UP_DATA");
    private static final Set<String> PHONEBOOK_TYPES = Set.of("GLOBAL", "TEAM");
    private static final Set<String> CAMPAIGN_TYPES = Set.of("PREVIEW");

    private PopulationValidator() {
    }

    static void validate(PopulationFile file, String source) {
        List<String> problems = new ArrayList<>();
        Set<String> teamIds = unique(problems, "teams", file.teams(), PopulationFile.TeamEntry::id);
        for (int i = 0; i < file.teams().size(); i++) {
            required(problems, "teams[" + i + "].name", file.teams().get(i).name());
        }
        Set<String> queueNames = unique(problems, "queues", file.queues(), PopulationFile.QueueEntry::name);
        for (int i = 0; i < file.queues().size(); i++) {
            references(problems, "queues[" + i + "].teams", file.queues().get(i).teams(), teamIds, "team");
        }
        unique(problems, "agents", file.agents(), AgentEntry::id);
        unique(problems, "agents (extension)", file.agents(), AgentEntry::extension);
        Set<String> skillGroupIds = unique(problems, "skillGroups", file.skillGroups(), PopulationFile.SkillGroupEntry::id);
        for (int i = 0; i < file.agents().size(); i++) {
            checkAgent(problems, "agents[" + i + "]", file.agents().get(i), teamIds, skillGroupIds);
        }
        unique(problems, "reasonCodes.notReady", file.reasonCodes().notReady(), PopulationFile.ReasonEntry::code);
        unique(problems, "reasonCodes.logout", file.reasonCodes().logout(), PopulationFile.ReasonEntry::code);
        unique(problems, "wrapUpReasons", file.wrapUpReasons(), PopulationFile.ReasonEntry::code);
        unique(problems, "phonebooks", file.phonebooks(), PopulationFile.PhonebookEntry::id);
        for (int i = 0; i < file.phonebooks().size(); i++) {
            var book = file.phonebooks().get(i);
            oneOf(problems, "phonebooks[" + i + "].type", book.type(), PHONEBOOK_TYPES);
            references(problems, "phonebooks[" + i + "].teams", book.teams(), teamIds, "team");
            unique(problems, "phonebooks[" + i + "].contacts", book.contacts(), PopulationFile.ContactEntry::id);
        }
        unique(problems, "campaigns", file.campaigns(), PopulationFile.CampaignEntry::name);
        for (int i = 0; i < file.campaigns().size(); i++) {
            var campaign = file.campaigns().get(i);
            oneOf(problems, "campaigns[" + i + "].type", campaign.type(), CAMPAIGN_TYPES);
            if (campaign.queue() != null && !queueNames.contains(campaign.queue())) {
                problems.add("campaigns[" + i + "].queue: no queue named '" + campaign.queue() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    private static void checkAgent(List<String> problems, String at, AgentEntry agent, Set<String> teamIds, Set<String> skillGroupIds) {
        required(problems, at + ".loginName", agent.loginName());
        required(problems, at + ".firstName", agent.firstName());
        required(problems, at + ".lastName", agent.lastName());
        required(problems, at + ".password", agent.password());
        if (required(problems, at + ".extension", agent.extension()) && !agent.extension().matches("\\d+")) {
            problems.add(at + ".extension: must be digits, not '" + agent.extension() + "'");
        }
        if (required(problems, at + ".team", agent.team()) && !teamIds.contains(agent.team())) {
            problems.add(at + ".team: no team with id '" + agent.team() + "'");
        }
        String role = agent.role() == null ? "agent" : agent.role().toLowerCase(Locale.ROOT);
        oneOf(problems, at + ".role", role, ROLES);
        if (!"supervisor".equals(role) && !agent.supervisedTeams().isEmpty()) {
            problems.add(at + ".supervisedTeams: only a supervisor supervises teams");
        }
        references(problems, at + ".supervisedTeams", agent.supervisedTeams(), teamIds, "team");
        references(problems, at + ".skillGroups", agent.skillGroups(), skillGroupIds, "skill group");
        if (agent.wrapUpMode() != null) {
            oneOf(problems, at + ".wrapUpMode", agent.wrapUpMode(), WRAP_UP_MODES);
        }
        if (agent.wrapUpTimer() != null) {
            try {
                Durations.parse(at + ".wrapUpTimer", agent.wrapUpTimer());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    private static <T> Set<String> unique(List<String> problems, String at, List<T> entries, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = key.apply(entries.get(i));
            if (value == null || value.isBlank()) {
                problems.add(at + "[" + i + "]: the id/name is missing");
            } else if (!seen.add(value)) {
                problems.add(at + "[" + i + "]: '" + value + "' appears twice");
            }
        }
        return seen;
    }

    private static boolean required(List<String> problems, String at, String value) {
        if (value == null || value.isBlank()) {
            problems.add(at + ": missing");
            return false;
        }
        return true;
    }

    private static void oneOf(List<String> problems, String at, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(at + ": must be one of " + new java.util.TreeSet<>(allowed) + ", not '" + value + "'");
        }
    }

    private static void references(List<String> problems, String at, List<String> ids, Set<String> known, String what) {
        for (String id : ids) {
            if (!known.contains(id)) {
                problems.add(at + ": no " + what + " with id '" + id + "'");
            }
        }
    }
}
