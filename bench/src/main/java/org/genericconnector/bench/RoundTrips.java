package org.genericconnector.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import jakarta.jms.JMSException;

/**
 * Command round trips (a {@link Workload}'s command, answered by one State event) driven over a {@link Fleet}:
 * a closed loop for the most round trips per second, and an open loop at a fixed rate whose latency
 * counts from each command's intended send time, so a stalled generator or broker cannot hide its
 * queueing (no coordinated omission). Not thread-safe: one run at a time.
 */
final class RoundTrips {
    /** An open-loop rate is held when every command is answered and p99 stays at or below this. */
    static final double HELD_P99_MS = 50.0;
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final Fleet fleet;
    private final Workload.Turns turns;
    private final AtomicLong sendErrors = new AtomicLong();

    RoundTrips(Fleet fleet, Workload workload) {
        this.fleet = fleet;
        this.turns = new Workload.Turns(workload, fleet.first() + fleet.agents());
    }

    ClosedLoopResult closedLoop(int windowPerClient, Duration warmup, Duration measure) throws InterruptedException {
        Tracker tracker = new Tracker();
        AtomicLong ids = new AtomicLong();
        AtomicLongArray nextAgent = new AtomicLongArray(fleet.size());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        tracker.onAnswer(client -> {
            if (running.get()) {
                sendNext(tracker, ids, nextAgent, fleet.clients().indexOf(client));
            }
        });
        fleet.sink(tracker);
        for (int c = 0; c < fleet.size(); c++) {
            for (int w = 0; w < windowPerClient; w++) {
                sendNext(tracker, ids, nextAgent, c);
            }
        }
        Thread.sleep(warmup.toMillis());
        long a0 = tracker.answered();
        long t0 = System.nanoTime();
        tracker.recordFrom(ids.get());
        Thread.sleep(measure.toMillis());
        long a1 = tracker.answered();
        long t1 = System.nanoTime();
        running.set(false);
        awaitAnswers(tracker, ids.get());
        double rps = (a1 - a0) / ((t1 - t0) / 1e9);
        return new ClosedLoopResult(windowPerClient * fleet.size(), round(rps), tracker.answered(),
                ids.get() - tracker.answered(), tracker.errors() + sendErrors.getAndSet(0), Latency.of(tracker.histogram()),
                MachineInfo.loadAverage1m());
    }

    private void sendNext(Tracker tracker, AtomicLong ids, AtomicLongArray nextAgent, int c) {
        long id = ids.getAndIncrement();
        int agent = fleet.agentOf(c, nextAgent.getAndIncrement(c));
        tracker.sending(id, System.nanoTime());
        send(tracker, fleet.clients().get(c), agent, id);
    }

    private void send(Tracker tracker, LoadClient client, int agent, long id) {
        try {
            Workload.Command command = turns.next(fleet.target(), agent, fleet.population().agentId(agent));
            client.send(command.jmsType(), command.body(), tracker.correlation(id));
        } catch (JMSException | RuntimeException e) {
            sendErrors.incrementAndGet();
        }
    }

    OpenLoopResult openLoop(int rate, Duration warmup, Duration measure) throws InterruptedException {
        Tracker tracker = new Tracker();
        fleet.sink(tracker);
        long warmCount = rate * warmup.toMillis() / 1000;
        long total = warmCount + rate * measure.toMillis() / 1000;
        tracker.recordFrom(warmCount);
        long[] perClient = new long[fleet.size()];
        long start = System.nanoTime() + 20_000_000L;
        long maxLag = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + i * 1_000_000_000L / rate;
            long now = System.nanoTime();
            while (now < intended) {
                LockSupport.parkNanos(intended - now);
                now = System.nanoTime();
            }
            if (i >= warmCount) {
                maxLag = Math.max(maxLag, now - intended);
            }
            int c = (int) (i % fleet.size());
            tracker.sending(i, intended);
            send(tracker, fleet.clients().get(c), fleet.agentOf(c, perClient[c]++), i);
        }
        awaitAnswers(tracker, total);
        long measureStart = start + warmCount * 1_000_000_000L / rate;
        double span = (tracker.lastAnswerNanos() - measureStart) / 1e9;
        double achieved = span > 0 ? tracker.recorded() / span : 0;
        long errors = tracker.errors() + sendErrors.getAndSet(0);
        long unanswered = total - tracker.answered();
        Latency latency = Latency.of(tracker.histogram());
        boolean held = unanswered == 0 && errors == 0 && latency.p99() <= HELD_P99_MS;
        return new OpenLoopResult(rate, round(achieved), total, tracker.answered(), unanswered, errors,
                maxLag / 1_000_000.0, latency, held, MachineInfo.loadAverage1m());
    }

    private static void awaitAnswers(Tracker tracker, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (tracker.answered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
