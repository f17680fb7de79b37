package org.genericconnector.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;

/**
 * The baseline and the connector measured over one fleet, in pairs: each closed-loop window and each
 * open-loop rate runs against the echo baseline and right after against the connector, so that both
 * see the same machine load (other processes on a shared machine shift it from minute to minute).
 * Not thread-safe.
 */
final class Measurements {
    private Measurements() {
    }

    /**
     * The measurements of one system: the best closed-loop run per window and the best open-loop run per
     * rate (lowest p99: load from other processes only ever adds latency); {@code allRuns} has every run.
     */
    record SystemResult(List<ClosedLoopResult> closedLoop, List<OpenLoopResult> openLoop, List<Object> allRuns,
                        List<String> errorSamples) {
        ClosedLoopResult best() {
            return closedLoop.stream().max(Comparator.comparingDouble(ClosedLoopResult::roundTripsPerSecond)).orElseThrow();
        }

        int highestHeld() {
            return openLoop.stream().filter(OpenLoopResult::held).mapToInt(OpenLoopResult::rate).max().orElse(0);
        }

        OpenLoopResult at(int rate) {
            return openLoop.stream().filter(r -> r.rate() == rate).findFirst().orElse(null);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("maxRoundTripsPerSecond", best().roundTripsPerSecond());
            m.put("bestWindow", best().window());
            m.put("highestHeldRate", highestHeld());
            m.put("closedLoop", closedLoop);
            m.put("openLoop", openLoop);
            m.put("allRuns", allRuns);
            m.put("errorSamples", errorSamples);
            return m;
        }
    }

    /** Baseline and connector results of one fleet. */
    record Pair(SystemResult baseline, SystemResult connector) {
    }

    /** Where a fleet's commands go for each system. */
    record Targets(String baselineTopic, String connectorTopic) {
    }

    /**
     * Measures both systems. With {@code searchHighest}, higher rates are tried (the highest given plus
     * 1,000/s, then about a third more each time, rounded to 1,000/s) while the baseline holds them, up to
     * 1.2 times its closed-loop maximum.
     */
    static Pair measure(String label, Fleet fleet, Targets targets, BenchOptions o, int repeats, List<Integer> windows, List<Integer> rates,
                        boolean searchHighest) throws InterruptedException, JMSException {
        Comparison c = new Comparison(label, fleet, Workload.GET_STATE, targets, o);
        c.warmUp();
        c.closed(windows, repeats);
        c.open(rates, repeats);
        if (searchHighest) {
            c.searchHighest(rates);
        }
        return c.pair();
    }

    /**
     * The baseline and the connector over one fleet, step by step: each closed-loop window and each open-loop
     * rate runs against the baseline and right after against the connector. Not thread-safe.
     */
    static final class Comparison {
        private final String label;
        private final Fleet fleet;
        private final Targets targets;
        private final BenchOptions o;
        private final RoundTrips rt;
        private final Runs base;
        private final Runs conn;

        Comparison(String label, Fleet fleet, Workload workload, Targets targets, BenchOptions o) {
            this.label = label;
            this.fleet = fleet;
            this.targets = targets;
            this.o = o;
            this.rt = new RoundTrips(fleet, workload);
            this.base = new Runs(label + " baseline", targets.baselineTopic());
            this.conn = new Runs(label + " connector", targets.connectorTopic());
        }

        void warmUp() throws InterruptedException, JMSException {
            Duration warm = o.quick() ? Duration.ofSeconds(4) : Duration.ofSeconds(8);
            for (String topic : new String[] {targets.baselineTopic(), targets.connectorTopic()}) {
                log("%s: warm-up on %s", label, topic);
                fleet.target(topic);
                rt.closedLoop(4, Duration.ZERO, warm);
            }
        }

        void closed(List<Integer> windows, int repeats) throws InterruptedException, JMSException {
            for (int rep = 0; rep < repeats; rep++) {
                for (int w : windows) {
                    base.closed(fleet, rt, w, o);
                    conn.closed(fleet, rt, w, o);
                }
            }
        }

        /** Each rate {@code repeats} times per system, the first system alternating. */
        void open(List<Integer> rates, int repeats) throws InterruptedException, JMSException {
            for (int rate : rates) {
                for (int rep = 0; rep < repeats; rep++) {
                    Runs firstRun = rep % 2 == 0 ? base : conn;
                    Runs secondRun = rep % 2 == 0 ? conn : base;
                    firstRun.open(fleet, rt, rate, o);
                    secondRun.open(fleet, rt, rate, o);
                }
            }
        }

        void searchHighest(List<Integer> rates) throws InterruptedException, JMSException {
            double best = baselineMaximum();
            int top = rates.stream().mapToInt(Integer::intValue).max().orElse(0);
            boolean held = base.openBest.values().stream().allMatch(OpenLoopResult::held);
            for (int rate = top + 1000; held && rate <= best * 1.2; rate = Math.max(rate + 1000, (int) Math.round(rate * 1.33 / 1000) * 1000)) {
                held = base.open(fleet, rt, rate, o).held();
                conn.open(fleet, rt, rate, o);
            }
        }

        double baselineMaximum() {
            return base.closed.stream().mapToDouble(ClosedLoopResult::roundTripsPerSecond).max().orElse(0);
        }

        double connectorMaximum() {
            return conn.closed.stream().mapToDouble(ClosedLoopResult::roundTripsPerSecond).max().orElse(0);
        }

        Pair pair() {
            List<String> errors = ErrorSamples.drain();
            return new Pair(base.result(errors), conn.result(errors));
        }
    }

    /** The runs of one system; the best closed-loop run per window and open-loop run per rate kept. */
    private static final class Runs {
        private final String label;
        private final String topic;
        private final Map<Integer, ClosedLoopResult> closedBest = new LinkedHashMap<>();
        private final Map<Integer, OpenLoopResult> openBest = new LinkedHashMap<>();
        private final List<ClosedLoopResult> closed = new ArrayList<>();
        private final List<OpenLoopResult> open = new ArrayList<>();
        private final List<Object> all = new ArrayList<>();

        Runs(String label, String topic) {
            this.label = label;
            this.topic = topic;
        }

        void closed(Fleet fleet, RoundTrips rt, int windowPerClient, BenchOptions o) throws InterruptedException, JMSException {
            fleet.target(topic);
            ClosedLoopResult r = rt.closedLoop(windowPerClient, o.warmup(), o.measure());
            log("%s: closed loop, %d in flight: %.0f round trips/s, p99 %.2f ms, %d errors, %d unanswered", label,
                    r.window(), r.roundTripsPerSecond(), r.latency().p99(), r.errors(), r.unanswered());
            closed.add(r);
            all.add(r);
            closedBest.merge(r.window(), r, (a, b) -> b.roundTripsPerSecond() > a.roundTripsPerSecond() ? b : a);
        }

        OpenLoopResult open(Fleet fleet, RoundTrips rt, int rate, BenchOptions o) throws InterruptedException, JMSException {
            fleet.target(topic);
            OpenLoopResult r = rt.openLoop(rate, o.warmup(), o.measure());
            Latency l = r.latency();
            log("%s: open loop %d/s: p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms, achieved %.0f/s, %d unanswered, %d errors%s",
                    label, rate, l.p50(), l.p99(), l.p999(), l.max(), r.achievedPerSecond(), r.unanswered(), r.errors(),
                    r.held() ? "" : " (not held)");
            open.add(r);
            all.add(r);
            openBest.merge(rate, r, (a, b) -> b.latency().p99() < a.latency().p99() ? b : a);
            return r;
        }

        SystemResult result(List<String> errors) {
            return new SystemResult(List.copyOf(closedBest.values()), List.copyOf(openBest.values()), List.copyOf(all), errors);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.flush();
    }
}
