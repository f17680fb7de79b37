package org.genericconnector.connector.dispatch;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's ordered, bounded queue of work. No thread waits on an idle mailbox: the first task offered
 * to an empty mailbox starts a drain on the executor (a new virtual thread), which runs tasks one at a
 * time until the queue is empty. So an agent's commands never overlap and keep their order, and a slow
 * ACD call holds up only its own agent. Thread-safe.
 */
final class AgentMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(AgentMailbox.class);

    private final String agentId;
    private final int capacity;
    private final Executor executor;
    private final Queue<MailboxTask> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile MailboxTask current;

    AgentMailbox(String agentId, int capacity, Executor executor) {
        this.agentId = agentId;
        this.capacity = capacity;
        this.executor = executor;
    }

    /** Queues a task; false when {@code capacity} tasks already wait or run. */
    boolean offer(MailboxTask task) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            return false;
        }
        queue.add(task);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        do {
            for (MailboxTask task = queue.poll(); task != null; task = queue.poll()) {
                current = task;
                runSafely(task);
                current = null;
                pending.decrementAndGet();
            }
            draining.set(false);
            // A task offered between the last poll and the reset would otherwise wait for the next offer.
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private void runSafely(MailboxTask task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("GC-TASK-FAILED task for agent {} failed", agentId, e);
        }
    }

    /** Fails every task not yet started; returns how many. */
    int failQueued(String reason) {
        int n = 0;
        for (MailboxTask task = queue.poll(); task != null; task = queue.poll()) {
            pending.decrementAndGet();
            task.fail(reason);
            n++;
        }
        return n;
    }

    /** Fails the task running now, if any (it outlived the stop's grace period); true if there was one. */
    boolean failRunning(String reason) {
        MailboxTask task = current;
        if (task == null) {
            return false;
        }
        task.fail(reason);
        return true;
    }

    boolean isIdle() {
        return pending.get() == 0;
    }
}
