package org.genericconnector.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.JMSException;

/**
 * An ACD outage through the sandbox's scenario control: {@code link-down}, every client told
 * OUT_OF_SERVICE, then {@code link-up}; timed from sending link-up to the last re-published event
 * (each session's State and DialogStatus) received by the clients. Not thread-safe.
 */
final class Outage {
    /** The re-publication after an outage: sessions, events expected and received, seconds. */
    record Republication(long sessions, long expectedEvents, long receivedEvents, double seconds) {
    }

    private Outage() {
    }

    static Republication run(java.util.List<Fleet> fleets, String controlTopic, long sessions, Duration timeout)
            throws JMSException, InterruptedException {
        AtomicLong outOfService = new AtomicLong();
        AtomicLong republished = new AtomicLong();
        AtomicLong last = new AtomicLong();
        LoadClient.Sink sink = (client, body, corr, now) -> {
            if (body.equals("System#OUT_OF_SERVICE")) {
                outOfService.incrementAndGet();
            } else if (body.contains("#State#") || body.contains("#DialogStatus")) {
                republished.incrementAndGet();
                last.set(now);
            }
        };
        fleets.forEach(f -> f.sink(sink));
        int clients = fleets.stream().mapToInt(Fleet::size).sum();
        LoadClient control = fleets.get(0).clients().get(0);
        control.sendControl(controlTopic, "link-down", "ctl-down");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outOfService.get() < clients && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(500);
        long expected = sessions * 2;
        long start = System.nanoTime();
        control.sendControl(controlTopic, "link-up", "ctl-up");
        deadline = start + timeout.toNanos();
        while (republished.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        double seconds = (Math.max(last.get(), start) - start) / 1e9;
        return new Republication(sessions, expected, republished.get(), Math.round(seconds * 1000) / 1000.0);
    }
}
