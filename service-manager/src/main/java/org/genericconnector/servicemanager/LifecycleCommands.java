package org.genericconnector.servicemanager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What start, stop and restart share: the target, the timeout, the configuration that says where the broker is. */
abstract class LifecycleCommands implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;
    @Mixin
    AdminOptions admin;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "connector|broker|all",
            description = "What to act on (default ${DEFAULT-VALUE}). The broker is embedded in the connector by default.")
    Target target;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--config", paramLabel = "FILE", description = "connector.yaml (default: the installation's).")
    Path config;

    ServiceControl control() {
        return ServiceControl.of(parent.layout(), admin);
    }

    /** For an explicit 'broker' target: exit 4 with the reason; null when the connector is the target. */
    Integer brokerNotApplicable(String action) throws GcctlException {
        if (target != Target.broker) {
            return null;
        }
        BrokerFacts facts = BrokerFacts.of(config != null ? config : parent.layout().configFile());
        throw new GcctlException(ExitCodes.NOT_APPLICABLE, facts.notApplicable(action));
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start the connector (with its embedded broker) as a systemd service where installed so, else in the background.",
                    "Waits until its admin endpoint answers. Exit 0 started (or already running), 1 it failed to start,",
                    "2 not up within --timeout, 4 'broker' given: the broker is embedded or external and not started on its own."})
    static final class Start extends LifecycleCommands {
        @Override
        public Integer call() throws GcctlException {
            Integer na = brokerNotApplicable("start");
            return na != null ? na : control().start(timeout, spec.commandLine().getErr());
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Stop the connector gracefully (SIGTERM: clients get System#OUT_OF_SERVICE); killed after --timeout.",
                    "Exit 0 stopped (or was not running), 2 had to be killed, 4 'broker' given (not applicable)."})
    static final class Stop extends LifecycleCommands {
        @Override
        public Integer call() throws GcctlException {
            Integer na = brokerNotApplicable("stop");
            return na != null ? na : control().stop(timeout, spec.commandLine().getErr());
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop, then start the connector (exit codes as start).")
    static final class Restart extends LifecycleCommands {
        @Override
        public Integer call() throws GcctlException {
            Integer na = brokerNotApplicable("restart");
            if (na != null) {
                return na;
            }
            int stopped = control().stop(timeout, spec.commandLine().getErr());
            return stopped != ExitCodes.OK ? stopped : control().start(timeout, spec.commandLine().getErr());
        }
    }
}
