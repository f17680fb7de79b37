package org.genericconnector.simulator.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured population of the contact center: who and what exists, not what is happening.
 * Immutable; lists keep the configured order.
 */
public record Directory(List<AgentProfile> agents, List<Team> teams, List<QueueDefinition> queues,
                        List<Reason> notReadyReasons, List<Reason> logoutReasons, List<Reason> wrapUpReasons,
                        List<Phonebook> phonebooks, List<SkillGroup> skillGroups, List<Campaign> campaigns) {

    public Directory {
        agents = List.copyOf(agents); teams = List.copyOf(teams); queues = List.copyOf(queues);
        notReadyReasons = List.copyOf(notReadyReasons); logoutReasons = List.copyOf(logoutReasons);
        wrapUpReasons = List.copyOf(wrapUpReasons); phonebooks = List.copyOf(phonebooks);
        skillGroups = List.copyOf(skillGroups); campaigns = List.copyOf(campaigns);
    }

    public enum Role { AGENT, SUPERVISOR }

    /** An agent as configured. {@link #toString()} masks the password. */
    public record AgentProfile(String id, String loginName, String firstName, String lastName, String password,
                               String extension, Role role, String teamId, List<String> supervisedTeamIds,
                               WrapUpPolicy wrapUpPolicy, Duration wrapUpTimer, List<String> skillGroupIds) {
        public AgentProfile {
            Objects.requireNonNull(id); Objects.requireNonNull(password); Objects.requireNonNull(extension);
            supervisedTeamIds = List.copyOf(supervisedTeamIds); skillGroupIds = List.copyOf(skillGroupIds);
        }
        public String fullName() { return firstName + " " + lastName; }
        public boolean isSupervisor() { return role == Role.SUPERVISOR; }
        @Override public String toString() { return "AgentProfile[id=" + id + ", loginName=" + loginName + ", password=****]"; }
    }

    public record Team(String id, String name) { }

    /** A queue and the teams whose agents answer it. */
    public record QueueDefinition(String name, List<String> teamIds) {
        public QueueDefinition { teamIds = List.copyOf(teamIds); }
    }

    public record Reason(String code, String label) { }

    public record Contact(String id, String firstName, String lastName, String phoneNumber, String description) { }

    /** A phone book; {@code global} ones are seen by every agent, the others by the listed teams. */
    public record Phonebook(String id, String name, boolean global, List<String> teamIds, List<Contact> contacts) {
        public Phonebook { teamIds = List.copyOf(teamIds); contacts = List.copyOf(contacts); }
    }

    public record SkillGroup(String id, String name) { }

    public record Campaign(String name, String queue) { }

    public Optional<AgentProfile> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<AgentProfile> agentAtExtension(String extension) {
        return agents.stream().filter(a -> a.extension().equals(extension)).findFirst();
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<QueueDefinition> queue(String name) {
        return queues.stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Campaign> campaign(String name) {
        return campaigns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Phonebook> phonebook(String id) {
        return phonebooks.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The global phone books and those of the team, in configured order. */
    public List<Phonebook> phonebooksFor(String teamId) {
        return phonebooks.stream().filter(p -> p.global() || p.teamIds().contains(teamId)).toList();
    }

    public List<Phonebook> teamPhonebooks(String teamId) {
        return phonebooks.stream().filter(p -> !p.global() && p.teamIds().contains(teamId)).toList();
    }

    public List<AgentProfile> teamMembers(String teamId) {
        return agents.stream().filter(a -> a.teamId().equals(teamId)).toList();
    }

    /** The agents by id, for building the live state. */
    Map<String, AgentProfile> agentsById() {
        Map<String, AgentProfile> byId = new LinkedHashMap<>();
        agents.forEach(a -> byId.put(a.id(), a));
        return byId;
    }
}
