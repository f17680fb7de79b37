package org.genericconnector.simulator.sandbox;

import java.time.Instant;
import java.util.List;

import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.QueueSnapshot;
import org.genericconnector.simulator.model.Refusal;
import org.genericconnector.simulator.model.RefusedException;

/** Answers the GC queries (reason codes, phone books, queues, teams, users) from the contact center. Thread-safe. */
final class SandboxQueries {
    private final ContactCenter center;
    private final SandboxEventMapper mapper;

    SandboxQueries(ContactCenter center, SandboxEventMapper mapper) {
        this.center = center;
        this.mapper = mapper;
    }

    private Directory directory() {
        return center.directory();
    }

    Event.AgentInfo agentInfo(AgentView agent) {
        Directory.AgentProfile p = agent.profile();
        List<Values.Team> teams = p.supervisedTeamIds().stream().map(this::team).toList();
        return new Event.AgentInfo(p.id(), p.firstName(), p.lastName(), p.isSupervisor(),
                WrapUpMode.valueOf(p.wrapUpPolicy().name()), p.isSupervisor() ? teams : List.of(), p.teamId(),
                p.fullName(), p.loginName());
    }

    Event.TeamInfoIds teamInfoIds(AgentView agent) {
        return new Event.TeamInfoIds(agent.id(), agent.profile().supervisedTeamIds(), agent.profile().fullName());
    }

    Event.TeamInfoNames teamInfoNames(AgentView agent) {
        return new Event.TeamInfoNames(agent.id(),
                agent.profile().supervisedTeamIds().stream().map(t -> team(t).name()).toList(), agent.profile().fullName());
    }

    Event.ReasonCodes reasonCodes(AgentView agent, Values.ReasonCategory category) {
        List<Directory.Reason> reasons = switch (category) {
            case NOT_READY -> directory().notReadyReasons();
            case LOGOUT -> directory().logoutReasons();
            case WRAP_UP -> directory().wrapUpReasons();
        };
        return new Event.ReasonCodes(agent.id(), category,
                reasons.stream().map(r -> new Values.ReasonCode(r.code(), r.label())).toList(), agent.profile().fullName());
    }

    /** Admin list of every logged-in user; for supervisors. */
    Event.AgentsList agentsList(String requesterId) {
        center.checkSupervisor(requesterId);
        return new Event.AgentsList(requesterId, center.agents().stream().filter(a -> a.status().isLoggedIn())
                .map(a -> new Values.AgentSummary(a.id(), a.profile().fullName(), a.extension(), a.status().name(),
                        team(a.profile().teamId()).name()))
                .toList());
    }

    Event.Phonebooks phonebooks(AgentView agent) {
        return new Event.Phonebooks(agent.id(), directory().phonebooksFor(agent.profile().teamId()).stream()
                .map(SandboxQueries::phonebook).toList());
    }

    Event.PhonebookContacts contacts(AgentView agent, String phonebookId) {
        Directory.Phonebook book = directory().phonebooksFor(agent.profile().teamId()).stream()
                .filter(b -> b.id().equals(phonebookId)).findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_ITEM, "agent " + agent.id() + " has no phone book " + phonebookId));
        return new Event.PhonebookContacts(agent.id(), book.contacts().stream()
                .map(c -> new Values.Contact(c.description(), c.firstName(), c.lastName(), c.phoneNumber(), c.id())).toList());
    }

    /** A team's phone books, for its members and its supervisors. */
    Event.TeamPhonebooks teamPhonebooks(AgentView agent, String teamId) {
        team(teamId);
        if (!agent.profile().teamId().equals(teamId) && !agent.profile().supervisedTeamIds().contains(teamId)) {
            throw new RefusedException(Refusal.NOT_SUPERVISED, "agent " + agent.id() + " is not in team " + teamId);
        }
        return new Event.TeamPhonebooks(agent.id(), directory().teamPhonebooks(teamId).stream().map(SandboxQueries::phonebook).toList());
    }

    /** Supervisors get the UCCE form of every queue; agents the short form of the queues their team answers. */
    Event.QueueList queueList(AgentView agent) {
        List<QueueSnapshot> queues = center.queues();
        if (agent.profile().isSupervisor()) {
            return new Event.QueueList(agent.id(), queues.stream().<QueueStats>map(q -> new QueueStats.Ucce(q.name(),
                    q.agentsNotReady(), q.agentsReady(), q.agentsTalkingInbound(), q.agentsTalkingInternal(),
                    q.agentsTalkingOutbound(), q.agentsWorkNotReady(), q.agentsWorkReady(), q.callsWaiting(),
                    time(q.oldestWaitingSince()))).toList());
        }
        return new Event.QueueList(agent.id(), queues.stream()
                .filter(q -> directory().queue(q.name()).orElseThrow().teamIds().contains(agent.profile().teamId()))
                .<QueueStats>map(q -> new QueueStats.Agent(q.name(), q.callsWaiting(), time(q.oldestWaitingSince()))).toList());
    }

    Event.TeamUsersList teamUsers(String supervisorId, String teamId) {
        team(teamId);
        AgentView supervisor = center.agent(supervisorId).orElseThrow();
        center.checkSupervisor(supervisorId);
        if (!supervisor.profile().supervisedTeamIds().contains(teamId)) {
            throw new RefusedException(Refusal.NOT_SUPERVISED, "supervisor " + supervisorId + " does not supervise team " + teamId);
        }
        return new Event.TeamUsersList(supervisorId, center.agents().stream().filter(a -> a.profile().teamId().equals(teamId))
                .map(a -> new Values.TeamUser(a.profile().firstName(), a.profile().lastName(), a.extension(), a.id(),
                        SandboxEventMapper.agentState(a.status()),
                        a.pending() == null ? null : SandboxEventMapper.agentState(a.pending()), "voice",
                        time(a.changedAt()), a.reasonLabel()))
                .toList());
    }

    Event.TeamMemberStateChanged teamMemberState(String supervisorId, String memberId) {
        center.checkSupervises(supervisorId, memberId);
        AgentView member = center.agent(memberId).orElseThrow();
        return new Event.TeamMemberStateChanged(supervisorId, member.profile().teamId(),
                SandboxEventMapper.agentState(member.status()), memberId);
    }

    Event.SkillGroups skillGroups(AgentView agent) {
        return new Event.SkillGroups(agent.id(), directory().skillGroups().stream()
                .map(s -> new Values.SkillGroup(s.id(), s.name())).toList());
    }

    Event.Supervisors supervisors(AgentView agent) {
        return new Event.Supervisors(agent.id(), directory().agents().stream().filter(Directory.AgentProfile::isSupervisor)
                .map(s -> new Values.Supervisor(s.id(), s.firstName(), s.lastName())).toList());
    }

    private Values.Team team(String teamId) {
        return directory().team(teamId).map(t -> new Values.Team(t.id(), t.name()))
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_ITEM, "no team " + teamId));
    }

    private static Values.Phonebook phonebook(Directory.Phonebook book) {
        return new Values.Phonebook(book.name(), book.global() ? "GLOBAL" : "TEAM", book.id());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
