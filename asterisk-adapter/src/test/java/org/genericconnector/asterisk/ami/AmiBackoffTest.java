package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AmiBackoffTest {

    private static final AmiBackoff BACKOFF = new AmiBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2,
            Duration.ofMinutes(5));

    @Test
    void delaysDoubleFromInitialUpToMax() {
        AmiBackoff exact = new AmiBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0, Duration.ofMinutes(5));
        assertThat(exact.delay(0, AmiFailureKind.IO, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(exact.delay(1, AmiFailureKind.IO, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(exact.delay(5, AmiFailureKind.TIMEOUT, 0.5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(exact.delay(6, AmiFailureKind.IO, 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(exact.delay(Integer.MAX_VALUE, AmiFailureKind.IO, 0.5)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterOnlyShortensTheDelay() {
        assertThat(BACKOFF.delay(3, AmiFailureKind.IO, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(BACKOFF.delay(3, AmiFailureKind.IO, 0.5)).isEqualTo(Duration.ofMillis(7200));
    }

    @Test
    void refusedCredentialsWaitAtLeastTheAuthFailureDelay() {
        assertThat(BACKOFF.delay(0, AmiFailureKind.AUTHENTICATION, 0.9)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new AmiBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmiBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everyDelayIsBoundedAndJitteredWithinItsBand(@ForAll @IntRange(min = 0, max = 1000) int attempt,
                                                     @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Duration d = BACKOFF.delay(attempt, AmiFailureKind.IO, random);
        Duration base = BACKOFF.delay(attempt, AmiFailureKind.IO, 0);
        assertThat(d).isLessThanOrEqualTo(base).isLessThanOrEqualTo(BACKOFF.max())
                .isGreaterThanOrEqualTo(Duration.ofNanos((long) (base.toNanos() * 0.8)));
        assertThat(BACKOFF.delay(attempt, AmiFailureKind.AUTHENTICATION, random)).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    }
}
