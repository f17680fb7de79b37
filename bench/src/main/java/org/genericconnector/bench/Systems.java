package org.genericconnector.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.connector.broker.EmbeddedBroker;
import org.genericconnector.connector.config.ConnectorConfig;

/**
 * Starts what the bench measures, all in this JVM: the broker (the connector's {@link EmbeddedBroker}
 * from conf/broker.xml on a free port) and the connector daemon using that broker as an external one,
 * so the baseline and the connector go through the very same broker.
 */
final class Systems {
    static final String HOST = "127.0.0.1";
    static final String COMMANDS = "gc.commands";
    static final String SUBSCRIPTION = "gc-connector";
    static final String CONTROL = "gc.sandbox.control";

    private Systems() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static EmbeddedBroker broker(Path conf, int port) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(conf.resolve("broker.xml"), HOST, port);
        broker.start();
        return broker;
    }

    /**
     * The connector with the sandbox adapter on the broker at {@code port}: the generated population,
     * its size as the license limit and session limit, and a destination expiry long enough that idle
     * bench clients keep their sessions.
     */
    static ConnectorDaemon connector(Path conf, int port, Path population, int agents) throws Exception {
        return connector(conf, port, "sandbox", Map.of("acd.sandbox.population", population.toAbsolutePath().toString(),
                "acd.sandbox.license-limit", String.valueOf(agents)), COMMANDS, SUBSCRIPTION, agents);
    }

    /**
     * A connector with the adapter {@code acdType} and its settings on the broker at {@code port}, taking
     * commands from {@code commandTopic}; no admin endpoint (several bench connectors may run in one JVM).
     */
    static ConnectorDaemon connector(Path conf, int port, String acdType, Map<String, String> acd, String commandTopic,
                                     String subscription, int agents) throws Exception {
        Map<String, String> settings = new HashMap<>(acd);
        settings.put("acd.type", acdType);
        settings.put("sessions.max-agents", String.valueOf(agents));
        settings.put("sessions.destination-expiry", "1h");
        settings.put("broker.embedded", "false");
        settings.put("broker.url", "tcp://" + HOST + ":" + port);
        settings.put("commands.topic", commandTopic);
        settings.put("commands.subscription", subscription);
        settings.put("admin.port", "0");
        ConnectorDaemon daemon = new ConnectorDaemon(ConnectorConfig.of(settings, conf), InstantSource.system());
        daemon.start();
        return daemon;
    }
}
