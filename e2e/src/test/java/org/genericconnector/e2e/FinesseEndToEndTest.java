package org.genericconnector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.simulator.finesse.FinesseFace;
import org.genericconnector.simulator.finesse.FinesseFaceSettings;
import org.genericconnector.simulator.finesse.FinesseNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connector daemon with {@code acd.type: finesse} on the simulator's Finesse face (REST and prosody XMPP per
 * node, primary and secondary, free ports, the nodes' XMPP certificates in a trust store), driven by real
 * OpenWire, STOMP and CORE clients: the handshake, Connect's credential check, Login, presence, an inbound call
 * from offer to release, and a failover of the primary node to the secondary with the state re-published.
 * Ordered: the failover comes last, the adapter then stays on the secondary.
 */
@org.junit.jupiter.api.TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinesseEndToEndTest {
    private static FinesseFace face;
    private static DaemonFixture fixture;
    private static Path trustStore;

    @BeforeAll
    static void start() throws Exception {
        // real time (the adapter's pings and polls are real), with a ring timeout no loaded machine reaches
        face = FinesseFace.start(FinesseFaceSettings.defaults().withSecondary(true).withRingTimeout(Duration.ofMinutes(5)));
        awaitFaceReady();
        Map<String, String> settings = new HashMap<>();
        settings.put("acd.finesse.nodes.primary.url", face.primary().httpBase());
        settings.put("acd.finesse.nodes.secondary.url", face.secondary().orElseThrow().httpBase());
        settings.put("acd.finesse.systeminfo.poll-interval", "500ms");
        settings.put("acd.finesse.failover.retry-min", "100ms");
        settings.put("acd.finesse.failover.retry-max", "500ms");
        settings.put("acd.finesse.failover.switch-after", "2");
        trustStore = trustStoreOf(face).orElse(null);
        if (trustStore != null) {
            settings.put("acd.finesse.tls.trust-store", trustStore.toString());
            settings.put("acd.finesse.tls.trust-store-password", "face-trust");
        }
        fixture = new DaemonFixture("finesse", settings);
        until(() -> fixture.daemon.linkStatus() == LinkStatus.IN_SERVICE, "the Finesse link in service");
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        if (face != null) {
            face.close();
        }
        if (trustStore != null) {
            Files.deleteIfExists(trustStore);
        }
    }

    /** A polled condition (the face's node status has no event to wait on), bounded by {@link Await#TIMEOUT}. */
    private static void until(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Await.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + Await.TIMEOUT).isLessThan(end);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void awaitFaceReady() {
        until(() -> {
            String status = face.control().handle("finesse status");
            return status.startsWith("OK") && !status.contains("OUT_OF_SERVICE") && !status.contains("xmpp=down");
        }, "the face's nodes in service with XMPP up");
    }

    /** A PKCS#12 trust store with the nodes' XMPP certificates, when prosody offers STARTTLS. */
    private static Optional<Path> trustStoreOf(FinesseFace f) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int count = 0;
        for (FinesseNode node : f.nodes()) {
            Optional<Path> pem = node.xmppCertificate();
            if (pem.isPresent()) {
                try (InputStream in = Files.newInputStream(pem.get())) {
                    store.setCertificateEntry(node.name(), CertificateFactory.getInstance("X.509").generateCertificate(in));
                    count++;
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        Path file = Files.createTempFile("gc-e2e-finesse-trust", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "face-trust".toCharArray());
        }
        return Optional.of(file);
    }

    private static String control(String line) {
        String reply = face.control().handle(line);
        assertThat(reply).as(line).startsWith("OK");
        return reply;
    }

    private static GcClient client(ClientKind kind, String name) {
        return fixture.client(kind, "finesse." + kind.name().toLowerCase() + "." + name);
    }

    private static String password(String agent) {
        return "sample-" + agent;
    }

    /** conf/sandbox.yaml: agent 1xxx on extension 5xxx, 2xxx on 6xxx. */
    private static String extension(String agent) {
        return (agent.startsWith("1") ? "5" : "6") + agent.substring(1);
    }

    static void hello(GcClient c) {
        Await.hello(c);
    }

    static void login(GcClient c, String agent) {
        Await.login(c, agent, password(agent), extension(agent));
    }

    private static void state(GcClient c, String agent, AgentState state) {
        Await.state(c, agent, state);
    }

    /** Agents with wrap-up OPTIONAL in conf/sandbox.yaml, one per protocol. */
    private static String agentFor(ClientKind kind) {
        return switch (kind) {
            case OPENWIRE -> "1006";
            case STOMP -> "1008";
            case CORE -> "2004";
        };
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    @Order(1)
    void handshakeLoginAndLogoutOverEveryProtocol(ClientKind kind) {
        String agent = agentFor(kind);
        try (GcClient c = client(kind, "login")) {
            login(c, agent);
            c.send("MakeReady#" + agent, agent);
            state(c, agent, AgentState.READY);
            c.send("MakeNotReady#" + agent, agent);
            state(c, agent, AgentState.NOT_READY);
            c.send("Logout#" + agent, agent);
            state(c, agent, AgentState.LOGOUT);
        }
    }

    @Test
    @Order(2)
    void connectPresenceAndAnInboundCallFromOfferToReleaseOverOpenWire() {
        String agent = "1002";
        try (GcClient c = client(ClientKind.OPENWIRE, "call")) {
            hello(c);
            c.send("Connect#" + agent, c.topic() + ",wrong-password");
            Await.error(c, agent, ErrorCode.SUBSCRIPTION_FAILED);

            c.send("Connect#" + agent, c.topic() + "," + password(agent));
            c.send("Login#" + agent, password(agent) + "," + extension(agent));
            Event.AgentInfo info = Await.event(c, Event.AgentInfo.class, e -> e.agentId().equals(agent), "AgentInfo");
            assertThat(info.loginName()).isNotEmpty();
            state(c, agent, AgentState.NOT_READY);
            Await.event(c, Event.DialogStatus.class, e -> e.agentId().equals(agent), "DialogStatus");

            c.send("MakeReady#" + agent, agent);
            state(c, agent, AgentState.READY);
            c.send("MakeNotReadyWithReason#" + agent, "2");
            Await.event(c, Event.State.class, e -> e.agentId().equals(agent) && e.state() == AgentState.NOT_READY
                    && "2".equals(e.reasonCodeId()), "NOT_READY reason 2");
            c.send("GetState#" + agent, "");
            state(c, agent, AgentState.NOT_READY);
            c.send("MakeReady#" + agent, agent);
            state(c, agent, AgentState.READY);

            control("inbound to-agent=" + agent + " from=+4930555111");
            Event.NewInboundCall offer = Await.event(c, Event.NewInboundCall.class,
                    e -> e.agentId().equals(agent) && e.fromAddress().equals("+4930555111"), "NewInboundCall");
            String dialog = offer.dialogId();
            state(c, agent, AgentState.RESERVED);
            c.send("AnswerCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.ACTIVE, "ACTIVE");
            state(c, agent, AgentState.TALKING);
            c.send("HoldCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.HELD, "HELD");
            state(c, agent, AgentState.HOLD);
            c.send("RetrieveCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.ACTIVE, "ACTIVE again");
            state(c, agent, AgentState.TALKING);
            c.send("GetDialogState#" + agent, dialog);
            Await.event(c, Event.DialogState.class, e -> e.agentId().equals(agent) && e.dialogId().equals(dialog), "DialogState");
            c.send("ReleaseCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.DROPPED, "DROPPED");
            state(c, agent, AgentState.READY);

            c.send("MakeReady#4711", "4711");
            Await.event(c, Event.ReLogin.class, e -> e.agentId().equals("4711"), "4711#State#RE_LOGIN");

            c.send("MakeNotReady#" + agent, agent);
            state(c, agent, AgentState.NOT_READY);
            c.send("Logout#" + agent, agent);
            state(c, agent, AgentState.LOGOUT);
        }
    }

    @Test
    @Order(3)
    void aConnectFromAnotherClientInvalidatesTheFirstAcrossProtocols() {
        String agent = "2009";
        try (GcClient first = client(ClientKind.OPENWIRE, "first"); GcClient second = client(ClientKind.STOMP, "second")) {
            login(first, agent);
            Await.sessionMovesToSecondClient(first, second, agent, password(agent));
        }
    }

    @Test
    @Order(4)
    void thePrimaryOutOfServiceFailsOverToTheSecondaryAndStateIsRepublished() {
        String agent = "1011";
        try (GcClient ow = client(ClientKind.OPENWIRE, "failover.agent");
             GcClient stomp = client(ClientKind.STOMP, "failover.stomp");
             GcClient core = client(ClientKind.CORE, "failover.core")) {
            login(ow, agent);
            ow.send("MakeReady#" + agent, agent);
            state(ow, agent, AgentState.READY);
            hello(stomp);
            hello(core);
            GcClient[] all = {ow, stomp, core};

            try {
                // a call in progress when the primary's CTI link and notification service go down together
                control("inbound to-agent=" + agent + " from=+4930555222");
                String dialog = Await.event(ow, Event.NewInboundCall.class,
                        e -> e.agentId().equals(agent) && e.fromAddress().equals("+4930555222"), "NewInboundCall").dialogId();
                ow.send("AnswerCall#" + agent, dialog);
                state(ow, agent, AgentState.TALKING);
                ow.inbox().clear();
                control("finesse out-of-service node=primary reason=CTI");
                control("finesse xmpp-stop node=primary");
                for (GcClient c : all) {
                    Await.system(c, LinkStatus.OUT_OF_SERVICE);
                }
                for (GcClient c : all) {
                    Await.system(c, LinkStatus.IN_SERVICE);            // on the secondary now
                }
                Await.event(ow, Event.State.class, e -> e.agentId().equals(agent) && e.state() == AgentState.TALKING,
                        "the re-published State");
                Await.event(ow, Event.DialogStatus.class, e -> e.agentId().equals(agent) && e.dialog() != null
                        && e.dialog().dialogId().equals(dialog), "the re-published DialogStatus with the call");

                // the call goes on through the secondary, notifications included
                ow.send("ReleaseCall#" + agent, dialog);
                Await.event(ow, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.DROPPED,
                        "DROPPED through the secondary");
                state(ow, agent, AgentState.READY);
                ow.send("MakeNotReady#" + agent, agent);
                state(ow, agent, AgentState.NOT_READY);
                ow.send("Logout#" + agent, agent);
                state(ow, agent, AgentState.LOGOUT);
            } finally {
                face.control().handle("finesse xmpp-start node=primary");
                face.control().handle("finesse in-service node=primary");
            }
        }
    }
}
