package org.genericconnector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a run's results as Markdown into docs/benchmarks.md, between the markers
 * {@code <!-- results:begin -->} and {@code <!-- results:end -->}; the text around them is left alone.
 */
final class Report {
    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";

    private final StringBuilder md = new StringBuilder();

    private Report() {
    }

    static void update(Path doc, JsonNode r, String resultsName, String chartPath) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalStateException(doc + " has no " + BEGIN + " ... " + END + " markers");
        }
        String section = new Report().render(r, resultsName, chartPath);
        Files.writeString(doc, text.substring(0, b + BEGIN.length()) + "\n" + section + text.substring(e), StandardCharsets.UTF_8);
    }

    private String render(JsonNode r, String resultsName, String chartPath) {
        JsonNode m = r.path("machine");
        line("Run of " + r.path("date").asText() + " (`bench/results/" + resultsName + "`).");
        line("");
        line("**Machine:** " + m.path("cpu").asText() + ", " + m.path("cores").asInt() + " cores, "
                + m.path("memoryMb").asLong() + " MB memory; " + m.path("os").asText() + "; " + m.path("jdk").asText()
                + "; JVM options `" + m.path("jvmArgs").asText() + "`; **load average at start: " + m.path("loadAverage").asText()
                + "** (1/5/15 min); at the end: " + r.path("loadAverageEnd").asText("unknown") + ".");
        line("");
        targets(r);
        roundTrips(r.path("openwire"), "OpenWire clients (activemq-client)", chartPath, "sandbox");
        if (r.has("core")) {
            roundTrips(r.path("core"), "CORE clients (artemis-jakarta-client), for comparison", null, "sandbox");
        }
        scale(r);
        jmh(r);
        adapters(r.path("adapters"), r.path("openwire").path("ratios"), r.path("openwire"));
        return md.toString();
    }

    private void adapters(JsonNode rows, JsonNode sandboxRatios, JsonNode sandbox) {
        if (rows.isMissingNode()) {
            return;
        }
        line("### Adapters");
        line("");
        line("Each row: the connector with that adapter on the simulator's face (all in this JVM but prosody), its own OpenWire "
                + "fleet, the command named in the row (GetState, or MakeReady and MakeNotReady in turn per agent: a state change "
                + "carried out on the face), measured in turns with the same echo baseline as above. The echo answers any command "
                + "at once, so these ratios are the whole cost of connector, adapter and simulated ACD. Closed loop at "
                + AdapterRows.WINDOW * 10 + " commands in flight; a rate above 1.2 times the row's closed-loop maximum is not run "
                + "(it cannot be held, and its backlog would load the runs after it): such a row gets one rate at half its maximum.");
        line("");
        line("| row | agents | max round trips/s: connector / baseline | ratio | added p99 at 500/s (ms) | added p99 at 1,000/s (ms) | status |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        rows.fields().forEachRemaining(f -> {
            JsonNode a = f.getValue();
            boolean isSandbox = f.getKey().startsWith("sandbox");
            JsonNode ratios = isSandbox ? sandboxRatios : a.path("ratios");
            JsonNode figures = isSandbox ? sandbox : a;
            if (ratios.isMissingNode()) {
                line("| " + f.getKey() + " | " + a.path("agents").asText("-") + " | | | | | " + a.path("status").asText() + " |");
                return;
            }
            String status = a.path("status").asText() + (a.has("skippedRates") ? "; " + a.path("skippedRates") + "/s not run: "
                    + a.path("skippedBecause").asText() : "");
            line("| " + f.getKey() + " | " + a.path("agents").asInt() + " | " + num(figures.path("connector").path("maxRoundTripsPerSecond"))
                    + " / " + num(figures.path("baseline").path("maxRoundTripsPerSecond")) + " | " + ratios.path("throughput").asText()
                    + " | " + added(ratios, 500) + " | " + added(ratios, 1000) + " | " + status + " |");
        });
        line("");
        rows.fields().forEachRemaining(f -> {
            JsonNode a = f.getValue();
            if (a.has("ratios")) {
                String adapter = f.getKey().substring(0, f.getKey().indexOf(','));
                line("#### Round trips, " + f.getKey());
                line("");
                line(a.path("acd").asText() + ". " + a.path("agents").asInt() + " agents, logged in (in waves of 100) in "
                        + a.path("login").path("seconds").asText() + " s.");
                line("");
                roundTrips(a, null, null, adapter);
            }
        });
    }

    private static String added(JsonNode ratios, int rate) {
        for (JsonNode l : ratios.path("latency")) {
            if (l.path("rate").asInt() == rate) {
                return l.path("addedP99Ms").asText();
            }
        }
        return "-";
    }

    private void targets(JsonNode r) {
        line("### Targets");
        line("");
        line("| target | goal | measured | |");
        line("| --- | --- | --- | --- |");
        for (JsonNode t : r.path("targets")) {
            line("| " + t.path("target").asText() + " | " + t.path("goal").asText() + " | " + t.path("value").asText("-")
                    + " | " + t.path("met").asText() + " |");
        }
        line("");
    }

    private void roundTrips(JsonNode p, String title, String chartPath, String adapter) {
        JsonNode b = p.path("baseline");
        JsonNode c = p.path("connector");
        JsonNode ratios = p.path("ratios");
        if (title != null) {
            line("### Round trips, " + title);
            line("");
        }
        line("| closed loop | baseline (echo) | connector (" + adapter + ") | connector / baseline |");
        line("| --- | --- | --- | --- |");
        line("| max round trips/s | " + num(b.path("maxRoundTripsPerSecond")) + " (" + b.path("bestWindow").asInt()
                + " in flight) | " + num(c.path("maxRoundTripsPerSecond")) + " (" + c.path("bestWindow").asInt()
                + " in flight) | " + ratios.path("throughput").asText() + " |");
        if (chartPath != null && b.path("highestHeldRate").asInt() > 0) {
            line("| highest open-loop rate held | " + b.path("highestHeldRate").asInt() + "/s | "
                    + (c.path("highestHeldRate").asInt() > 0 ? c.path("highestHeldRate").asInt() + "/s" : "none") + " | |");
        }
        line("");
        line("Closed loop per window (commands in flight in all): "
                + windows("baseline", b) + "; " + windows("connector", c) + ".");
        line("");
        line("Open loop, latency in ms from the intended send time:");
        line("");
        line("| rate/s | system | p50 | p99 | p99.9 | max | achieved/s | unanswered | held | load avg |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (JsonNode cr : c.path("openLoop")) {
            int rate = cr.path("rate").asInt();
            for (JsonNode br : b.path("openLoop")) {
                if (br.path("rate").asInt() == rate) {
                    openRow(rate, "baseline", br);
                }
            }
            openRow(rate, "connector", cr);
        }
        for (JsonNode br : b.path("openLoop")) {
            boolean inConnector = false;
            for (JsonNode cr : c.path("openLoop")) {
                inConnector |= cr.path("rate").asInt() == br.path("rate").asInt();
            }
            if (!inConnector) {
                openRow(br.path("rate").asInt(), "baseline", br);
            }
        }
        line("");
        line("Connector / baseline, rate by rate:");
        line("");
        line("| rate/s | p50 | p99 | p99.9 | max | added p50 (ms) | added p99 (ms) |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (JsonNode l : ratios.path("latency")) {
            line("| " + l.path("rate").asInt() + " | " + l.path("p50").asText() + " | " + l.path("p99").asText() + " | "
                    + l.path("p999").asText() + " | " + l.path("max").asText() + " | " + l.path("addedP50Ms").asText()
                    + " | " + l.path("addedP99Ms").asText() + " |");
        }
        line("");
        if (chartPath != null) {
            line("![latency against rate, baseline and connector](" + chartPath + ")");
            line("");
        }
    }

    private static String windows(String name, JsonNode s) {
        StringBuilder sb = new StringBuilder(name);
        for (JsonNode w : s.path("closedLoop")) {
            sb.append(' ').append(w.path("window").asInt()).append(": ").append(num(w.path("roundTripsPerSecond")))
                    .append("/s (p99 ").append(w.path("latency").path("p99").asText()).append(" ms)");
        }
        return sb.toString();
    }

    private void openRow(int rate, String system, JsonNode r) {
        JsonNode l = r.path("latency");
        line("| " + rate + " | " + system + " | " + l.path("p50").asText() + " | " + l.path("p99").asText() + " | "
                + l.path("p999").asText() + " | " + l.path("max").asText() + " | " + num(r.path("achievedPerSecond")) + " | "
                + r.path("unanswered").asLong() + (r.path("errors").asLong() > 0 ? " (" + r.path("errors").asLong() + " errors)" : "")
                + " | " + (r.path("held").asBoolean() ? "yes" : "no") + " | " + r.path("loadAverage1m").asText() + " |");
    }

    private void scale(JsonNode r) {
        JsonNode mem = r.path("memory");
        line("### Scale (connector with the sandbox, OpenWire clients)");
        line("");
        line("Heap is the whole JVM's heap in use after `System.gc()` (broker, sandbox with its 10,000-agent population, connector "
                + "and the bench's clients all run in this one process), so it is an upper bound for the connector; RSS is VmRSS of "
                + "the process. `beforeConnector` is taken before the connector starts, the session counts after the round trips. "
                + "Scale figures have no baseline: the echo keeps no sessions.");
        line("");
        line("| measurement | heap after GC (MB) | RSS (MB) |");
        line("| --- | --- | --- |");
        mem.fields().forEachRemaining(f -> {
            if (f.getValue().has("heapUsedMb")) {
                line("| " + f.getKey() + " | " + f.getValue().path("heapUsedMb").asText() + " | " + f.getValue().path("rssMb").asText() + " |");
            }
        });
        line("");
        JsonNode login = r.path("login");
        line("- First login wave, on a just-started (JIT-cold) connector: " + login.path("loggedIn").asLong() + " of "
                + login.path("agents").asInt() + " agents (Connect + Login each, all sent together) in " + login.path("seconds").asText() + " s.");
        JsonNode burst = mem.path("loginBurst");
        if (!burst.isMissingNode()) {
            line("- 2,000 logins at once on the running connector (Connect + Login each, all sent together): " + burst.path("loggedIn").asLong()
                    + " done in " + burst.path("seconds").asText() + " s, " + burst.path("errors").asLong() + " errors.");
        }
        JsonNode rep = mem.path("republish");
        if (!rep.isMissingNode()) {
            line("- Outage (`link-down`, then `link-up`): " + rep.path("receivedEvents").asLong() + " of " + rep.path("expectedEvents").asLong()
                    + " re-published events (State and DialogStatus for " + rep.path("sessions").asLong() + " sessions) within "
                    + rep.path("seconds").asText() + " s of link-up.");
        }
        line("");
    }

    private void jmh(JsonNode r) {
        if (!r.has("jmh")) {
            return;
        }
        line("### Codec microbenchmarks (JMH, average time)");
        line("");
        line("| benchmark | ns/op | ± (99.9 %) |");
        line("| --- | --- | --- |");
        for (JsonNode j : r.path("jmh")) {
            line("| " + j.path("benchmark").asText() + " | " + j.path("nsPerOp").asText() + " | " + j.path("error").asText() + " |");
        }
        line("");
    }

    private static String num(JsonNode n) {
        return String.format(Locale.ROOT, "%,.0f", n.asDouble());
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
