package org.genericconnector.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.JMSException;

/**
 * Connects and logs in agents of a {@link Fleet} (each over the client that owns it): {@code Connect#<id>}
 * then {@code Login#<id>}, all sent at once, done when every agent's DialogStatus (the last event of a
 * Login) has arrived. Not thread-safe: one login wave at a time.
 */
final class Logins {
    /** The outcome of one wave: agents logged in, how long from the first send to the last DialogStatus. */
    record Wave(int agents, long loggedIn, long errors, double seconds) {
    }

    private Logins() {
    }

    /** Logs in the fleet's agent indices {@code [from, to)} and waits up to {@code timeout}. */
    static Wave login(Fleet fleet, int from, int to, Duration timeout) throws JMSException, InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong last = new AtomicLong();
        fleet.sink((client, body, corr, now) -> {
            if (body.contains("#DialogStatus#") || body.endsWith("#DialogStatus")) {
                done.incrementAndGet();
                last.set(now);
            } else if (body.contains("#Error#")) {
                errors.incrementAndGet();
                ErrorSamples.note(body);
            }
        });
        Population p = fleet.population();
        long start = System.nanoTime();
        for (int i = from; i < to; i++) {
            LoadClient client = fleet.clientOf(i);
            String id = p.agentId(i);
            client.send("Connect#" + id, client.topic() + "," + p.password(i), "c" + i);
            client.send("Login#" + id, p.password(i) + "," + p.extension(i), "l" + i);
        }
        long deadline = start + timeout.toNanos();
        while (done.get() + errors.get() < to - from && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        double seconds = (Math.max(last.get(), start) - start) / 1e9;
        return new Wave(to - from, done.get(), errors.get(), Math.round(seconds * 1000) / 1000.0);
    }
}
