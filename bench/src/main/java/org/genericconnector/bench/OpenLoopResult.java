package org.genericconnector.bench;

/**
 * An open-loop run at a fixed rate: latency measured from each command's intended send time.
 * {@code held}: every command answered without error and p99 within {@link RoundTrips#HELD_P99_MS}.
 * {@code loadAverage1m}: the machine's 1-minute load average at the end of the run. Immutable.
 */
public record OpenLoopResult(int rate, double achievedPerSecond, long sent, long answered, long unanswered, long errors,
                             double maxSendLagMs, Latency latency, boolean held, double loadAverage1m) {
}
