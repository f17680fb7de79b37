package org.genericconnector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.bench.Measurements.Pair;
import org.genericconnector.bench.Measurements.SystemResult;
import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.connector.broker.EmbeddedBroker;

/**
 * One bench run, in this JVM, on one broker: the echo baseline (on its own command topic) and the
 * connector with the sandbox adapter run side by side and are measured in turns, over OpenWire clients
 * (and CORE clients for comparison); then the scale measurements on the same connector; then, with the
 * sandbox connector stopped, the adapter rows ({@link AdapterRows}) against the same baseline. Returns the
 * results as a JSON-ready map. Not thread-safe.
 */
public final class BenchRun {
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(120);
    /** Echo consumers: one per core of the 2-core target machine, as many as the connector's sender threads. */
    private static final int ECHO_SESSIONS = 2;
    /** The baseline's command topic and shared subscription (queue names are global in Artemis). */
    private static final String ECHO_TOPIC = "gc.bench.echo";
    private static final String ECHO_SUBSCRIPTION = "gc-bench-echo";

    private final BenchOptions o;
    private final Map<String, Object> results = new LinkedHashMap<>();

    public BenchRun(BenchOptions options) {
        this.o = options;
    }

    public Map<String, Object> run() throws Exception {
        results.put("date", Instant.now().toString());
        results.put("mode", o.quick() ? "quick" : "full");
        results.put("machine", MachineInfo.describe());
        results.put("settings", settings());
        Path work = Files.createTempDirectory("gc-bench");
        Population population = new Population(o.population());
        Path populationFile = population.write(work.resolve("population.yaml"));
        int port = Systems.freePort();
        Map<String, Object> memory = new LinkedHashMap<>();
        Measurements.Targets targets = new Measurements.Targets(ECHO_TOPIC, Systems.COMMANDS);
        try (EmbeddedBroker broker = Systems.broker(o.conf(), port);
             EchoService echo = new EchoService("tcp://" + Systems.HOST + ":" + port, ECHO_TOPIC, ECHO_SUBSCRIPTION, ECHO_SESSIONS);
             Fleet ow = fleet(ClientProtocol.OPENWIRE, "bench.ow", population, 0, port);
             Fleet core = o.core() ? fleet(ClientProtocol.CORE, "bench.core", population, o.agents(), port) : null) {
            memory.put("beforeConnector", Memory.measure());
            Measurements.log("starting the connector (sandbox, %d agents in the population)", population.size());
            try (ConnectorDaemon daemon = Systems.connector(o.conf(), port, populationFile, population.size())) {
                Logins.Wave first = Logins.login(ow, 0, o.agents(), LOGIN_TIMEOUT);
                Measurements.log("logged in %d of %d agents in %.2f s (%d errors)", first.loggedIn(), first.agents(),
                        first.seconds(), first.errors());
                results.put("login", first);
                Pair owPair = Measurements.measure("openwire", ow, targets, o, o.quick() ? 1 : 2, o.windows(), o.rates(), !o.quick());
                results.put("openwire", protocolResult(owPair.baseline(), owPair.connector()));
                // after the round trips, so that 1,000, 5,000 and 10,000 sessions are compared in the same warm state
                memory.put("sessions" + o.agents(), Memory.measure());
                if (core != null) {
                    Logins.login(core, o.agents(), 2 * o.agents(), LOGIN_TIMEOUT);
                    Pair corePair = Measurements.measure("core", core, targets, o, 1, List.of(owPair.baseline().best().window() / o.clients()),
                            List.of(1000, 3000), false);
                    results.put("core", protocolResult(corePair.baseline(), corePair.connector()));
                }
                if (o.scale()) {
                    scale(ow, core, daemon, memory);
                }
            }
            if (o.adapters()) {
                results.put("adapters", new AdapterRows(o, port, work, ECHO_TOPIC).run());
            }
            results.put("echoErrors", echo.errors());
        }
        results.put("memory", memory);
        if (o.jmh()) {
            results.put("jmh", JmhRunner.run());
        }
        results.put("loadAverageEnd", MachineInfo.loadAverage());
        results.put("targets", Targets.evaluate(Json.MAPPER.valueToTree(results)));
        return results;
    }

    /** Only the adapter rows, against the echo baseline on a broker of their own ({@code bench/run --adapters-only}). */
    public Map<String, Object> runAdaptersOnly() throws Exception {
        results.put("date", Instant.now().toString());
        results.put("mode", "adapters");
        results.put("machine", MachineInfo.describe());
        results.put("settings", settings());
        Path work = Files.createTempDirectory("gc-bench");
        int port = Systems.freePort();
        try (EmbeddedBroker broker = Systems.broker(o.conf(), port);
             EchoService echo = new EchoService("tcp://" + Systems.HOST + ":" + port, ECHO_TOPIC, ECHO_SUBSCRIPTION, ECHO_SESSIONS)) {
            results.put("adapters", new AdapterRows(o, port, work, ECHO_TOPIC).run());
            results.put("echoErrors", echo.errors());
        }
        results.put("loadAverageEnd", MachineInfo.loadAverage());
        return results;
    }

    private void scale(Fleet ow, Fleet core, ConnectorDaemon daemon, Map<String, Object> memory) throws Exception {
        int from = daemon.sessions().agentCount();
        Logins.Wave burst = Logins.login(ow, from, from + 2000, LOGIN_TIMEOUT);
        Measurements.log("login burst: %d of 2000 agents in %.2f s (%d errors)", burst.loggedIn(), burst.seconds(), burst.errors());
        memory.put("loginBurst", burst);
        for (int target : new int[] {5000, 10_000}) {
            int now = daemon.sessions().agentCount();
            if (now < target) {
                Logins.Wave w = Logins.login(ow, now, target, LOGIN_TIMEOUT);
                Measurements.log("logged in up to %d sessions (%d errors)", daemon.sessions().agentCount(), w.errors());
            }
            Memory m = Memory.measure();
            Measurements.log("%d sessions: heap %.1f MB after GC, RSS %.1f MB", daemon.sessions().agentCount(), m.heapUsedMb(), m.rssMb());
            memory.put("sessions" + target, m);
        }
        List<Fleet> fleets = core == null ? List.of(ow) : List.of(ow, core);
        Outage.Republication r = Outage.run(fleets, Systems.CONTROL, daemon.sessions().agentCount(), LOGIN_TIMEOUT);
        Measurements.log("outage: %d of %d events re-published for %d sessions in %.2f s", r.receivedEvents(), r.expectedEvents(),
                r.sessions(), r.seconds());
        memory.put("republish", r);
        memory.put("errorSamples", ErrorSamples.drain());
    }

    private Fleet fleet(ClientProtocol protocol, String prefix, Population population, int first, int port) throws Exception {
        return new Fleet(protocol.factory(Systems.HOST, port), prefix, o.clients(), population, first, o.agents(), Systems.COMMANDS);
    }

    private static Map<String, Object> protocolResult(SystemResult baseline, SystemResult connector) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline", baseline.toMap());
        m.put("connector", connector.toMap());
        m.put("ratios", Ratios.of(baseline, connector));
        return m;
    }

    private Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", o.clients());
        m.put("agents", o.agents());
        m.put("population", o.population());
        m.put("command", "GetState#<agent> -> one State event");
        m.put("commandDelivery", "non-persistent");
        m.put("echoSessions", ECHO_SESSIONS);
        m.put("echoTopic", ECHO_TOPIC);
        m.put("windowsPerClient", o.windows());
        m.put("rates", o.rates());
        m.put("asteriskAgents", o.asteriskAgents());
        m.put("finesseAgents", o.finesseAgents());
        m.put("adapterWindowPerClient", AdapterRows.WINDOW);
        m.put("adapterRates", AdapterRows.RATES);
        m.put("warmupSeconds", o.warmup().toSeconds());
        m.put("measureSeconds", o.measure().toSeconds());
        m.put("heldRule", "every command answered, no error, p99 <= " + RoundTrips.HELD_P99_MS + " ms");
        return m;
    }
}
