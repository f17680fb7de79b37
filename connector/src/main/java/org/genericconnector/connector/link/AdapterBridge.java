package org.genericconnector.connector.link;

import java.time.InstantSource;

import org.genericconnector.connector.dispatch.Outbox;
import org.genericconnector.connector.session.SessionRegistry;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AdapterContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AdapterContext} the connector gives its adapter: routes unsolicited events by agent to the
 * owning session's destination (events for no agent go to every destination) and passes link changes
 * to the {@link LinkMonitor}. Thread-safe.
 */
public final class AdapterBridge implements AdapterContext {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterBridge.class);

    private final SessionRegistry registry;
    private final LinkMonitor link;
    private final InstantSource clock;
    private volatile Outbox outbox;

    public AdapterBridge(SessionRegistry registry, LinkMonitor link, InstantSource clock) {
        this.registry = registry;
        this.link = link;
        this.clock = clock;
    }

    public void attach(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(Event event) {
        Outbox out = outbox;
        if (out == null) {
            LOG.debug("event before the transport started, dropped: {}", event.type());
            return;
        }
        if (event.agentId().isEmpty()) {
            link.broadcast(event);
            return;
        }
        registry.session(event.agentId()).ifPresentOrElse(
                s -> out.send(s.destination(), event, null),
                () -> LOG.debug("no session for agent {}: {} dropped", event.agentId(), event.type()));
    }

    @Override
    public void linkStatusChanged(LinkStatus status) {
        link.changed(status);
    }

    @Override
    public InstantSource clock() {
        return clock;
    }
}
