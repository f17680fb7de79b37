package org.genericconnector.simulator.model;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Runs delayed tasks (wrap-up timers, ring timeouts) against a clock. {@link SimulatedTimers} for tests and
 * repeatable runs, {@link ExecutorTimers} for real time. Implementations are thread-safe.
 */
public interface TimerService extends AutoCloseable {

    /** The clock the delays are measured on. */
    InstantSource clock();

    /** Runs {@code task} once, {@code delay} from now; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    @Override
    void close();

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
