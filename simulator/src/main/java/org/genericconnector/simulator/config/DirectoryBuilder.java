package org.genericconnector.simulator.config;

import java.time.Duration;
import java.util.Locale;

import org.genericconnector.protocol.spi.Durations;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.Directory.AgentProfile;
import org.genericconnector.simulator.model.WrapUpPolicy;

/** Turns a validated {@link PopulationFile} into the model's {@link Directory}. Stateless. */
public final class DirectoryBuilder {
    /** Wrap-up mode and timer of an agent that names none. */
    static final WrapUpPolicy DEFAULT_WRAP_UP = WrapUpPolicy.OPTIONAL;
    static final Duration DEFAULT_WRAP_UP_TIMER = Duration.ofSeconds(60);

    private DirectoryBuilder() {
    }

    public static Directory build(PopulationFile file) {
        return new Directory(
                file.agents().stream().map(DirectoryBuilder::agent).toList(),
                file.teams().stream().map(t -> new Directory.Team(t.id(), t.name())).toList(),
                file.queues().stream().map(q -> new Directory.QueueDefinition(q.name(), q.teams())).toList(),
                file.reasonCodes().notReady().stream().map(DirectoryBuilder::reason).toList(),
                file.reasonCodes().logout().stream().map(DirectoryBuilder::reason).toList(),
                file.wrapUpReasons().stream().map(DirectoryBuilder::reason).toList(),
                file.phonebooks().stream().map(DirectoryBuilder::phonebook).toList(),
                file.skillGroups().stream().map(s -> new Directory.SkillGroup(s.id(), s.name())).toList(),
                file.campaigns().stream().map(c -> new Directory.Campaign(c.name(), c.queue())).toList());
    }

    private static AgentProfile agent(PopulationFile.AgentEntry a) {
        boolean supervisor = a.role() != null && a.role().toLowerCase(Locale.ROOT).equals("supervisor");
        return new AgentProfile(a.id(), a.loginName(), a.firstName(), a.lastName(), a.password(), a.extension(),
                supervisor ? Directory.Role.SUPERVISOR : Directory.Role.AGENT, a.team(), a.supervisedTeams(),
                a.wrapUpMode() == null ? DEFAULT_WRAP_UP : WrapUpPolicy.valueOf(a.wrapUpMode()),
                a.wrapUpTimer() == null ? DEFAULT_WRAP_UP_TIMER : Durations.parse("wrapUpTimer", a.wrapUpTimer()),
                a.skillGroups());
    }

    private static Directory.Reason reason(PopulationFile.ReasonEntry r) {
        return new Directory.Reason(r.code(), r.label() == null ? "" : r.label());
    }

    private static Directory.Phonebook phonebook(PopulationFile.PhonebookEntry p) {
        return new Directory.Phonebook(p.id(), p.name(), "GLOBAL".equals(p.type()), p.teams(),
                p.contacts().stream().map(c -> new Directory.Contact(c.id(), text(c.firstName()), text(c.lastName()),
                        text(c.phoneNumber()), text(c.description()))).toList());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
