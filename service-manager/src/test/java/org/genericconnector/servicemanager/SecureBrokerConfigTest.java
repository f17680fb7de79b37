package org.genericconnector.servicemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.genericconnector.connector.ConnectorDaemon;
import org.genericconnector.connector.broker.EmbeddedBroker;
import org.genericconnector.connector.config.ConnectorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/broker-secure.xml as shipped, run by the connector's EmbeddedBroker, with the JAAS files made the way docs/OPERATIONS.md says: clients send
 * commands and read only their own topics, the connector reads commands and writes client topics, operators
 * drive the sandbox, and wrong credentials are refused.
 */
class SecureBrokerConfigTest {
    private static final Path REPO_CONF = Path.of(System.getProperty("gc.repo.conf", "../conf")).toAbsolutePath().normalize();

    @TempDir
    static Path conf;
    private static EmbeddedBroker broker;
    private static String url;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    @BeforeAll
    static void startSecureBroker() throws Exception {
        for (String user : List.of("gc-connector", "gc-admin", "desk1", "crm-server")) {
            PASSWORDS.put(user, UUID.randomUUID().toString());
        }
        StringBuilder users = new StringBuilder();
        for (var e : PASSWORDS.entrySet()) {
            String hash = Gcctl.runWithInput(Layout.from(Map.of("GC_HOME", conf.toString())), e.getValue() + "\n",
                    "hash-password", "--stdin", "--artemis").out().strip();
            assertThat(hash).startsWith("ENC(");
            users.append(e.getKey()).append(" = ").append(hash).append('\n');
        }
        Files.writeString(conf.resolve("artemis-users.properties"), users);
        Files.writeString(conf.resolve("artemis-roles.properties"), """
                gc-connector = gc-connector
                gc-admin = gc-admin
                gc-client = desk1,crm-server
                client-desk1 = desk1
                client-crm-server = crm-server
                """);
        Files.writeString(conf.resolve("login.config"), """
                activemq {
                  org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule required
                    reload=true
                    org.apache.activemq.jaas.properties.user="artemis-users.properties"
                    org.apache.activemq.jaas.properties.role="artemis-roles.properties";
                };
                """);
        System.setProperty("java.security.auth.login.config", conf.resolve("login.config").toString());

        int port = MessagingCommandsTest.freePort();
        // The connector's own embedded broker with broker.config: broker-secure.xml.
        broker = new EmbeddedBroker(REPO_CONF.resolve("broker-secure.xml"), "127.0.0.1", port);
        broker.start();
        url = "tcp://127.0.0.1:" + port;
    }

    /** As the connector's EmbeddedBroker does: broker.xml with its TCP acceptor moved to a free port. */
    static FileConfiguration load(Path xml, int port) throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(xml.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        List<TransportConfiguration> moved = configuration.getAcceptorConfigurations().stream().map(a -> {
            Map<String, Object> params = new HashMap<>(a.getParams());
            params.put("port", String.valueOf(port));
            return new TransportConfiguration(a.getFactoryClassName(), params, a.getName(), a.getExtraParams());
        }).toList();
        configuration.getAcceptorConfigurations().clear();
        moved.forEach(configuration.getAcceptorConfigurations()::add);
        return configuration;
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static Connection connect(String user) throws Exception {
        ActiveMQConnectionFactory f = new ActiveMQConnectionFactory(url, user, PASSWORDS.get(user));
        f.setReconnectAttempts(0);
        Connection c = f.createConnection();
        c.start();
        return c;
    }

    @Test
    void aClientSendsCommandsAndReadsOnlyItsOwnTopics() throws Exception {
        try (Connection connector = connect("gc-connector"); Connection desk1 = connect("desk1")) {
            Session cs = connector.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var commands = cs.createSharedConsumer(cs.createTopic("gc.commands"), "gc-connector");
            Session ds = desk1.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var own = ds.createConsumer(ds.createTopic("gc.client.desk1.events"));

            ds.createProducer(ds.createTopic("gc.commands")).send(ds.createTextMessage("gc.client.desk1.events"));
            Message command = commands.receive(5000);
            assertThat(((TextMessage) command).getText()).isEqualTo("gc.client.desk1.events");

            cs.createProducer(cs.createTopic("gc.client.desk1.events")).send(cs.createTextMessage("System#IN_SERVICE"));
            assertThat(((TextMessage) own.receive(5000)).getText()).isEqualTo("System#IN_SERVICE");

            assertThatThrownBy(() -> ds.createConsumer(ds.createTopic("gc.client.crm-server.events")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> ds.createConsumer(ds.createTopic("gc.commands"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> ds.createProducer(ds.createTopic("gc.client.crm-server.events")).send(ds.createTextMessage("x")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void onlyOperatorsDriveTheSandboxAndReadGcctlReplies() throws Exception {
        try (Connection desk1 = connect("desk1"); Connection admin = connect("gc-admin")) {
            Session ds = desk1.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> ds.createProducer(ds.createTopic("gc.sandbox.control")).send(ds.createTextMessage("LINK DOWN")))
                    .isInstanceOf(JMSSecurityException.class);
            Session as = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
            as.createConsumer(as.createTopic("gcctl.health.x1")).close();
            as.createProducer(as.createTopic("gc.commands")).send(as.createTextMessage("gcctl.health.x1"));
        }
    }

    @Test
    void wrongOrMissingCredentialsAreRefused() {
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(url, "desk1", "wrong").createConnection())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(url).createConnection()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void gcctlMapsARefusalToExitThreeAndWorksForAnOperator() {
        Layout layout = Layout.from(Map.of("GC_HOME", conf.toString()));
        Gcctl.Run client = Gcctl.run(layout, "health", "--broker-url", url, "--user", "desk1", "--password", PASSWORDS.get("desk1"));
        assertThat(client.code()).as(client.toString()).isEqualTo(ExitCodes.BROKER_UNREACHABLE);
        assertThat(client.err()).contains("gcctl: the broker refused");
        Gcctl.Run wrong = Gcctl.run(layout, "health", "--broker-url", url, "--user", "gc-admin", "--password", "wrong");
        assertThat(wrong.code()).isEqualTo(ExitCodes.BROKER_UNREACHABLE);
        assertThat(wrong.err()).contains("refused the credentials of user gc-admin");
        // No connector behind this broker: the operator gets as far as waiting for the answer.
        Gcctl.Run admin = Gcctl.run(layout, "health", "--broker-url", url, "--user", "gc-admin", "--password", PASSWORDS.get("gc-admin"),
                "--timeout", "200ms");
        assertThat(admin.code()).as(admin.toString()).isEqualTo(ExitCodes.TIMEOUT);
    }


    @Test
    void aConnectorWithTheSecuredEmbeddedBrokerAnswersAnOperatorsHealthCheck() throws Exception {
        Files.copy(REPO_CONF.resolve("broker-secure.xml"), conf.resolve("broker-secure.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ConnectorConfig config = ConnectorConfig.of(Map.of("acd.type", "test-acd", "broker.config", "broker-secure.xml",
                "broker.port", "0", "broker.user", "gc-connector", "broker.password", PASSWORDS.get("gc-connector"),
                "admin.port", "0", "shutdown.grace-period", "1s"), conf);
        try (ConnectorDaemon daemon = new ConnectorDaemon(config, java.time.InstantSource.system())) {
            daemon.start();
            Layout layout = Layout.from(Map.of("GC_HOME", conf.toString()));
            Gcctl.Run health = Gcctl.run(layout, "health", "--broker-url", daemon.brokerUrl(), "--user", "gc-admin",
                    "--password", PASSWORDS.get("gc-admin"));
            assertThat(health.code()).as(health.toString()).isZero();
            Gcctl.Run anonymous = Gcctl.run(layout, "health", "--broker-url", daemon.brokerUrl());
            assertThat(anonymous.code()).isEqualTo(ExitCodes.BROKER_UNREACHABLE);
        }
    }

}
