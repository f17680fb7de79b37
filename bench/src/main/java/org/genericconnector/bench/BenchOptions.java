package org.genericconnector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one bench run does. The full run measures everything issue 9 asks for (several minutes); the quick
 * run (CI) measures the OpenWire baseline and connector at one window and one rate, to compare ratios.
 *
 * @param repo     the repository root (conf/, bench/results/, docs/)
 * @param agents   agents logged in for the round trips (spread over {@code clients} destinations)
 * @param windows  closed-loop commands in flight per client, the best one counts
 * @param rates    open-loop rates (commands/s); the full run adds the highest rate the baseline holds
 */
public record BenchOptions(boolean quick, Path repo, int clients, int agents, int population, List<Integer> windows,
                           List<Integer> rates, Duration warmup, Duration measure, boolean core, boolean scale,
                           boolean jmh) {
    public static BenchOptions full(Path repo) {
        return new BenchOptions(false, repo, 10, 1000, 10_000, List.of(1, 4, 16, 64), List.of(500, 1000, 2000, 3000),
                Duration.ofSeconds(3), Duration.ofSeconds(10), true, true, true);
    }

    public static BenchOptions quick(Path repo) {
        return new BenchOptions(true, repo, 10, 1000, 1000, List.of(4), List.of(1000),
                Duration.ofSeconds(2), Duration.ofSeconds(4), false, false, false);
    }

    public Path conf() {
        return repo.resolve("conf");
    }

    public Path results() {
        return repo.resolve("bench").resolve("results");
    }

    /** Finds the repository root from {@code start} (the folder holding conf/broker.xml and bench/). */
    public static Path findRepo(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("conf/broker.xml")) && Files.isDirectory(p.resolve("bench"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (conf/broker.xml and bench/) above " + start);
    }
}
