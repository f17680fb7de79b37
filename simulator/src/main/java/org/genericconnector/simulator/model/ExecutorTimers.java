package org.genericconnector.simulator.model;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real time: one platform scheduler thread runs every task. Thread-safe. */
public final class ExecutorTimers implements TimerService {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTimers.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-timers");
        thread.setDaemon(true);
        return thread;
    });
    private final InstantSource clock;

    public ExecutorTimers(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A failing timer must not kill the scheduler thread for every other timer.
            LOG.warn("sandbox timer task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
