package org.genericconnector.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SimulatedTimersTest {
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    void tasksRunInDueOrderWithTheClockAtTheirDueTime() {
        SimulatedTimers timers = new SimulatedTimers(T0);
        List<String> ran = new ArrayList<>();
        timers.schedule(Duration.ofSeconds(10), () -> ran.add("b@" + timers.instant()));
        timers.schedule(Duration.ofSeconds(5), () -> ran.add("a@" + timers.instant()));
        timers.schedule(Duration.ofSeconds(10), () -> ran.add("c@" + timers.instant()));
        timers.advance(Duration.ofSeconds(9));
        assertThat(ran).containsExactly("a@2026-01-05T08:00:05Z");
        timers.advance(Duration.ofSeconds(30));
        assertThat(ran).containsExactly("a@2026-01-05T08:00:05Z", "b@2026-01-05T08:00:10Z", "c@2026-01-05T08:00:10Z");
        assertThat(timers.instant()).isEqualTo(T0.plusSeconds(39));
    }

    @Test
    void aCanceledTaskDoesNotRunAndATaskMayScheduleAnother() {
        SimulatedTimers timers = new SimulatedTimers(T0);
        List<String> ran = new ArrayList<>();
        timers.schedule(Duration.ofSeconds(1), () -> ran.add("never")).cancel();
        timers.schedule(Duration.ofSeconds(1), () -> timers.schedule(Duration.ofSeconds(1), () -> ran.add("chained")));
        timers.advance(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("chained");
        assertThat(timers.pending()).isZero();
    }

    @Test
    void executorTimersRunOnTheirOwnThread() throws InterruptedException {
        try (ExecutorTimers timers = new ExecutorTimers(java.time.InstantSource.system())) {
            CountDownLatch ran = new CountDownLatch(1);
            timers.schedule(Duration.ofMillis(1), ran::countDown);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
