package org.genericconnector.asterisk.ami;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler whose time moves only when a test calls {@link #advance}. Due tasks run on the test's
 * thread. Tests wait for a task to be scheduled with {@link #awaitScheduled}, never by sleeping.
 * Thread-safe.
 */
final class ManualScheduler implements AmiScheduler, InstantSource {

    private static final Instant EPOCH = Instant.parse("2026-11-21T12:00:00Z");

    record Task(String purpose, long dueNanos, Duration delay, Runnable body) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;

    @Override
    public synchronized Cancellable schedule(String purpose, Duration delay, Runnable body) {
        Task task = new Task(purpose, nowNanos + delay.toNanos(), delay, body);
        tasks.add(task);
        notifyAll();
        return () -> cancel(task);
    }

    @Override
    public synchronized Instant instant() {
        return EPOCH.plusNanos(nowNanos);
    }

    /** Moves time forward, running every task that falls due, in due order. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowNanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                Optional<Task> due = tasks.stream().filter(t -> t.dueNanos() <= target)
                        .min(Comparator.comparingLong(Task::dueNanos));
                if (due.isEmpty()) {
                    nowNanos = target;
                    return;
                }
                next = due.get();
                tasks.remove(next);
                nowNanos = Math.max(nowNanos, next.dueNanos());
            }
            next.body().run();
        }
    }

    /** Waits until a task for {@code purpose} is pending and returns the delay it was scheduled with. */
    synchronized Duration awaitScheduled(String purpose) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<Task> task = tasks.stream().filter(t -> t.purpose().equals(purpose)).findFirst();
            if (task.isPresent()) {
                return task.get().delay();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no '" + purpose + "' task was scheduled; pending: " + tasks);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<String> pending() {
        return tasks.stream().map(Task::purpose).toList();
    }

    private synchronized void cancel(Task task) {
        tasks.remove(task);
    }
}
