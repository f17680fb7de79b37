package org.genericconnector.connector.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops client destinations that stopped sending commands (heartbeats) for longer than the expiry time,
 * checking at a fixed interval against the registry's injected clock, and hands each dropped session to
 * {@code onReleased}. Thread-safe; runs on one daemon thread.
 */
public final class DestinationExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DestinationExpiry.class);

    private final SessionRegistry registry;
    private final Duration ttl;
    private final Consumer<AgentSession> onReleased;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("gc-expiry").daemon(true).unstarted(r));

    public DestinationExpiry(SessionRegistry registry, Duration ttl, Consumer<AgentSession> onReleased) {
        this.registry = registry;
        this.ttl = ttl;
        this.onReleased = onReleased;
    }

    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One check; public so that a test can run it at a moment it chooses. */
    public void sweep() {
        try {
            for (SessionRegistry.ExpiredDestination e : registry.expire(ttl)) {
                LOG.info("GC-DEST-EXPIRED destination {} sent nothing for {}; releasing {} agents",
                        e.destination(), ttl, e.sessions().size());
                e.sessions().forEach(onReleased);
            }
        } catch (RuntimeException e) {
            LOG.error("destination expiry failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
