package org.genericconnector.asterisk.ami;

import java.time.Duration;

/**
 * The client's only source of time: action and login timeouts, Ping ticks and reconnect delays are
 * all scheduled here, so tests move a manual scheduler instead of sleeping.
 *
 * <p>Implementations are thread-safe. Tasks are short and must not block; they may run on any thread.
 */
public interface AmiScheduler {

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @param purpose a short name for logs and tests: {@code action-timeout}, {@code login-timeout},
     *                {@code ping}, {@code reconnect}
     */
    Cancellable schedule(String purpose, Duration delay, Runnable task);

    /** A scheduled task that can be called off; cancelling twice or after it ran does nothing. */
    interface Cancellable {
        void cancel();
    }
}
