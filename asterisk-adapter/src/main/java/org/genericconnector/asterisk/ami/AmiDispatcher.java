package org.genericconnector.asterisk.ami;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events and connection callbacks to listeners on one thread of its own, so a slow listener
 * never blocks the socket reader. Thread-safe: any thread may submit; one thread delivers, in
 * submission order.
 *
 * <p>Events are bounded: {@link #offerEvent} refuses once {@code capacity} events wait, and the caller
 * then drops the connection (never a silent loss). Connection callbacks are few and always accepted,
 * so the "disconnected" that follows an overflow is delivered after the events already queued.
 */
final class AmiDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiDispatcher.class);
    private static final Runnable STOP = () -> { };

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waitingEvents = new AtomicInteger();
    private final int capacity;
    private final Thread thread;

    AmiDispatcher(String threadName, int capacity) {
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    /** Queues an event delivery; false when {@code capacity} events are already waiting. */
    boolean offerEvent(Runnable delivery) {
        if (waitingEvents.incrementAndGet() > capacity) {
            waitingEvents.decrementAndGet();
            return false;
        }
        queue.add(() -> {
            waitingEvents.decrementAndGet();
            delivery.run();
        });
        return true;
    }

    /** Queues a connection callback; always accepted. */
    void control(Runnable callback) {
        queue.add(callback);
    }

    int capacity() {
        return capacity;
    }

    /** Delivers what is queued, then stops; waits up to {@code timeout} for that. */
    void close(Duration timeout) {
        queue.add(STOP);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void run() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("AMI listener failed; delivery goes on", e);
            }
        }
    }
}
