package org.genericconnector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.genericconnector.bench.Measurements.Pair;
import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.protocol.LinkStatus;

/**
 * The adapter rows of the full run: the connector with the Asterisk adapter on the simulator's AMI face and
 * with the Finesse adapter on its Finesse face, each on the bench's broker with a command topic of its own,
 * driven by its own OpenWire fleet and measured in turns with the echo baseline like the sandbox rows. Per
 * row: the closed loop at {@link #WINDOW} commands in flight per client for the maximum, then the open loop
 * at {@link #RATES}. A rate above 1.2 times the connector's closed-loop maximum is not run (its queue would
 * only grow with the run's length, and its backlog would load the runs after it); a row that holds none of
 * them gets one rate at half its maximum instead, so that it still has a latency figure. An adapter that
 * cannot be measured here (prosody missing, a face that does not start, agents that do not log in) gets a
 * row saying why. Not thread-safe.
 */
final class AdapterRows {
    static final int WINDOW = 16;
    static final List<Integer> RATES = List.of(500, 1000);
    /** Logins are sent in waves of this many agents (each Connect and Login of the Asterisk adapter checks a PBKDF2 hash). */
    private static final int LOGIN_WAVE = 100;
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(120);

    /** One row: an adapter driven with one command. */
    private record Row(String adapter, Workload workload, String command) {
        String key() {
            return adapter + ", " + (workload == Workload.GET_STATE ? "GetState" : "MakeReady/MakeNotReady");
        }
    }

    private final BenchOptions o;
    private final int port;
    private final Path work;
    private final String echoTopic;

    AdapterRows(BenchOptions o, int port, Path work, String echoTopic) {
        this.o = o;
        this.port = port;
        this.work = work;
        this.echoTopic = echoTopic;
    }

    /** The rows by name: the sandbox's (the sections above), then each adapter row's result or why it has none. */
    Map<String, Object> run() {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("sandbox, GetState", Map.of("status", "measured: the round trips above", "agents", o.agents()));
        adapter("asterisk", o.asteriskAgents(), List.of(
                new Row("asterisk", Workload.READY_TOGGLE, "one QueuePause action answered over AMI, then the State event")), rows);
        adapter("finesse", o.finesseAgents(), List.of(
                new Row("finesse", Workload.GET_STATE, "one REST GET of the agent's User"),
                new Row("finesse", Workload.READY_TOGGLE, "a REST PUT (202), settled by the agent's XMPP notification through prosody")), rows);
        return rows;
    }

    private void adapter(String name, int agents, List<Row> adapterRows, Map<String, Object> rows) {
        if (agents <= 0) {
            adapterRows.forEach(r -> rows.put(r.key(), Map.of("status", "not measured: skipped (--no-adapters)")));
            return;
        }
        try {
            measure(name, agents, adapterRows, rows);
        } catch (Exception | LinkageError e) {
            Measurements.log("%s: not measured: %s", name, e);
            adapterRows.forEach(r -> rows.putIfAbsent(r.key(), Map.of("status", "not measured: " + e)));
        }
    }

    private void measure(String name, int agents, List<Row> adapterRows, Map<String, Object> rows) throws Exception {
        Population population = new Population(agents);
        Path dir = Files.createDirectories(work.resolve(name));
        Path populationFile = population.write(dir.resolve("population.yaml"));
        String topic = "gc.bench." + name;
        Measurements.log("%s: starting the face and the connector (%d agents)", name, agents);
        try (AdapterTarget acd = start(name, population, populationFile, dir);
             Fleet fleet = new Fleet(ClientProtocol.OPENWIRE.factory(Systems.HOST, port), "bench." + name, o.clients(), population, 0,
                     agents, topic);
             ConnectorDaemon daemon = Systems.connector(o.conf(), port, acd.type(), acd.settings(), topic, "gc-bench-" + name, agents)) {
            awaitInService(daemon);
            Login login = login(fleet, agents);
            Measurements.log("%s: logged in %d of %d agents in %.2f s (%d errors)", name, login.loggedIn(), agents, login.seconds(),
                    login.errors());
            for (Row row : adapterRows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("agents", agents);
                m.put("login", login);
                m.put("command", row.workload() == Workload.GET_STATE ? "GetState#<agent> -> one State event"
                        : "MakeReady#<agent> and MakeNotReady#<agent> in turn -> one State event");
                m.put("acd", acd.describe() + "; each command is " + row.command());
                if (login.loggedIn() < agents) {
                    m.put("status", "not measured: only " + login.loggedIn() + " of " + agents + " agents logged in " + ErrorSamples.drain());
                } else {
                    measureRow(row, fleet, topic, m);
                }
                rows.put(row.key(), m);
            }
        }
    }

    private void measureRow(Row row, Fleet fleet, String topic, Map<String, Object> m) throws Exception {
        Measurements.Comparison c = new Measurements.Comparison(row.key(), fleet, row.workload(), new Measurements.Targets(echoTopic, topic), o);
        c.warmUp();
        c.closed(List.of(WINDOW), 1);
        double max = c.connectorMaximum();
        List<Integer> rates = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int rate : RATES) {
            (rate <= 1.2 * max ? rates : skipped).add(rate);
        }
        if (rates.isEmpty()) {
            rates.add(Math.max(50, (int) (max / 2 / 50) * 50));
        }
        c.open(rates, 1);
        Pair pair = c.pair();
        m.put("status", "measured");
        if (!skipped.isEmpty()) {
            m.put("skippedRates", skipped);
            m.put("skippedBecause", "above 1.2 x the connector's closed-loop maximum of " + Math.round(max) + "/s, so not held by construction");
        }
        m.put("baseline", pair.baseline().toMap());
        m.put("connector", pair.connector().toMap());
        m.put("ratios", Ratios.of(pair.baseline(), pair.connector()));
    }

    /** The logins of a row, in waves. */
    record Login(int agents, long loggedIn, long errors, double seconds) {
    }

    private static Login login(Fleet fleet, int agents) throws Exception {
        long loggedIn = 0;
        long errors = 0;
        double seconds = 0;
        for (int from = 0; from < agents; from += LOGIN_WAVE) {
            Logins.Wave w = Logins.login(fleet, from, Math.min(agents, from + LOGIN_WAVE), LOGIN_TIMEOUT);
            loggedIn += w.loggedIn();
            errors += w.errors();
            seconds += w.seconds();
        }
        return new Login(agents, loggedIn, errors, Math.round(seconds * 1000) / 1000.0);
    }

    private AdapterTarget start(String name, Population population, Path populationFile, Path dir) throws Exception {
        return switch (name) {
            case "asterisk" -> AsteriskTarget.start(population, populationFile, o.repo().resolve("bench/target/bench-cache"));
            case "finesse" -> FinesseTarget.start(populationFile, dir);
            default -> throw new IllegalArgumentException("no adapter " + name);
        };
    }

    /** A polled condition: the adapter logs in to its ACD and resynchronises before the link is in service. */
    private static void awaitInService(ConnectorDaemon daemon) {
        long end = System.nanoTime() + LINK_TIMEOUT.toNanos();
        while (daemon.linkStatus() != LinkStatus.IN_SERVICE) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the ACD link is not in service after " + LINK_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
