package org.genericconnector.simulator.config;

import java.util.List;

/**
 * The sandbox population as written in {@code conf/sandbox.yaml}: one record per YAML mapping, keys in
 * camelCase. Lists may be absent (read as empty); {@link PopulationValidator} checks references and
 * required values. Immutable once read.
 */
public record PopulationFile(List<TeamEntry> teams, List<QueueEntry> queues, List<AgentEntry> agents,
                             ReasonCodesEntry reasonCodes, List<ReasonEntry> wrapUpReasons,
                             List<PhonebookEntry> phonebooks, List<SkillGroupEntry> skillGroups,
                             List<CampaignEntry> campaigns) {
    public PopulationFile {
        teams = copy(teams);
        queues = copy(queues);
        agents = copy(agents);
        reasonCodes = reasonCodes == null ? new ReasonCodesEntry(List.of(), List.of()) : reasonCodes;
        wrapUpReasons = copy(wrapUpReasons);
        phonebooks = copy(phonebooks);
        skillGroups = copy(skillGroups);
        campaigns = copy(campaigns);
    }

    /** A team of agents. */
    public record TeamEntry(String id, String name) {
    }

    /** A queue (a UCCE call type / UCCX CSQ) and the teams whose agents answer it. */
    public record QueueEntry(String name, List<String> teams) {
        public QueueEntry { teams = copy(teams); }
    }

    /**
     * An agent or supervisor. {@code role} is {@code agent} or {@code supervisor}; {@code wrapUpMode} one of
     * OPTIONAL, REQUIRED, NOT_ALLOWED, REQUIRED_WITH_WRAP_UP_DATA; {@code wrapUpTimer} a duration (60s, PT1M).
     */
    public record AgentEntry(String id, String loginName, String firstName, String lastName, String password,
                             String extension, String role, String team, List<String> supervisedTeams,
                             String wrapUpMode, String wrapUpTimer, List<String> skillGroups) {
        public AgentEntry {
            supervisedTeams = copy(supervisedTeams);
            skillGroups = copy(skillGroups);
        }

        @Override
        public String toString() {
            return "AgentEntry[id=" + id + ", loginName=" + loginName + ", password=****, extension=" + extension + "]";
        }
    }

    /** The NOT_READY and LOGOUT reason codes. */
    public record ReasonCodesEntry(List<ReasonEntry> notReady, List<ReasonEntry> logout) {
        public ReasonCodesEntry {
            notReady = copy(notReady);
            logout = copy(logout);
        }
    }

    /** A reason code or wrap-up reason. */
    public record ReasonEntry(String code, String label) {
    }

    /** A phone book: {@code type} GLOBAL (every agent) or TEAM (the listed teams). */
    public record PhonebookEntry(String id, String name, String type, List<String> teams, List<ContactEntry> contacts) {
        public PhonebookEntry {
            teams = copy(teams);
            contacts = copy(contacts);
        }
    }

    /** A phone book contact. */
    public record ContactEntry(String id, String firstName, String lastName, String phoneNumber, String description) {
    }

    /** A UCCE skill group. */
    public record SkillGroupEntry(String id, String name) {
    }

    /** An outbound campaign; {@code type} PREVIEW (preview reservations and callbacks). */
    public record CampaignEntry(String name, String type, String queue) {
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
