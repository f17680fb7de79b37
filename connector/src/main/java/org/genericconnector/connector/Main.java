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
        boolean sandbox = "sandbox".equals(config.get(ConfigKeys.ACD_TYPE));
        System.out.println();
        System.out.println("Generic Connector is running (adapter: " + config.get(ConfigKeys.ACD_TYPE) + ")");
        System.out.println("  broker:          " + daemon.brokerUrl() + "  (CORE, OpenWire, STOMP, AMQP)");
        System.out.println("  command topic:   " + config.get(ConfigKeys.COMMANDS_TOPIC));
        if (sandbox) {
            System.out.println("  control topic:   " + config.get(ConfigKeys.CONTROL_TOPIC) + "  (sandbox scenario control, docs/SANDBOX.md)");
            System.out.println("  sandbox agents:  1002..1011 (team Sales, extensions 5002..5011), 2002..2011 (Support, 6002..6011),");
            System.out.println("                   supervisors 1001 and 2001; password sample-<id> (sample data, see conf/sandbox.yaml)");
            System.out.println("  try:             Hello#my.client, Connect#1002 \"my.client,sample-1002\", Login#1002 \"sample-1002,5002\",");
            System.out.println("                   MakeReady#1002, then on the control topic: inbound queue=Sales");
        }
        System.out.println("Ctrl-C stops it.");
    }

    private static void usage(String problem) {
        System.err.println("gc: " + problem + "\nusage: Main [--config FILE]");
        System.exit(2);
    }
}
