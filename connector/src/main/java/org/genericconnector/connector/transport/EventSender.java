package org.genericconnector.connector.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to clients. JMS sessions are single-threaded, so each of a few sender threads owns one
 * session and one anonymous producer and drains its own bounded queue; a destination always maps to the
 * same thread, which keeps every client's (and so every agent's) events in order. Thread-safe:
 * {@link #send} may be called from any thread and never blocks; a full queue drops the message with a
 * warning rather than stall a caller.
 */
public final class EventSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventSender.class);
    private static final Outbound STOP = new Outbound(null, "", "", null, null, null, null);

    private final List<BlockingQueue<Outbound>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    public EventSender(Connection connection, int threadCount, int queueCapacity) throws JMSException {
        for (int i = 0; i < threadCount; i++) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.setDisableMessageID(true);
            producer.setDisableMessageTimestamp(true);
            BlockingQueue<Outbound> queue = new ArrayBlockingQueue<>(queueCapacity);
            queues.add(queue);
            Thread t = Thread.ofPlatform().name("gc-sender-" + i).daemon(true).unstarted(() -> run(session, producer, queue));
            threads.add(t);
            t.start();
        }
    }

    /** Queues a message; false (and a warning) when the sender is closed or the queue is full. */
    public boolean send(Outbound message) {
        if (closed) {
            LOG.debug("sender closed; not sending {} to {}", message.eventType(), message.destination());
            return false;
        }
        BlockingQueue<Outbound> queue = queues.get(Math.floorMod(message.shardKey().hashCode(), queues.size()));
        if (!queue.offer(message)) {
            long n = dropped.incrementAndGet();
            LOG.warn("GC-SEND-FULL send queue full: dropped {} for agent {} to {} ({} dropped so far)",
                    message.eventType(), message.agent(), message.destination(), n);
            return false;
        }
        return true;
    }

    private void run(Session session, MessageProducer producer, BlockingQueue<Outbound> queue) {
        try {
            for (Outbound m = queue.take(); m != STOP; m = queue.take()) {
                deliver(session, producer, m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                session.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("closing sender session", e);
            }
        }
    }

    private static void deliver(Session session, MessageProducer producer, Outbound m) {
        try {
            TextMessage message = session.createTextMessage(m.body());
            if (m.eventType() != null) {
                message.setJMSType("");
                message.setStringProperty("gcAgent", m.agent());
                message.setStringProperty("gcEvent", m.eventType());
                message.setStringProperty("gcCategory", m.category());
            }
            if (m.correlationId() != null) {
                message.setJMSCorrelationID(m.correlationId());
            }
            producer.send(m.destination(), message, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, 0);
        } catch (JMSException | RuntimeException e) {
            LOG.warn("GC-SEND-FAILED could not send {} for agent {} to {}: {}", m.eventType(), m.agent(), m.destination(), e.toString());
        }
    }

    /** Stops taking messages, sends what is queued (for up to about five seconds), then stops the threads. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (BlockingQueue<Outbound> q : queues) {
            try {
                if (!q.offer(STOP, 1, TimeUnit.SECONDS)) {
                    q.clear();
                    q.offer(STOP);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.interrupt();
        }
    }
}
