package org.genericconnector.asterisk.ami;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness of a logged-in session: a Ping {@code interval} after the previous one was answered; a Ping
 * left unanswered for {@code timeout} aborts the connection with {@link AmiFailureKind#TIMEOUT}, which
 * makes the client reconnect. A half-open TCP link (peer gone without FIN/RST) is otherwise silent
 * forever. Thread-safe: {@link #watch} and {@link #stop} come from the connection thread, Ping answers
 * from the reader or the scheduler.
 *
 * <p>Keep {@code timeout} above the longest synchronous action sent on the same session: Asterisk holds
 * every reply and event of a session while a synchronous Originate runs (send Originate with
 * {@code Async: true}).
 */
final class AmiKeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(AmiKeepAlive.class);
    private static final AmiMessage PING = AmiMessage.action("Ping").build();

    private final AmiScheduler scheduler;
    private final Duration interval;
    private final Duration timeout;
    private volatile AmiConnection watched;
    private volatile AmiScheduler.Cancellable next = () -> { };

    AmiKeepAlive(AmiScheduler scheduler, Duration interval, Duration timeout) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Starts pinging {@code connection}, forgetting any earlier one. */
    void watch(AmiConnection connection) {
        watched = connection;
        schedule(connection);
    }

    /** Stops pinging. */
    void stop() {
        watched = null;
        next.cancel();
    }

    private void schedule(AmiConnection connection) {
        // The write may block on a stuck socket: never on the scheduler, whose thread must fire the timeout.
        next = scheduler.schedule("ping", interval, () -> Thread.ofVirtual().name("ami-ping").start(() -> ping(connection)));
    }

    private void ping(AmiConnection connection) {
        if (watched != connection) {
            return;
        }
        connection.send(PING, timeout).whenComplete((answer, error) -> {
            if (error == null || (error instanceof AmiException e && e.kind() == AmiFailureKind.REJECTED)) {
                schedule(connection); // any answer proves the link is alive
            } else if (error instanceof AmiException e && e.kind() == AmiFailureKind.TIMEOUT) {
                LOG.warn("AMI-007 no answer to Ping from {} within {} ms; dropping the session", connection.peer(), timeout.toMillis());
                connection.abort(new AmiException(AmiFailureKind.TIMEOUT,
                        "no answer to Ping within " + timeout.toMillis() + " ms; the link is presumed dead"));
            }
        });
    }
}
