package org.genericconnector.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/**
 * Simulated time: the clock stands still until {@link #advance} moves it, running every task that falls due,
 * in due order (ties in scheduling order), on the calling thread. Thread-safe; tasks run outside its lock.
 */
public final class SimulatedTimers implements TimerService, InstantSource {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public SimulatedTimers(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public InstantSource clock() {
        return this;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), sequence++, task);
        tasks.add(t);
        return () -> cancel(t);
    }

    /** Moves the clock forward by {@code step}, running the tasks that fall due on the way. */
    public void advance(Duration step) {
        Instant target;
        synchronized (this) {
            target = now.plus(step);
        }
        Task due;
        while ((due = nextDue(target)) != null) {
            due.action.run();
        }
        synchronized (this) {
            now = target;
        }
    }

    /** Runs the tasks due now without moving the clock. */
    public void tick() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait to run. */
    public synchronized int pending() {
        return tasks.size();
    }

    private synchronized Task nextDue(Instant target) {
        Task head = tasks.peek();
        if (head == null || head.due.isAfter(target)) {
            return null;
        }
        tasks.poll();
        now = head.due.isAfter(now) ? head.due : now;
        return head;
    }

    private synchronized void cancel(Task task) {
        tasks.remove(task);
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }

    private record Task(Instant due, long order, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
