package org.genericconnector.simulator.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.simulator.model.ModelChange;
import org.genericconnector.simulator.model.ModelListener;

/**
 * Sends each model change to the right place: the events of the agent a command is executing for are
 * collected for that command's reply (the adapter sends them, in order, before it lets go of the contact
 * center's lock); every other event is published at once. Team-member state changes also go to the
 * supervisors subscribed to the team (GetTeamUsers with subscribe).
 *
 * <p>Thread-safe: the current command is per thread (commands run on their agent's mailbox thread), and
 * listener calls are serialised by the contact center's lock.
 */
final class SandboxEventRouter implements ModelListener {
    private final ThreadLocal<Scope> current = new ThreadLocal<>();
    private final Map<String, Set<String>> teamSubscribers = new ConcurrentHashMap<>();
    private final SandboxEventMapper mapper;
    private volatile AdapterContext context;

    SandboxEventRouter(SandboxEventMapper mapper) {
        this.mapper = mapper;
    }

    void start(AdapterContext context) {
        this.context = context;
    }

    /** The events of one command being executed: the requester's, and copies of a supervised target's. */
    static final class Scope {
        final String requesterId;
        final String targetId;
        final List<Event> replies = new ArrayList<>();

        Scope(String requesterId, String targetId) {
            this.requesterId = requesterId;
            this.targetId = targetId;
        }
    }

    /** Starts collecting the requester's events on this thread; {@code targetId} (or null) is a supervised member acted on. */
    Scope open(String requesterId, String targetId) {
        Scope scope = new Scope(requesterId, targetId);
        current.set(scope);
        return scope;
    }

    void close() {
        current.remove();
    }

    void subscribe(String supervisorId, String teamId) {
        teamSubscribers.computeIfAbsent(teamId, t -> ConcurrentHashMap.newKeySet()).add(supervisorId);
    }

    void forget(String agentId) {
        teamSubscribers.values().forEach(s -> s.remove(agentId));
    }

    @Override
    public void changed(ModelChange change) {
        route(mapper.toEvent(change));
        if (change instanceof ModelChange.AgentChanged changed) {
            String teamId = changed.agent().profile().teamId();
            for (String supervisor : teamSubscribers.getOrDefault(teamId, Set.of())) {
                route(new Event.TeamMemberStateChanged(supervisor, teamId,
                        SandboxEventMapper.agentState(changed.agent().status()), changed.agentId()));
            }
        }
    }

    private void route(Event event) {
        Scope scope = current.get();
        if (scope != null && event.agentId().equals(scope.requesterId)) {
            scope.replies.add(event);
            return;
        }
        if (scope != null && event.agentId().equals(scope.targetId)) {
            scope.replies.add(event); // the supervisor sees the result of its action too
        }
        AdapterContext ctx = context;
        if (ctx != null) {
            ctx.publish(event);
        }
    }
}
