package org.genericconnector.connector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;

import org.genericconnector.connector.config.ConfigException;
import org.genericconnector.connector.config.ConfigKeys;
import org.genericconnector.connector.config.ConfigLoader;
import org.genericconnector.connector.config.ConnectorConfig;

/**
 * Starts the connector: {@code Main [--config FILE]} (default conf/connector.yaml in the working
 * directory). Exit codes: 0 stopped normally, 1 start-up failed, 2 bad command line or configuration.
 * Stops gracefully on SIGTERM or Ctrl-C.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path configFile = Path.of("conf", "connector.yaml");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        usage("--config needs a file");
                    }
                    configFile = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.println("usage: Main [--config FILE]   (default conf/connector.yaml)");
                    return;
                }
                default -> usage("unknown option " + args[i]);
            }
        }
        System.exit(run(configFile));
    }

    static int run(Path configFile) {
        if (!Files.isRegularFile(configFile)) {
            System.err.println("gc: configuration file " + configFile.toAbsolutePath() + " not found (use --config FILE)");
            return 2;
        }
        Path logback = configFile.toAbsolutePath().getParent().resolve("logback.xml");
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(logback)) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
        ConnectorConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
        } catch (ConfigException e) {
            System.err.println("gc: " + e.getMessage());
            return 2;
        }
        ConnectorDaemon daemon = new ConnectorDaemon(config, InstantSource.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "gc-shutdown"));
        try {
            daemon.start();
        } catch (Exception e) {
            System.err.println("gc: start-up failed: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
        printWelcome(config, daemon);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void printWelcome(ConnectorConfig config, ConnectorDaemon daemon) {
        System.out.println();
        System.out.println("Generic Connector is running (adapter: " + config.get(ConfigKeys.ACD_TYPE) + ")");
        System.out.println("  broker:          " + daemon.brokerUrl() + "  (CORE, OpenWire, STOMP, AMQP)");
        System.out.println("  command topic:   " + config.get(ConfigKeys.COMMANDS_TOPIC));
        System.out.println("  control topic:   " + config.get(ConfigKeys.CONTROL_TOPIC) + "  (sandbox scenario control)");
        System.out.println("  sandbox agents:  see conf/sandbox.yaml (agents 1001 and up)");
        System.out.println("  try: Hello#my.client (body my.client, reply-to topic my.client), then Connect#1001, Login#1001");
        System.out.println("Ctrl-C stops it.");
    }

    private static void usage(String problem) {
        System.err.println("gc: " + problem + "\nusage: Main [--config FILE]");
        System.exit(2);
    }
}
