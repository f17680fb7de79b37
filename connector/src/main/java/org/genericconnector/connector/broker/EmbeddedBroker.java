package org.genericconnector.connector.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Artemis broker inside the connector, configured from conf/broker.xml with the TCP acceptors'
 * host and port taken from the connector's configuration. Not thread-safe: started and stopped by the
 * daemon's lifecycle thread.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path brokerXml;
    private final String host;
    private final int port;
    private EmbeddedActiveMQ broker;

    public EmbeddedBroker(Path brokerXml, String host, int port) {
        this.brokerXml = brokerXml;
        this.host = host;
        this.port = port;
    }

    public void start() throws Exception {
        if (!Files.isReadable(brokerXml)) {
            throw new IllegalStateException("broker configuration " + brokerXml + " cannot be read (key broker.config)");
        }
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(brokerXml.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        rebindAcceptors(configuration);
        silenceAuditLog();
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        // security-enabled (conf/broker-secure.xml): users and roles from JAAS, domain "activemq" of login.config.
        if (configuration.isSecurityEnabled()) {
            broker.setSecurityManager(new ActiveMQJAASSecurityManager("activemq"));
        }
        broker.start();
        if (!isStarted()) {
            close();
            throw new IllegalStateException("the embedded broker did not start (see the log above); check " + brokerXml
                    + " and that port " + port + " on " + host + " is free");
        }
        LOG.info("embedded broker started from {} on {}:{}", brokerXml, host, port);
    }

    /**
     * Artemis 2.43's audit logger calls Subject.getSubject, which throws on JDK 24 and later unless the
     * JVM runs with -Djava.security.manager=allow; when enabled it breaks the broker's start. The audit
     * log has no use while security is disabled, so it is switched off (conf/logback.xml does the same).
     */
    private static void silenceAuditLog() {
        if (LoggerFactory.getLogger("org.apache.activemq.audit") instanceof ch.qos.logback.classic.Logger audit) {
            audit.setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** Every TCP acceptor of broker.xml is moved to the configured host and port; tests use a free port. */
    private void rebindAcceptors(FileConfiguration configuration) {
        List<TransportConfiguration> moved = configuration.getAcceptorConfigurations().stream().map(this::rebind).toList();
        configuration.getAcceptorConfigurations().clear();
        moved.forEach(configuration.getAcceptorConfigurations()::add);
    }

    private TransportConfiguration rebind(TransportConfiguration acceptor) {
        if (!NettyAcceptorFactory.class.getName().equals(acceptor.getFactoryClassName())) {
            return acceptor;
        }
        Map<String, Object> params = new HashMap<>(acceptor.getParams());
        params.put("host", host);
        params.put("port", String.valueOf(port));
        return new TransportConfiguration(acceptor.getFactoryClassName(), params, acceptor.getName(), acceptor.getExtraParams());
    }

    public boolean isStarted() {
        return broker != null && broker.getActiveMQServer().isActive();
    }

    /** Stops the broker, so clients see their connection drop; the daemon's JMS client reconnects after a restart. */
    @Override
    public void close() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
            LOG.info("embedded broker stopped");
        } catch (Exception e) {
            LOG.warn("embedded broker did not stop cleanly", e);
        }
        broker = null;
    }
}
