package org.genericconnector.connector.transport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
 * One JMS session with its anonymous producer, a bounded FIFO queue of messages for it, and a sender thread.
 * Whoever sends does so under {@code sending}, taking messages from the queue in order: the sender thread
 * when {@link #wake woken}, or a mailbox thread through {@link #drain} — so a message is sent by the first
 * free thread without a hand-off, the session is never used by two threads at once, and the lane's messages
 * leave in the order they were queued. Thread-safe.
 */
final class SendLane {
    private static final Logger LOG = LoggerFactory.getLogger(SendLane.class);

    private final Session session;
    private final MessageProducer producer;
    private final BlockingQueue<Outbound> queue;
    private final ReentrantLock sending = new ReentrantLock();
    private final Thread thread;
    private volatile boolean closed;
    /** Set under {@code sending} once the session is closed. */
    private boolean sessionClosed;

    SendLane(Connection connection, int capacity, String threadName) throws JMSException {
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setDisableMessageID(true);
        producer.setDisableMessageTimestamp(true);
        queue = new ArrayBlockingQueue<>(capacity);
        thread = Thread.ofPlatform().name(threadName).daemon(true).start(this::run);
    }

    /** Queues a message; false when the queue is full. Never blocks. */
    boolean offer(Outbound message) {
        return queue.offer(message);
    }

    /** Has the sender thread send what is queued (unless another thread is at it already). */
    void wake() {
        LockSupport.unpark(thread);
    }

    /**
     * Sends everything queued from the calling thread, unless another thread is sending on this lane: that
     * one then sends it, since it looks at the queue again after letting go. May block on the broker.
     */
    void drain() {
        do {
            if (!sending.tryLock()) {
                return;
            }
            try {
                sendQueued();
            } finally {
                sending.unlock();
            }
        } while (!queue.isEmpty());
    }

    /** Under {@code sending}. */
    private void sendQueued() {
        if (sessionClosed) {
            return;
        }
        for (Outbound m = queue.poll(); m != null; m = queue.poll()) {
            deliver(m);
        }
    }

    private void run() {
        while (!closed) {
            LockSupport.park(this);
            drain();
        }
    }

    private void deliver(Outbound m) {
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

    /**
     * Stops the sender thread, sends what is still queued (waiting up to {@code nanos} for a thread that is
     * sending now), and closes the session.
     */
    void close(long nanos) {
        closed = true;
        wake();
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
            if (sending.tryLock(nanos, TimeUnit.NANOSECONDS)) {
                try {
                    sendQueued();
                    sessionClosed = true;
                    session.close();
                } finally {
                    sending.unlock();
                }
            } else {
                LOG.warn("GC-SEND-FAILED {} events not sent on stop: the broker did not take them in time", queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("closing a sender session", e);
        }
    }
}
