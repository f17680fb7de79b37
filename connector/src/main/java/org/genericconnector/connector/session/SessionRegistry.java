package org.genericconnector.connector.session;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.genericconnector.connector.transport.ClientAddress;

/**
 * Which client destinations the connector knows and which destination owns each agent. Thread-safe:
 * reads are lock-free; binding, releasing and expiry take the registry's lock so that the agent count
 * limit and the destination's agent set stay consistent.
 */
public final class SessionRegistry {
    private final ConcurrentHashMap<String, ClientDestination> destinations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AgentSession> sessions = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final int maxAgents;

    /** What binding an agent did. */
    public sealed interface BindResult {
        /** Bound; {@code previous} is the session it replaced on another destination, if any. */
        record Bound(AgentSession session, boolean created, Optional<AgentSession> previous) implements BindResult { }

        record LicensesExceeded(int limit) implements BindResult { }
    }

    public SessionRegistry(InstantSource clock, int maxAgents) {
        this.clock = clock;
        this.maxAgents = maxAgents;
    }

    /** The destination with this address, created if new, marked as seen now. */
    public ClientDestination touch(ClientAddress address) {
        Instant now = clock.instant();
        ClientDestination d = destinations.computeIfAbsent(address.name(), n -> new ClientDestination(address, now));
        d.touch(now);
        return d;
    }

    /** The destination if known, marked as seen now. */
    public Optional<ClientDestination> touchIfKnown(ClientAddress address) {
        ClientDestination d = destinations.get(address.name());
        if (d != null) {
            d.touch(clock.instant());
        }
        return Optional.ofNullable(d);
    }

    /** The destination with this address, if known (its last-seen time unchanged). */
    public Optional<ClientDestination> find(ClientAddress address) {
        ClientDestination d = destinations.get(address.name());
        return d != null && d.address().equals(address) ? Optional.of(d) : Optional.empty();
    }

    public Optional<AgentSession> session(String agentId) {
        return Optional.ofNullable(sessions.get(agentId));
    }

    public synchronized BindResult bind(String agentId, ClientDestination destination) {
        AgentSession old = sessions.get(agentId);
        if (old != null && old.destination() == destination) {
            return new BindResult.Bound(old, false, Optional.empty());
        }
        if (old == null && sessions.size() >= maxAgents) {
            return new BindResult.LicensesExceeded(maxAgents);
        }
        AgentSession session = new AgentSession(agentId, destination);
        sessions.put(agentId, session);
        destination.agents().add(agentId);
        if (old != null) {
            old.destination().agents().remove(agentId);
        }
        return new BindResult.Bound(session, old == null, Optional.ofNullable(old));
    }

    /** Drops the agent's session if it is still {@code session}; true when it did. */
    public synchronized boolean release(AgentSession session) {
        if (!sessions.remove(session.agentId(), session)) {
            return false;
        }
        session.destination().agents().remove(session.agentId());
        return true;
    }

    /** Removes the destinations silent for longer than {@code ttl}, with their sessions; returns them. */
    public synchronized List<ExpiredDestination> expire(Duration ttl) {
        Instant limit = clock.instant().minus(ttl);
        List<ExpiredDestination> expired = new ArrayList<>();
        for (ClientDestination d : destinations.values()) {
            if (d.lastSeen().isBefore(limit)) {
                destinations.remove(d.name(), d);
                List<AgentSession> dropped = new ArrayList<>();
                for (String agent : List.copyOf(d.agents())) {
                    AgentSession s = sessions.get(agent);
                    if (s != null && s.destination() == d && sessions.remove(agent, s)) {
                        dropped.add(s);
                    }
                }
                d.agents().clear();
                expired.add(new ExpiredDestination(d, dropped));
            }
        }
        return expired;
    }

    /** A destination removed for silence and the sessions that went with it. */
    public record ExpiredDestination(ClientDestination destination, List<AgentSession> sessions) { }

    public Collection<ClientDestination> destinations() {
        return destinations.values();
    }

    public Collection<AgentSession> sessions() {
        return sessions.values();
    }

    public int agentCount() {
        return sessions.size();
    }
}
