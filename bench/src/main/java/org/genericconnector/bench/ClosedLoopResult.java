package org.genericconnector.bench;

/**
 * A closed-loop run: {@code window} commands in flight in all (spread over the clients), each answer
 * releasing the next command; the machine's 1-minute load average at its end. Immutable.
 */
public record ClosedLoopResult(int window, double roundTripsPerSecond, long answered, long unanswered, long errors,
                               Latency latency, double loadAverage1m) {
}
