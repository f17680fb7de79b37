package org.genericconnector.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.bench.Measurements.SystemResult;

/** Connector figures divided by the baseline's, and the latency the connector adds, rate by rate. */
final class Ratios {
    private Ratios() {
    }

    static Map<String, Object> of(SystemResult baseline, SystemResult connector) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("throughput", ratio(connector.best().roundTripsPerSecond(), baseline.best().roundTripsPerSecond()));
        Map<String, Object> byWindow = new LinkedHashMap<>();
        for (ClosedLoopResult c : connector.closedLoop()) {
            baseline.closedLoop().stream().filter(b -> b.window() == c.window()).findFirst()
                    .ifPresent(b -> byWindow.put(String.valueOf(c.window()), ratio(c.roundTripsPerSecond(), b.roundTripsPerSecond())));
        }
        m.put("throughputByWindow", byWindow);
        List<Map<String, Object>> rates = new ArrayList<>();
        for (OpenLoopResult c : connector.openLoop()) {
            OpenLoopResult b = baseline.at(c.rate());
            if (b == null) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rate", c.rate());
            r.put("p50", ratio(c.latency().p50(), b.latency().p50()));
            r.put("p99", ratio(c.latency().p99(), b.latency().p99()));
            r.put("p999", ratio(c.latency().p999(), b.latency().p999()));
            r.put("max", ratio(c.latency().max(), b.latency().max()));
            r.put("addedP50Ms", round(c.latency().p50() - b.latency().p50()));
            r.put("addedP99Ms", round(c.latency().p99() - b.latency().p99()));
            rates.add(r);
        }
        m.put("latency", rates);
        return m;
    }

    static double ratio(double a, double b) {
        return b <= 0 ? 0 : Math.round(a / b * 100) / 100.0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The added p99 at {@code rate} from a ratios map, or NaN. */
    @SuppressWarnings("unchecked")
    static double addedP99(Map<String, Object> ratios, int rate) {
        for (Map<String, Object> r : (List<Map<String, Object>>) ratios.get("latency")) {
            if (((Number) r.get("rate")).intValue() == rate) {
                return ((Number) r.get("addedP99Ms")).doubleValue();
            }
        }
        return Double.NaN;
    }
}
