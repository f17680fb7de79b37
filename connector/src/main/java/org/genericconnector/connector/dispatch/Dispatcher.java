package org.genericconnector.connector.dispatch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work per agent: one {@link AgentMailbox} per agent, drained on virtual threads, different agents
 * in parallel. Thread-safe.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ConcurrentHashMap<String, AgentMailbox> mailboxes = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gc-agent-", 0).factory());
    private final int capacity;
    private volatile boolean closed;

    public Dispatcher(int mailboxCapacity) {
        this.capacity = mailboxCapacity;
    }

    /** Queues work for an agent; false when its mailbox is full or the dispatcher is stopping. */
    public boolean submit(String agentId, MailboxTask task) {
        if (closed) {
            return false;
        }
        return mailboxes.computeIfAbsent(agentId, id -> new AgentMailbox(id, capacity, executor)).offer(task);
    }

    /** Drops an agent's mailbox if it is idle (its session ended); a busy one stays until drained. */
    public void forget(String agentId) {
        mailboxes.computeIfPresent(agentId, (id, m) -> m.isIdle() ? null : m);
    }

    /**
     * Stops taking work, lets running and queued work finish for up to {@code grace}, then fails what
     * is still queued, and what is still running, through {@link MailboxTask#fail}.
     */
    public void shutdown(Duration grace) {
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !mailboxes.values().stream().allMatch(AgentMailbox::isIdle)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        int failed = mailboxes.values().stream().mapToInt(m -> m.failQueued("connector stopping")).sum();
        long running = mailboxes.values().stream().filter(m -> m.failRunning("still running at the ACD when the connector stopped")).count();
        if (failed + running > 0) {
            LOG.warn("GC-STOP-FAILED {} queued and {} running commands failed with PLEASE_RETRY on stop", failed, running);
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("GC-STOP-BUSY commands still running at the ACD after the grace period");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
