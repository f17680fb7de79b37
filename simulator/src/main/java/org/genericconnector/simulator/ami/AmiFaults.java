package org.genericconnector.simulator.ami;

import java.time.Duration;

/**
 * Faults the scenario turns on: a stall (no session reads or writes until it ends), a delay added to every
 * action's response, extra unknown fields on every event, and an unsolicited event inside every list reply.
 * Measured on the JVM's monotonic clock (faults are wall-clock behaviour of the socket). Thread-safe.
 */
final class AmiFaults {
    private volatile long stallUntilNanos = System.nanoTime();
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile boolean extraFields;
    private volatile boolean interleave;

    void stallFor(Duration duration) {
        stallUntilNanos = System.nanoTime() + duration.toNanos();
    }

    /** Blocks the calling session thread until a stall ends. */
    void awaitNoStall() throws InterruptedException {
        long remaining;
        while ((remaining = stallUntilNanos - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(remaining));
        }
    }

    void delayResponses(Duration delay) {
        responseDelay = delay;
    }

    Duration responseDelay() {
        return responseDelay;
    }

    void extraFields(boolean on) {
        extraFields = on;
    }

    boolean extraFields() {
        return extraFields;
    }

    void interleave(boolean on) {
        interleave = on;
    }

    boolean interleave() {
        return interleave;
    }
}
