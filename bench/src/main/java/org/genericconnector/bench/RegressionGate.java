package org.genericconnector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The quick mode's verdict. On its own: every command of the quick run answered, no error, every agent
 * logged in. Against the last recorded full run (newest bench/results/*.json): it compares ratios only,
 * never absolute times, with a generous tolerance so that a loaded CI machine does not fail it — the
 * connector/baseline throughput ratio must stay above half of the recorded one, and the p99 ratio at
 * 1,000/s may not exceed five times the recorded one while also adding more than 20 ms.
 */
final class RegressionGate {
    static final double THROUGHPUT_FLOOR = 0.5;
    static final double P99_CEILING = 5.0;
    static final double P99_ADDED_SLACK_MS = 20.0;

    private RegressionGate() {
    }

    /** The problems found; empty when the quick run passes. */
    static List<String> check(JsonNode quick, Optional<JsonNode> recorded) {
        List<String> problems = new ArrayList<>(ownChecks(quick));
        JsonNode ratios = quick.path("openwire").path("ratios");
        double throughput = ratios.path("throughput").asDouble();
        double p99 = p99Ratio(ratios, 1000);
        double added = Ratios.addedP99(Json.MAPPER.convertValue(ratios, java.util.Map.class), 1000);
        Measurements.log("quick: throughput ratio %.2f, p99 ratio at 1000/s %.2f (added %.2f ms)", throughput, p99, added);
        if (recorded.isEmpty()) {
            Measurements.log("quick: no recorded results in bench/results; own checks only");
            return problems;
        }
        JsonNode rec = recorded.get().path("openwire").path("ratios");
        // the same window as the quick run if the full run measured it, else its best window
        String window = quick.path("openwire").path("ratios").path("throughputByWindow").fieldNames().hasNext()
                ? quick.path("openwire").path("ratios").path("throughputByWindow").fieldNames().next() : "";
        double recThroughput = rec.path("throughputByWindow").path(window).asDouble(rec.path("throughput").asDouble());
        double recP99 = p99Ratio(rec, 1000);
        Measurements.log("quick: recorded throughput ratio %.2f (%s in flight), p99 ratio at 1000/s %.2f", recThroughput,
                window.isEmpty() ? "best" : window, recP99);
        if (throughput < THROUGHPUT_FLOOR * recThroughput) {
            problems.add(String.format("throughput ratio %.2f is below half of the recorded %.2f", throughput, recThroughput));
        }
        if (recP99 > 0 && p99 > P99_CEILING * recP99 && added > P99_ADDED_SLACK_MS) {
            problems.add(String.format("p99 ratio at 1000/s %.2f exceeds %.0fx the recorded %.2f (adding %.1f ms)", p99,
                    P99_CEILING, recP99, added));
        }
        return problems;
    }

    private static List<String> ownChecks(JsonNode r) {
        List<String> problems = new ArrayList<>();
        JsonNode login = r.path("login");
        if (login.path("loggedIn").asLong() != login.path("agents").asLong()) {
            problems.add("only " + login.path("loggedIn").asLong() + " of " + login.path("agents").asLong() + " agents logged in");
        }
        for (String system : new String[] {"baseline", "connector"}) {
            JsonNode s = r.path("openwire").path(system);
            for (String loop : new String[] {"closedLoop", "openLoop"}) {
                for (JsonNode run : s.path(loop)) {
                    if (run.path("unanswered").asLong() > 0 || run.path("errors").asLong() > 0) {
                        problems.add(system + " " + loop + " " + run.path(loop.equals("openLoop") ? "rate" : "window").asInt()
                                + ": " + run.path("unanswered").asLong() + " unanswered, " + run.path("errors").asLong()
                                + " errors " + s.path("errorSamples"));
                    }
                }
            }
        }
        return problems;
    }

    private static double p99Ratio(JsonNode ratios, int rate) {
        for (JsonNode l : ratios.path("latency")) {
            if (l.path("rate").asInt() == rate) {
                return l.path("p99").asDouble();
            }
        }
        return 0;
    }

    /** The newest full run in {@code dir} (file names are dates, so the last name is the newest). */
    static Optional<JsonNode> lastRecorded(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> runs = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            for (int i = runs.size() - 1; i >= 0; i--) {
                JsonNode n = Json.MAPPER.readTree(runs.get(i).toFile());
                if ("full".equals(n.path("mode").asText())) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }
}
