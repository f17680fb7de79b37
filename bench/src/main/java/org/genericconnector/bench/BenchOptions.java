package org.genericconnector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one bench run does. The full run measures everything issue 9 asks for (several minutes); the quick
 * run (CI) measures the OpenWire baseline and connector at one window and one rate, to compare ratios.
 * The adapter rows run in the full mode only ({@code asteriskAgents}, {@code finesseAgents}: 0 skips one).
 *
 * @param repo     the repository root (conf/, bench/results/, docs/)
 * @param agents   agents logged in for the round trips (spread over {@code clients} destinations)
 * @param windows  closed-loop commands in flight per client, the best one counts
 * @param rates    open-loop rates (commands/s); the full run adds the highest rate the baseline holds
 */
public record BenchOptions(boolean quick, Path repo, int clients, int agents, int population, List<Integer> windows,
                           List<Integer> rates, Duration warmup, Duration measure, boolean core, boolean scale,
                           boolean jmh, int asteriskAgents, int finesseAgents) {
    /**
     * Agents of the Asterisk row. Every Connect and every Login checks the agent's PBKDF2 hash (at least
     * 100,000 iterations): 1,000 agents sent at once on the 2-core machine logged in only 55, the others'
     * QueueAdd hitting the adapter's 5 s action timeout.
     */
    public static final int ASTERISK_AGENTS = 200;
    /**
     * Agents of the Finesse row: the adapter keeps one XMPP session per agent, two platform threads each
     * (Smack), and logins against prosody take tens of seconds per thousand on two cores (docs/FINESSE.md, scale).
     */
    public static final int FINESSE_AGENTS = 200;

    public static BenchOptions full(Path repo) {
        return new BenchOptions(false, repo, 10, 1000, 10_000, List.of(1, 4, 16, 64), List.of(500, 1000, 2000, 3000),
                Duration.ofSeconds(3), Duration.ofSeconds(10), true, true, true, ASTERISK_AGENTS, FINESSE_AGENTS);
    }

    public static BenchOptions quick(Path repo) {
        return new BenchOptions(true, repo, 10, 1000, 1000, List.of(4), List.of(1000),
                Duration.ofSeconds(2), Duration.ofSeconds(4), false, false, false, 0, 0);
    }

    /** Whether any adapter row runs. */
    public boolean adapters() {
        return asteriskAgents > 0 || finesseAgents > 0;
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
