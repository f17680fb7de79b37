package org.genericconnector.servicemanager;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gcctl}, the Generic Connector's service manager. Each subcommand is one class; errors are one
 * line on stderr and an exit code from {@link ExitCodes}.
 */
@Command(name = "gcctl", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Service manager of the Generic Connector: start/stop/status, health, agents, send/watch, sandbox, config check, logs.",
        subcommands = {LifecycleCommands.Start.class, LifecycleCommands.Stop.class, LifecycleCommands.Restart.class, StatusCommand.class, HealthCommand.class,
                AgentsCommand.class, DestinationsCommand.class, SendCommand.class, WatchCommand.class, SandboxCommand.class,
                SimCommand.class, ConfigCommand.class, LogsCommand.class, VersionCommand.class, HashPasswordCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:", "  0  ok, in service, running", "  1  failed, out of service, stopped", "  2  no answer in time",
                "  3  broker unreachable", "  4  not applicable (start/stop of the embedded or an external broker)",
                "  5  connector admin endpoint unreachable", "  6  invalid configuration", "  64 bad command line",
                "  70 internal error", "", "Details: docs/OPERATIONS.md"})
public final class GcCtl implements Callable<Integer> {
    private final Layout layout;
    private final InputStream in;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of unexpected errors.")
    boolean verbose;

    public GcCtl(Layout layout, InputStream in) {
        this.layout = layout;
        this.in = in;
    }

    public Layout layout() {
        return layout;
    }

    public InputStream in() {
        return in;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** A command line for {@code layout}, with gcctl's error and exit-code handling. */
    public static CommandLine commandLine(Layout layout, InputStream in) {
        GcCtl root = new GcCtl(layout, in);
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (e instanceof GcctlException g) {
                err.println("gcctl: " + g.getMessage());
                err.flush();
                return g.exitCode();
            }
            if (e instanceof jakarta.jms.JMSSecurityException) {
                err.println("gcctl: the broker refused: " + BrokerSession.rootMessage(e) + " (check --user and GC_BROKER_PASSWORD, and the user's roles)");
                err.flush();
                return ExitCodes.BROKER_UNREACHABLE;
            }
            if (e instanceof jakarta.jms.JMSException) {
                err.println("gcctl: broker error: " + BrokerSession.rootMessage(e));
                err.flush();
                return ExitCodes.BROKER_UNREACHABLE;
            }
            err.println("gcctl: internal error: " + e);
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("gcctl: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "gcctl-logback.xml");
        }
        CommandLine cl = commandLine(Layout.detect(), System.in);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }
}
