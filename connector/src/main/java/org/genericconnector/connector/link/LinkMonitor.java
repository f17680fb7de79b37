package org.genericconnector.connector.link;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.genericconnector.connector.dispatch.Dispatcher;
import org.genericconnector.connector.dispatch.MailboxTask;
import org.genericconnector.connector.dispatch.Outbox;
import org.genericconnector.connector.session.AgentSession;
import org.genericconnector.connector.session.ClientDestination;
import org.genericconnector.connector.session.SessionRegistry;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's view of the ACD link. A change is told to every known destination at once
 * (System#IN_SERVICE / OUT_OF_SERVICE); on return, and after the broker connection comes back, each
 * session's state is re-published from {@link AcdAdapter#snapshot} through the agent's mailbox, so it
 * stays in order with the agent's command replies. Thread-safe: the status is volatile, broadcasts run
 * one after another on one virtual thread.
 */
public final class LinkMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkMonitor.class);

    private final SessionRegistry registry;
    private final Dispatcher dispatcher;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("gc-link").factory());
    private volatile Outbox outbox;
    private volatile AcdAdapter adapter;
    private volatile LinkStatus status = LinkStatus.OUT_OF_SERVICE;

    public LinkMonitor(SessionRegistry registry, Dispatcher dispatcher) {
        this.registry = registry;
        this.dispatcher = dispatcher;
    }

    /** Completes the wiring once the transport and the adapter exist. */
    public void attach(Outbox outbox, AcdAdapter adapter) {
        this.outbox = outbox;
        this.adapter = adapter;
    }

    public LinkStatus status() {
        return status;
    }

    /** The adapter reported its link; a repeat of the current status does nothing. */
    public synchronized void changed(LinkStatus newStatus) {
        if (newStatus == status) {
            return;
        }
        status = newStatus;
        if (newStatus == LinkStatus.IN_SERVICE) {
            LOG.info("GC-ACD-{} the ACD link is in service", newStatus);
        } else {
            LOG.warn("GC-ACD-{} the ACD link is lost", newStatus);
        }
        run(() -> {
            broadcast(new Event.SystemStatus(newStatus));
            if (newStatus == LinkStatus.IN_SERVICE) {
                republishAll();
            }
        });
    }

    /** The broker connection came back: events sent while it was down are lost, so tell everything again. */
    public void brokerRestored() {
        run(() -> {
            LinkStatus now = status;
            broadcast(new Event.SystemStatus(now));
            if (now == LinkStatus.IN_SERVICE) {
                republishAll();
            }
        });
    }

    /** Sends an event to every known client destination. */
    public void broadcast(Event event) {
        Outbox out = outbox;
        if (out == null) {
            return;
        }
        for (ClientDestination d : registry.destinations()) {
            out.send(d, event, null);
        }
    }

    private void republishAll() {
        int n = 0;
        for (AgentSession s : registry.sessions()) {
            n += dispatcher.submit(s.agentId(), new Republish(s.agentId())) ? 1 : 0;
        }
        LOG.info("re-publishing the state of {} agents", n);
    }

    private void run(Runnable work) {
        try {
            serial.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("link monitor closed", e);
        }
    }

    /** Re-sends one agent's State and DialogStatus to the destination that owns it when the task runs. */
    private final class Republish implements MailboxTask {
        private final String agentId;

        Republish(String agentId) {
            this.agentId = agentId;
        }

        @Override
        public void run() {
            registry.session(agentId).ifPresent(s -> {
                List<Event> events = adapter.snapshot(agentId);
                events.forEach(e -> outbox.queue(s.destination(), e, null));
                outbox.flush(s.destination()); // sent from this mailbox thread: no hand-off per session
            });
        }

        @Override
        public void fail(String reason) {
            LOG.debug("no re-publication for agent {}: {}", agentId, reason);
        }
    }

    @Override
    public void close() {
        serial.shutdown();
    }
}
