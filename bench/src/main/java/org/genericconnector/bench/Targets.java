package org.genericconnector.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Issue 9's targets for the connector on a 2-core machine, checked against a run's results. */
final class Targets {
    private Targets() {
    }

    static List<Map<String, Object>> evaluate(JsonNode r) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode ow = r.path("openwire").path("ratios");
        out.add(target("max round-trip throughput, connector/baseline", ">= 0.8", value(ow.path("throughput")), v -> v >= 0.8));
        double added = Double.NaN;
        for (JsonNode l : ow.path("latency")) {
            if (l.path("rate").asInt() == 1000) {
                added = l.path("addedP99Ms").asDouble();
            }
        }
        out.add(target("p99 added over the baseline at 1,000 commands/s (ms)", "<= 1", added, v -> v <= 1.0));
        JsonNode mem = r.path("memory");
        out.add(target("heap after GC with 10,000 sessions (MB, whole JVM)", "<= 512",
                value(mem.path("sessions10000").path("heapUsedMb")), v -> v <= 512));
        JsonNode burst = mem.path("loginBurst");
        double burstSeconds = burst.path("loggedIn").asInt() == 2000 ? burst.path("seconds").asDouble(Double.NaN) : failedIfPresent(burst);
        out.add(target("2,000 logins at once (s)", "<= 10", burstSeconds, v -> v <= 10));
        JsonNode rep = mem.path("republish");
        double repSeconds = !rep.isMissingNode() && rep.path("receivedEvents").asLong() >= rep.path("expectedEvents").asLong()
                ? rep.path("seconds").asDouble() : failedIfPresent(rep);
        out.add(target("all sessions re-published after an outage (s)", "<= 5", repSeconds, v -> v <= 5));
        return out;
    }

    private static double failedIfPresent(JsonNode n) {
        return n.isMissingNode() ? Double.NaN : Double.POSITIVE_INFINITY;
    }

    private static double value(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static Map<String, Object> target(String name, String goal, double value,
                                              java.util.function.DoublePredicate met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", name);
        m.put("goal", goal);
        m.put("value", Double.isNaN(value) ? null : Double.isInfinite(value) ? "incomplete" : value);
        m.put("met", Double.isNaN(value) ? "not measured" : Double.isInfinite(value) ? "missed" : met.test(value) ? "met" : "missed");
        return m;
    }
}
