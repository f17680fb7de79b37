package org.genericconnector.connector.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.connector.config.ConfigKeys;
import org.genericconnector.connector.config.ConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the admin endpoint for a started daemon as the configuration says (admin.port, admin.token-file).
 * The endpoint is an aid, not the service: when it cannot start (port taken, token file not writable) the
 * connector runs on without it and says so (GC-ADMIN-UNAVAILABLE). Stateless.
 */
public final class AdminEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);

    private AdminEndpoint() {
    }

    public static Optional<AdminServer> start(ConnectorDaemon daemon, ConnectorConfig config, InstantSource clock) {
        int port = config.get(ConfigKeys.ADMIN_PORT);
        if (port == 0) {
            LOG.info("admin endpoint disabled (admin.port: 0)");
            return Optional.empty();
        }
        Path tokenFile = config.resolve(config.get(ConfigKeys.ADMIN_TOKEN_FILE));
        AdminView view = new DaemonAdminView(daemon.sessions(), daemon.adapter(), daemon::linkStatus, config.get(ConfigKeys.ACD_TYPE),
                daemon.brokerUrl(), config.get(ConfigKeys.BROKER_EMBEDDED), clock);
        try {
            return Optional.of(AdminServer.start(port, tokenFile, view));
        } catch (IOException e) {
            LOG.warn("GC-ADMIN-UNAVAILABLE admin endpoint not started on 127.0.0.1:{} ({}); gcctl status, agents and logs --level "
                    + "will not answer", port, e.getMessage());
            return Optional.empty();
        }
    }
}
