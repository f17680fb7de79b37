package org.genericconnector.bench;

/**
 * An open-loop run at a fixed rate: latency measured from each command's intended send time.
 * {@code held}: every command answered without error and p99 within {@link RoundTrips#HELD_P99_MS}.
 * Immutable.
 */
public record OpenLoopResult(int rate, double achievedPerSecond, long sent, long answered, long unanswered, long errors,
                             double maxSendLagMs, Latency latency, boolean held) {
}
