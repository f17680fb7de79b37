package org.genericconnector.finesse.rest;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;

/**
 * Bounds the REST calls to one Finesse node: at most {@code maxConcurrent} in flight, at most
 * {@code maxQueued} waiting for a slot; a caller over the queue, or one that waits longer than
 * {@code maxWait}, gets PLEASE_RETRY at once. Callers are agents' mailbox threads (virtual threads), so
 * waiting here parks no platform thread. Thread-safe.
 */
public final class RequestGate {
    private final Semaphore slots;
    private final int maxQueued;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    public RequestGate(int maxConcurrent, int maxQueued, Duration maxWait) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
    }

    /** Takes a slot, waiting in the bounded queue; release it with {@link #release()}. */
    public void acquire() throws AcdException {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            throw retry("REST queue full (" + maxQueued + " waiting)");
        }
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw retry("no REST slot within " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw retry("interrupted while waiting for a REST slot");
        } finally {
            waiting.decrementAndGet();
        }
    }

    public void release() {
        slots.release();
    }

    /** Calls waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }

    private static AcdException retry(String message) {
        return new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, message);
    }
}
