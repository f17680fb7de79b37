package org.genericconnector.connector.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.genericconnector.connector.session.AgentSession;
import org.genericconnector.connector.session.ClientDestination;
import org.genericconnector.connector.session.SessionRegistry;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;

/**
 * The admin view of a running daemon: counts and rows from the {@link SessionRegistry}, an agent's state
 * from the adapter's {@link AcdAdapter#snapshot} (callable from any thread by the SPI's rules). Thread-safe:
 * it holds only thread-safe collaborators and immutable values.
 */
public final class DaemonAdminView implements AdminView {
    private final SessionRegistry registry;
    private final AcdAdapter adapter;
    private final Supplier<LinkStatus> link;
    private final String acdType;
    private final String brokerUrl;
    private final boolean brokerEmbedded;
    private final InstantSource clock;
    private final Instant started;

    public DaemonAdminView(SessionRegistry registry, AcdAdapter adapter, Supplier<LinkStatus> link, String acdType,
                           String brokerUrl, boolean brokerEmbedded, InstantSource clock) {
        this.registry = registry;
        this.adapter = adapter;
        this.link = link;
        this.acdType = acdType;
        this.brokerUrl = brokerUrl;
        this.brokerEmbedded = brokerEmbedded;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public AdminStatus status() {
        long uptime = Duration.between(started, clock.instant()).toSeconds();
        return new AdminStatus(Versions.current(), started.toString(), uptime, ProcessHandle.current().pid(), acdType,
                link.get().name(), brokerUrl, brokerEmbedded, registry.destinations().size(), registry.agentCount());
    }

    @Override
    public List<AgentRow> agents() {
        return registry.sessions().stream()
                .sorted(Comparator.comparing(AgentSession::agentId))
                .map(this::row)
                .toList();
    }

    private AgentRow row(AgentSession session) {
        String state = "UNKNOWN";
        String since = "";
        for (Event e : snapshot(session.agentId())) {
            if (e instanceof Event.State s) {
                state = s.state().name();
                since = s.stateChangeTime() == null ? "" : s.stateChangeTime().toString();
            }
        }
        return new AgentRow(session.agentId(), session.destination().name(), state, since);
    }

    /** An adapter that cannot answer now (link lost) must not break the listing. */
    private List<Event> snapshot(String agentId) {
        try {
            return adapter.snapshot(agentId);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public List<DestinationRow> destinations() {
        return registry.destinations().stream()
                .sorted(Comparator.comparing(ClientDestination::name))
                .map(d -> new DestinationRow(d.address().toString(), d.lastSeen().toString(),
                        d.agents().stream().sorted().toList()))
                .toList();
    }
}
