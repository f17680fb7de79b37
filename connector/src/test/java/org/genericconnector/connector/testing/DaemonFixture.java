package org.genericconnector.connector.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.connector.config.ConnectorConfig;

/**
 * A connector daemon with its embedded broker on a free port, for one test class: conf/broker.xml of
 * the repository, the adapter named by the test, a clock the test moves.
 */
public final class DaemonFixture implements AutoCloseable {
    public static final String COMMANDS = "gc.commands";
    public static final String CONTROL = "gc.sandbox.control";

    public final MutableClock clock = new MutableClock();
    public final ConnectorDaemon daemon;

    public DaemonFixture(String acdType, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("acd.type", acdType);
        settings.put("broker.port", "0");
        settings.put("sessions.expiry-check-interval", "100ms");
        settings.put("shutdown.grace-period", "2s");
        settings.putAll(extra);
        ConnectorConfig config = ConnectorConfig.of(settings, Path.of("..", "conf").toAbsolutePath().normalize());
        daemon = new ConnectorDaemon(config, clock);
        daemon.start();
    }

    public GcClient client(ClientKind kind, String topic) {
        return kind.open(daemon.brokerUrl(), topic, COMMANDS);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        daemon.close();
    }
}
