package org.genericconnector.asterisk.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconnect delays: {@code initial * 2^attempt}, capped at {@code max}, then shortened by up to
 * {@code jitter} (a fraction, 0 to 1) so that many connectors restarted together do not reconnect in
 * step. After an {@link AmiFailureKind#AUTHENTICATION} failure the delay is at least
 * {@code afterAuthFailure}: wrong credentials do not fix themselves, and Asterisk answers each attempt
 * only after a one-second penalty. Immutable.
 *
 * @param initial          the first delay, after a logged-in session drops (attempt 0)
 * @param max              the largest delay before jitter
 * @param jitter           the largest fraction taken off a delay, 0 for none
 * @param afterAuthFailure the smallest delay after refused credentials
 */
public record AmiBackoff(Duration initial, Duration max, double jitter, Duration afterAuthFailure) {

    /** 1 s doubling to 60 s, 20 % jitter, 5 min after refused credentials. */
    public static final AmiBackoff DEFAULT = new AmiBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2,
            Duration.ofMinutes(5));

    public AmiBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(afterAuthFailure, "afterAuthFailure");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max: " + initial + ", " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter must be within [0, 1]: " + jitter);
        }
    }

    /**
     * The delay before the next attempt.
     *
     * @param attempt how many attempts have failed in a row since the last successful login, from 0
     * @param kind    why the last attempt or session failed
     * @param random  a number in [0, 1) that picks the jitter
     */
    public Duration delay(int attempt, AmiFailureKind kind, double random) {
        Duration base = exponential(attempt);
        Duration jittered = base.minusNanos((long) (base.toNanos() * jitter * random));
        if (kind == AmiFailureKind.AUTHENTICATION && jittered.compareTo(afterAuthFailure) < 0) {
            return afterAuthFailure;
        }
        return jittered;
    }

    private Duration exponential(int attempt) {
        Duration d = initial;
        for (int i = 0; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
