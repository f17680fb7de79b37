package org.genericconnector.servicemanager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.genericconnector.connector.config.ConfigException;
import org.genericconnector.connector.config.ConfigKeys;
import org.genericconnector.connector.config.ConfigLoader;
import org.genericconnector.connector.config.ConnectorConfig;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gcctl config check [FILE]}: validates a configuration with the connector's own loader, starting nothing. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @ParentCommand
    GcCtl parent;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Loads a connector configuration the way the connector does; bad ones become {@link ExitCodes#BAD_CONFIG}. */
    static ConnectorConfig load(Path file) throws GcctlException {
        if (!Files.isRegularFile(file)) {
            throw new GcctlException(ExitCodes.BAD_CONFIG, "configuration file " + file + " not found");
        }
        try {
            return ConfigLoader.load(file, System.getenv());
        } catch (ConfigException e) {
            throw new GcctlException(ExitCodes.BAD_CONFIG, e.getMessage());
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a connector configuration without starting anything: every key, the broker file,",
                    "and the chosen adapter's own settings (the adapter is created, never started). Exit 0 valid, 6 invalid."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        ConfigCommand config;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to check (default: connector.yaml of the installation's conf/).")
        Path file;

        @Override
        public Integer call() throws GcctlException {
            Path target = file != null ? file : config.parent.layout().configFile();
            ConnectorConfig loaded = load(target);
            List<String> problems = new ArrayList<>();
            if (loaded.get(ConfigKeys.BROKER_EMBEDDED)) {
                Path brokerXml = loaded.resolve(loaded.get(ConfigKeys.BROKER_CONFIG));
                if (!Files.isReadable(brokerXml)) {
                    problems.add("key 'broker.config': " + brokerXml + " cannot be read");
                }
            }
            checkAdapter(loaded, problems);
            if (!problems.isEmpty()) {
                throw new GcctlException(ExitCodes.BAD_CONFIG, "invalid configuration " + target + ":\n  - " + String.join("\n  - ", problems));
            }
            spec.commandLine().getOut().println("configuration " + target + " is valid: acd.type=" + loaded.get(ConfigKeys.ACD_TYPE)
                    + ", broker " + broker(loaded));
            return ExitCodes.OK;
        }

        private static String broker(ConnectorConfig c) {
            return c.get(ConfigKeys.BROKER_EMBEDDED)
                    ? "embedded on " + c.get(ConfigKeys.BROKER_HOST) + ":" + c.get(ConfigKeys.BROKER_PORT)
                    : "external at " + c.get(ConfigKeys.BROKER_URL);
        }

        private static void checkAdapter(ConnectorConfig c, List<String> problems) {
            String type = c.get(ConfigKeys.ACD_TYPE);
            List<String> names = new ArrayList<>();
            for (AcdAdapterFactory factory : ServiceLoader.load(AcdAdapterFactory.class)) {
                names.add(factory.name());
                if (factory.name().equalsIgnoreCase(type)) {
                    try (AcdAdapter created = factory.create(c.adapterConfig())) {
                        return;
                    } catch (RuntimeException e) {
                        problems.add("section 'acd." + type + "': " + e.getMessage());
                        return;
                    }
                }
            }
            problems.add("key 'acd.type': no adapter named '" + type + "' is installed (available: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
    }
}
