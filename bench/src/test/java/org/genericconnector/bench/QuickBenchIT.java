package org.genericconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The quick bench as a regression gate in the build's verify phase: baseline and connector over
 * OpenWire at one window and 1,000 commands/s, ratios compared with the last recorded full run
 * (bench/results/*.json) with a generous tolerance (see {@link RegressionGate}). Not a timed test: it
 * fails on unanswered commands, errors, or a ratio far off the recorded one.
 */
class QuickBenchIT {
    @Test
    void quickBenchKeepsTheRecordedRatios() throws Exception {
        Path repo = BenchOptions.findRepo(Path.of(System.getProperty("bench.repo", "..")));
        assertThat(BenchMain.quick(BenchOptions.quick(repo))).isEmpty();
    }
}
