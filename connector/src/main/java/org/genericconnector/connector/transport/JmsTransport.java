package org.genericconnector.connector.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.genericconnector.protocol.command.CommandParser;
import org.genericconnector.protocol.spi.ScenarioControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one JMS connection (Artemis CORE client): the shared subscription on the command
 * topic, the scenario control consumer, and the {@link EventSender}. The Artemis client reconnects by
 * itself with back-off after the broker is lost; {@code onReconnected} runs when it has. Not thread-safe:
 * driven by the daemon's lifecycle thread.
 */
public final class JmsTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JmsTransport.class);

    private final ActiveMQConnectionFactory factory;
    private final String url;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Connection connection;
    private EventSender sender;
    private MessageConsumer commandConsumer;
    private Session commandSession;

    /** Reconnect settings: wait {@code initialDelay}, doubling up to {@code maxDelay}, forever. */
    public JmsTransport(String url, String user, String password, Duration initialDelay, Duration maxDelay,
                        Duration failureCheckPeriod) {
        this.url = url;
        this.factory = new ActiveMQConnectionFactory(url);
        if (!user.isEmpty()) {
            factory.setUser(user);
            factory.setPassword(password);
        }
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(initialDelay.toMillis());
        factory.setRetryIntervalMultiplier(2.0);
        factory.setMaxRetryInterval(maxDelay.toMillis());
        factory.setClientFailureCheckPeriod(failureCheckPeriod.toMillis());
        factory.setConnectionTTL(failureCheckPeriod.toMillis() * 2);
        factory.setConfirmationWindowSize(1024 * 1024);
        factory.setBlockOnNonDurableSend(false);
    }

    /**
     * Connects, trying again with back-off until it works or {@code stopping} says to give up.
     * {@code onReconnected} runs (on an Artemis thread) after each transparent reconnection.
     */
    public void connect(BooleanSupplier stopping, Runnable onReconnected, int senderThreads, int senderQueue)
            throws JMSException, InterruptedException {
        long delay = factory.getRetryInterval();
        while (true) {
            try {
                connection = factory.createConnection();
                break;
            } catch (JMSException e) {
                if (stopping.getAsBoolean()) {
                    throw e;
                }
                LOG.warn("GC-BROKER-DOWN cannot reach the broker at {} ({}); retrying in {} ms", url, e.getMessage(), delay);
                Thread.sleep(delay);
                delay = Math.min(delay * 2, factory.getMaxRetryInterval());
            }
        }
        ((ActiveMQConnection) connection).setFailoverListener(event -> {
            LOG.warn("GC-BROKER-{} broker connection {}", event, describe(event));
            if (event == FailoverEventType.FAILOVER_COMPLETED) {
                onReconnected.run();
            }
        });
        connection.setExceptionListener(e -> LOG.warn("GC-BROKER-ERROR broker connection: {}", e.toString()));
        sender = new EventSender(connection, senderThreads, senderQueue);
        connection.start();
        LOG.info("connected to the broker at {}", url);
    }

    private static String describe(FailoverEventType event) {
        return switch (event) {
            case FAILURE_DETECTED -> "lost; reconnecting";
            case FAILOVER_COMPLETED -> "restored";
            case FAILOVER_FAILED -> "could not be restored";
        };
    }

    public EventSender sender() {
        return sender;
    }

    /** Starts consuming commands through the shared subscription {@code subscription} on {@code topic}. */
    public void startCommands(String topic, String subscription, CommandParser parser, CommandHandler handler,
                              int maxBodyBytes) throws JMSException {
        commandSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic commands = commandSession.createTopic(topic);
        commandConsumer = commandSession.createSharedConsumer(commands, subscription);
        commandConsumer.setMessageListener(new CommandListener(parser, handler, maxBodyBytes));
        LOG.info("consuming commands from topic {} (shared subscription {})", topic, subscription);
    }

    /** Binds a simulated ACD's scenario control to {@code topic}. */
    public void startControl(String topic, ScenarioControl control) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        ControlListener listener = new ControlListener(control, sender);
        session.createConsumer(session.createTopic(topic)).setMessageListener(listener);
        closeables.add(listener);
        closeables.add(session);
        LOG.info("scenario control on topic {}", topic);
    }

    /** Stops taking commands; messages already delivered finish. */
    public void stopCommands() {
        try {
            if (commandConsumer != null) {
                commandConsumer.close();
            }
            if (commandSession != null) {
                commandSession.close();
            }
        } catch (JMSException | RuntimeException e) {
            LOG.debug("closing the command consumer", e);
        }
        commandConsumer = null;
        commandSession = null;
    }

    @Override
    public void close() {
        stopCommands();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing", e);
            }
        }
        if (sender != null) {
            sender.close();
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException | RuntimeException e) {
            LOG.debug("closing the broker connection", e);
        }
    }
}
