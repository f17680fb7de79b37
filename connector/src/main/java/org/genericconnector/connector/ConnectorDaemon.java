package org.genericconnector.connector;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.InstantSource;
import java.util.Optional;

import org.genericconnector.connector.admin.AdminEndpoint;
import org.genericconnector.connector.admin.AdminServer;
import org.genericconnector.connector.broker.EmbeddedBroker;
import org.genericconnector.connector.config.ConfigKeys;
import org.genericconnector.connector.config.ConnectorConfig;
import org.genericconnector.connector.dispatch.CommandRouter;
import org.genericconnector.connector.dispatch.Dispatcher;
import org.genericconnector.connector.dispatch.ExpiryLogout;
import org.genericconnector.connector.dispatch.Outbox;
import org.genericconnector.connector.link.AdapterBridge;
import org.genericconnector.connector.link.LinkMonitor;
import org.genericconnector.connector.session.AgentSession;
import org.genericconnector.connector.session.DestinationExpiry;
import org.genericconnector.connector.session.SessionRegistry;
import org.genericconnector.connector.transport.JmsTransport;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.CommandParser;
import org.genericconnector.protocol.command.ParserLimits;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's lifecycle: embedded broker, adapter, transport, sessions, dispatch, link monitor,
 * expiry; {@link #start()} wires and starts them, {@link #close()} stops them in the order clients need
 * (stop taking commands, finish or fail in-flight ones, System#OUT_OF_SERVICE, adapter, broker).
 * Not thread-safe: start and close from one thread (close is idempotent).
 */
public final class ConnectorDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDaemon.class);

    private final ConnectorConfig config;
    private final InstantSource clock;
    private EmbeddedBroker broker;
    private Optional<AdminServer> admin = Optional.empty();
    private AcdAdapter adapter;
    private JmsTransport transport;
    private Dispatcher dispatcher;
    private LinkMonitor link;
    private SessionRegistry registry;
    private DestinationExpiry expiry;
    private String brokerUrl;
    private volatile boolean stopping;
    private boolean closed;

    public ConnectorDaemon(ConnectorConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    public void start() throws Exception {
        try {
            startAll();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        adapter = AdapterLoader.load(config.get(ConfigKeys.ACD_TYPE), config.adapterConfig());
        brokerUrl = startBrokerIfEmbedded();
        registry = new SessionRegistry(clock, config.get(ConfigKeys.MAX_AGENTS));
        dispatcher = new Dispatcher(config.get(ConfigKeys.MAILBOX_CAPACITY));
        link = new LinkMonitor(registry, dispatcher);
        AdapterBridge bridge = new AdapterBridge(registry, link, clock);
        transport = new JmsTransport(brokerUrl, config.get(ConfigKeys.BROKER_USER), config.get(ConfigKeys.BROKER_PASSWORD),
                config.get(ConfigKeys.RECONNECT_INITIAL), config.get(ConfigKeys.RECONNECT_MAX), config.get(ConfigKeys.BROKER_FAILURE_CHECK));
        transport.connect(() -> stopping, () -> link.brokerRestored(), config.get(ConfigKeys.SENDER_THREADS),
                config.get(ConfigKeys.SENDER_QUEUE));
        Outbox outbox = new Outbox(transport.sender());
        link.attach(outbox, adapter);
        bridge.attach(outbox);
        adapter.start(bridge);
        link.changed(adapter.linkStatus());
        CommandRouter router = new CommandRouter(registry, dispatcher, outbox, adapter, link, clock);
        int maxBody = config.get(ConfigKeys.COMMANDS_MAX_BODY);
        transport.startCommands(config.get(ConfigKeys.COMMANDS_TOPIC), config.get(ConfigKeys.COMMANDS_SUBSCRIPTION),
                new CommandParser(new ParserLimits(maxBody, ParserLimits.DEFAULT.maxTypeChars())), router, maxBody);
        if (adapter.scenarioControl().isPresent()) {
            transport.startControl(config.get(ConfigKeys.CONTROL_TOPIC), adapter.scenarioControl().get());
        }
        expiry = new DestinationExpiry(registry, config.get(ConfigKeys.DESTINATION_EXPIRY), this::released);
        expiry.start(config.get(ConfigKeys.EXPIRY_CHECK));
        LOG.info("connector started: adapter {}, broker {}, commands on topic {}", config.get(ConfigKeys.ACD_TYPE),
                brokerUrl, config.get(ConfigKeys.COMMANDS_TOPIC));
        admin = AdminEndpoint.start(this, config, clock);
    }

    private String startBrokerIfEmbedded() throws Exception {
        if (!config.get(ConfigKeys.BROKER_EMBEDDED)) {
            return config.get(ConfigKeys.BROKER_URL);
        }
        String host = config.get(ConfigKeys.BROKER_HOST);
        int port = config.get(ConfigKeys.BROKER_PORT);
        port = port == 0 ? freePort() : port;
        broker = new EmbeddedBroker(config.resolve(config.get(ConfigKeys.BROKER_CONFIG)), host, port);
        broker.start();
        String connectHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "tcp://" + connectHost + ":" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A destination expired: release the agent at the adapter, and log it out if so configured. */
    private void released(AgentSession session) {
        String agent = session.agentId();
        if (config.get(ConfigKeys.LOGOUT_ON_EXPIRY)) {
            dispatcher.submit(agent, new ExpiryLogout(agent, adapter));
        }
        try {
            adapter.agentReleased(agent);
        } catch (RuntimeException e) {
            LOG.warn("adapter failed to release agent {}", agent, e);
        }
        dispatcher.forget(agent);
    }

    /** Where clients connect (the embedded broker's acceptor, or the external broker). */
    public String brokerUrl() {
        return brokerUrl;
    }

    /** The sessions (for the admin view and tests); thread-safe. */
    public SessionRegistry sessions() {
        return registry;
    }

    /** The running adapter (for the admin view); thread-safe by the SPI's rules. */
    public AcdAdapter adapter() {
        return adapter;
    }

    public LinkStatus linkStatus() {
        return link.status();
    }

    /** Runs one expiry check now (for tests that move the clock). */
    public void checkExpiry() {
        expiry.sweep();
    }

    public Optional<EmbeddedBroker> embeddedBroker() {
        return Optional.ofNullable(broker);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        LOG.info("connector stopping");
        admin.ifPresent(AdminServer::close);
        if (transport != null) {
            transport.stopCommands();
        }
        if (expiry != null) {
            expiry.close();
        }
        if (dispatcher != null) {
            dispatcher.shutdown(config.get(ConfigKeys.SHUTDOWN_GRACE));
        }
        if (link != null) {
            link.broadcast(new Event.SystemStatus(LinkStatus.OUT_OF_SERVICE));
            link.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (broker != null) {
            broker.close();
        }
        LOG.info("connector stopped");
    }
}
