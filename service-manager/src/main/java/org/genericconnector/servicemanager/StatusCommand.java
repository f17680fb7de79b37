package org.genericconnector.servicemanager;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gcctl status}: running or stopped, PID, uptime, version, ACD link, broker, destinations and sessions. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show whether the connector and the broker run.",
                "Connector: PID, uptime, version, ACD link, broker address, client destinations and agent sessions",
                "(from the connector's admin endpoint). Broker: embedded (in the connector) or external (pinged).",
                "Exit 0 everything asked about runs, 1 something is stopped or unreachable."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;
    @Mixin
    AdminOptions admin;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "connector|broker|all",
            description = "What to show (default ${DEFAULT-VALUE}).")
    Target target;

    @Option(names = "--config", paramLabel = "FILE", description = "connector.yaml (default: the installation's).")
    Path config;

    @Override
    public Integer call() throws GcctlException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<JsonNode> status = adminStatus();
        boolean ok = true;
        if (target != Target.broker) {
            ok &= connector(out, status);
        }
        if (target != Target.connector) {
            ok &= broker(out, status);
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private Optional<JsonNode> adminStatus() {
        try {
            return Optional.of(admin.client(parent.layout()).get("/status"));
        } catch (GcctlException e) {
            return Optional.empty();
        }
    }

    private boolean connector(PrintWriter out, Optional<JsonNode> status) {
        ServiceControl control = ServiceControl.of(parent.layout(), admin);
        Optional<ProcessHandle> process = control.running();
        if (status.isEmpty()) {
            if (process.isPresent()) {
                out.println("connector: running (pid " + process.get().pid() + ", " + control.describe()
                        + ") but its admin endpoint does not answer (token file " + admin.tokenFile(parent.layout()) + ")");
                return false;
            }
            out.println("connector: stopped");
            return false;
        }
        JsonNode s = status.get();
        out.println("connector: running (pid " + s.path("pid").asLong() + ", up " + human(s.path("uptimeSeconds").asLong()) + ")");
        out.println("  version:        " + s.path("version").asText());
        out.println("  ACD link:       " + s.path("link").asText() + " (adapter " + s.path("acdType").asText() + ")");
        out.println("  broker:         " + s.path("brokerUrl").asText() + (s.path("brokerEmbedded").asBoolean() ? " (embedded)" : " (external)"));
        out.println("  destinations:   " + s.path("destinations").asInt());
        out.println("  agent sessions: " + s.path("sessions").asInt());
        return true;
    }

    private boolean broker(PrintWriter out, Optional<JsonNode> status) throws GcctlException {
        if (status.isPresent() && status.get().path("brokerEmbedded").asBoolean()) {
            out.println("broker: running, embedded in the connector (pid " + status.get().path("pid").asLong() + ") at "
                    + status.get().path("brokerUrl").asText());
            return true;
        }
        BrokerFacts facts = BrokerFacts.of(config != null ? config : parent.layout().configFile());
        Optional<ProcessHandle> process = ServiceControl.of(parent.layout(), admin).running();
        if (facts.embedded() && process.isPresent()) {
            out.println("broker: embedded in the connector (pid " + process.get().pid() + "), configured at " + facts.url()
                    + "; state unknown while the admin endpoint does not answer (try gcctl health)");
            return false;
        }
        if (facts.embedded()) {
            out.println("broker: stopped (embedded in the connector, which is not running; configured at " + facts.url() + ")");
            return false;
        }
        Instant t0 = Instant.now();
        BrokerOptions options = new BrokerOptions();  // no mixee: the URL is set here
        options.url = facts.url();
        options.user = facts.user();
        options.password = facts.password();
        try (BrokerSession ignored = BrokerSession.open(options)) {
            out.println("broker: reachable, external at " + facts.url() + " (connected in "
                    + Duration.between(t0, Instant.now()).toMillis() + " ms; gcctl does not start or stop it)");
            return true;
        } catch (GcctlException e) {
            out.println("broker: UNREACHABLE, external at " + facts.url() + ": " + e.getMessage());
            return false;
        }
    }

    static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}
