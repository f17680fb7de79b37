package org.genericconnector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the bench. {@code bench/run} (full: writes bench/results/&lt;date&gt;.json, its chart and the
 * results section of docs/benchmarks.md) or {@code bench/run --quick} (CI: prints ratios, compares them
 * with the last recorded run, exit status 1 on a regression). Options: {@code --repo DIR},
 * {@code --no-jmh}, {@code --no-scale}, {@code --no-core}, {@code --no-adapters}; {@code --adapters-only} runs the
 * adapter rows alone (bench/target/adapters-results.json).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<String> a = List.of(args);
        Path repo = a.contains("--repo") ? Path.of(a.get(a.indexOf("--repo") + 1)) : BenchOptions.findRepo(Path.of(""));
        BenchOptions o = a.contains("--quick") ? BenchOptions.quick(repo) : BenchOptions.full(repo);
        boolean adapters = !a.contains("--no-adapters");
        o = new BenchOptions(o.quick(), o.repo(), o.clients(), o.agents(), o.population(), o.windows(), o.rates(),
                o.warmup(), o.measure(), o.core() && !a.contains("--no-core"), o.scale() && !a.contains("--no-scale"),
                o.jmh() && !a.contains("--no-jmh"), adapters ? o.asteriskAgents() : 0, adapters ? o.finesseAgents() : 0);
        int status = a.contains("--adapters-only") ? adaptersOnly(o) : o.quick() ? quick(o).isEmpty() ? 0 : 1 : full(o);
        System.exit(status);
    }

    /** The quick run and its gate; returns the problems (empty: pass). */
    public static List<String> quick(BenchOptions o) throws Exception {
        long start = System.nanoTime();
        Map<String, Object> results = new BenchRun(o).run();
        JsonNode tree = Json.MAPPER.valueToTree(results);
        Path out = o.repo().resolve("bench/target/quick-results.json");
        Files.createDirectories(out.getParent());
        Json.MAPPER.writeValue(out.toFile(), tree);
        List<String> problems = RegressionGate.check(tree, RegressionGate.lastRecorded(o.results()));
        Measurements.log("quick run: %.0f s, %s", (System.nanoTime() - start) / 1e9,
                problems.isEmpty() ? "passed" : "FAILED: " + problems);
        return problems;
    }

    /** The adapter rows alone, written to bench/target/adapters-results.json; docs and bench/results stay as they are. */
    private static int adaptersOnly(BenchOptions o) throws Exception {
        BenchOptions full = BenchOptions.full(o.repo());
        Map<String, Object> results = new BenchRun(new BenchOptions(false, o.repo(), full.clients(), full.agents(), full.population(),
                full.windows(), full.rates(), full.warmup(), full.measure(), false, false, false, full.asteriskAgents(),
                full.finesseAgents())).runAdaptersOnly();
        Path out = o.repo().resolve("bench/target/adapters-results.json");
        Files.createDirectories(out.getParent());
        Json.MAPPER.writeValue(out.toFile(), results);
        JsonNode tree = Json.MAPPER.valueToTree(results);
        tree.path("adapters").fields().forEachRemaining(f -> Measurements.log("%s: %s, throughput ratio %s", f.getKey(),
                f.getValue().path("status").asText(), f.getValue().path("ratios").path("throughput").asText("-")));
        Measurements.log("results: %s", out);
        return 0;
    }

    private static int full(BenchOptions o) throws Exception {
        Map<String, Object> results = new BenchRun(o).run();
        JsonNode tree = Json.MAPPER.valueToTree(results);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Files.createDirectories(o.results());
        Path json = o.results().resolve(date + ".json");
        Json.MAPPER.writeValue(json.toFile(), tree);
        String chart = date + "-latency.png";
        LatencyChart.write(tree.path("openwire"), "GetState round trips, OpenWire clients: baseline (echo) vs connector (sandbox)",
                o.results().resolve(chart));
        Report.update(o.repo().resolve("docs/benchmarks.md"), tree, json.getFileName().toString(), "../bench/results/" + chart);
        Measurements.log("results: %s, chart %s, docs/benchmarks.md updated", json, chart);
        for (JsonNode t : tree.path("targets")) {
            Measurements.log("target %s %s: %s (%s)", t.path("target").asText(), t.path("goal").asText(),
                    t.path("value").asText(), t.path("met").asText());
        }
        return 0;
    }
}
