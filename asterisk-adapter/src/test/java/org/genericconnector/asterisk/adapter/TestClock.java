package org.genericconnector.asterisk.adapter;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.genericconnector.asterisk.ami.AmiScheduler;

/** Manual time for the adapter's timers (wrap-up, resync retries): tasks run only in {@link #advance}. */
final class TestClock implements AmiScheduler, InstantSource {
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Cancellable {
        final String purpose;
        final Instant due;
        final Runnable run;
        boolean cancelled;

        Task(String purpose, Instant due, Runnable run) {
            this.purpose = purpose;
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            synchronized (TestClock.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    @Override
    public synchronized Cancellable schedule(String purpose, Duration delay, Runnable task) {
        Task t = new Task(purpose, now.plus(delay), task);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized List<String> pending() {
        return tasks.stream().map(t -> t.purpose).toList();
    }

    /** Moves time on, running due tasks in order (outside this object's lock). */
    void advance(Duration d) {
        Instant end;
        synchronized (this) {
            end = now.plus(d);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.due.isAfter(end)).min(Comparator.comparing(t -> t.due)).orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                tasks.remove(next);
                now = next.due;
            }
            next.run.run();
        }
    }
}
