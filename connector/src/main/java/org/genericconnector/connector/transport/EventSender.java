package org.genericconnector.connector.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to clients over a few {@link SendLane}s (each one JMS session, since sessions are
 * single-threaded, with a bounded queue and a sender thread). A destination always maps to the same lane,
 * whose queue is FIFO, so every client (and so every agent) gets its events in the order they were queued.
 * Two ways in, neither blocks:
 * <ul>
 *   <li>{@link #send}: queue and wake the lane's sender thread — for any thread that must not wait on the
 *   broker (the JMS listener, adapter threads, the link monitor);</li>
 *   <li>{@link #queue} then {@link #flush}: a mailbox thread queues the events of its task as they come
 *   and, once the task has left the adapter, sends them itself; no other thread is woken, which saves a
 *   command a hand-off. If the lane is busy, the thread sending on it takes them along.</li>
 * </ul>
 * A full queue drops the message with the warning {@code GC-SEND-FULL} rather than stall a caller.
 * Thread-safe.
 */
public final class EventSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventSender.class);

    private final List<SendLane> lanes = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    public EventSender(Connection connection, int laneCount, int queueCapacity) throws JMSException {
        try {
            for (int i = 0; i < laneCount; i++) {
                lanes.add(new SendLane(connection, queueCapacity, "gc-sender-" + i));
            }
        } catch (JMSException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Queues a message and wakes its lane's sender thread; false (and a warning) when closed or full. */
    public boolean send(Outbound message) {
        SendLane lane = laneOf(message.shardKey());
        if (!offer(lane, message)) {
            return false;
        }
        lane.wake();
        return true;
    }

    /**
     * Queues a message without waking anyone: the caller sends it with {@link #flush} for the same shard key
     * when it may wait on the broker (a mailbox thread, after the adapter returned). False when closed or full.
     */
    public boolean queue(Outbound message) {
        return offer(laneOf(message.shardKey()), message);
    }

    /**
     * Sends what is queued on the lane of {@code shardKey} from the calling thread, unless another thread is
     * sending on it (which then sends it). Blocks only as long as the broker takes to accept the messages.
     */
    public void flush(String shardKey) {
        laneOf(shardKey).drain();
    }

    private SendLane laneOf(String shardKey) {
        return lanes.get(Math.floorMod(shardKey.hashCode(), lanes.size()));
    }

    private boolean offer(SendLane lane, Outbound message) {
        if (closed) {
            LOG.debug("sender closed; not sending {} to {}", message.eventType(), message.destination());
            return false;
        }
        if (!lane.offer(message)) {
            long n = dropped.incrementAndGet();
            LOG.warn("GC-SEND-FULL send queue full: dropped {} for agent {} to {} ({} dropped so far)",
                    message.eventType(), message.agent(), message.destination(), n);
            return false;
        }
        return true;
    }

    /** Stops taking messages, sends what is queued (for up to about five seconds in all), then closes the lanes. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (SendLane lane : lanes) {
            lane.close(Math.max(1, deadline - System.nanoTime()));
        }
    }
}
