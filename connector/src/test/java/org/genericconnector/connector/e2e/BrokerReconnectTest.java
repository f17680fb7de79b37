package org.genericconnector.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.connector.broker.EmbeddedBroker;
import org.genericconnector.connector.config.ConnectorConfig;
import org.genericconnector.connector.testing.Inbox;
import org.genericconnector.connector.testing.MutableClock;
import org.genericconnector.connector.testing.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external broker that restarts: the connector reconnects with back-off, goes on taking commands, and
 * re-sends System#IN_SERVICE and each session's state (events sent while the broker was down are lost).
 * The client keeps a durable subscription on a persistent test broker, so it sees what the connector
 * sent while the client itself was reconnecting.
 */
class BrokerReconnectTest {
    @TempDir
    Path dir;

    @Test
    void afterABrokerRestartTheConnectorReconnectsAndRepublishesState() throws Exception {
        int port = freePort();
        Path xml = brokerXml();
        EmbeddedBroker broker = new EmbeddedBroker(xml, "127.0.0.1", port);
        broker.start();
        ConnectorConfig config = ConnectorConfig.of(Map.of("acd.type", "test-acd", "broker.embedded", "false",
                "broker.url", "tcp://127.0.0.1:" + port, "broker.reconnect.initial-delay", "100ms",
                "broker.reconnect.max-delay", "500ms", "broker.failure-check-period", "1s"), dir);
        try (ConnectorDaemon daemon = new ConnectorDaemon(config, new MutableClock())) {
            daemon.start();
            Inbox inbox = new Inbox();
            try (DurableClient c = new DurableClient(port, inbox)) {
                c.send("Hello#rc.client", "rc.client");
                inbox.await(r -> r.body().equals("System#IN_SERVICE"), T, "Hello answer");
                c.send("Connect#77", "rc.client,secret");
                c.send("Login#77", "secret,2077");
                inbox.await(r -> r.body().startsWith("77#DialogStatus#"), T, "login");
                c.send("MakeReady#77", "77");
                inbox.await(r -> r.body().startsWith("77#State#READY"), T, "READY");
                inbox.clear();
            }

            broker.close();
            broker = new EmbeddedBroker(xml, "127.0.0.1", port);
            broker.start();

            try (DurableClient c = new DurableClient(port, inbox)) {
                inbox.await(r -> r.body().equals("System#IN_SERVICE") && r.correlationId() == null, T, "IN_SERVICE after the restart");
                inbox.await(r -> r.body().startsWith("77#State#READY"), T, "the re-published State");
                inbox.await(r -> r.body().startsWith("77#DialogStatus#"), T, "the re-published DialogStatus");
                c.send("MakeNotReady#77", "77");
                assertThat(inbox.await(r -> r.body().startsWith("77#State#NOT_READY"), T, "a command after the restart").body())
                        .startsWith("77#State#NOT_READY");
            }
        } finally {
            broker.close();
        }
    }

    private static final java.time.Duration T = java.time.Duration.ofSeconds(20);

    private Path brokerXml() throws IOException {
        String xml = """
                <configuration xmlns="urn:activemq">
                  <core xmlns="urn:activemq:core">
                    <persistence-enabled>true</persistence-enabled>
                    <journal-type>NIO</journal-type>
                    <paging-directory>%1$s/paging</paging-directory>
                    <bindings-directory>%1$s/bindings</bindings-directory>
                    <journal-directory>%1$s/journal</journal-directory>
                    <large-messages-directory>%1$s/large</large-messages-directory>
                    <security-enabled>false</security-enabled>
                    <acceptors><acceptor name="t">tcp://127.0.0.1:61616?protocols=CORE</acceptor></acceptors>
                  </core>
                </configuration>
                """.formatted(dir.toAbsolutePath());
        Path file = dir.resolve("broker.xml");
        Files.writeString(file, xml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A CORE client with a durable subscription on its topic, so that it finds what was sent in its absence. */
    private static final class DurableClient implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;
        private final Topic own;

        DurableClient(int port, Inbox inbox) throws JMSException {
            connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection();
            connection.setClientID("rc-client");
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            own = session.createTopic("rc.client");
            producer = session.createProducer(session.createTopic("gc.commands"));
            session.createDurableSubscriber(own, "events").setMessageListener(m -> {
                try {
                    inbox.add(new Received(((TextMessage) m).getText(), Map.of(), m.getJMSCorrelationID()));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
        }

        void send(String type, String body) throws JMSException {
            TextMessage m = session.createTextMessage(body);
            m.setJMSType(type);
            m.setJMSReplyTo(own);
            producer.send(m);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (JMSException e) {
                // the broker may be gone
            }
        }
    }
}
