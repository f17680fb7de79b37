package org.genericconnector.finesse.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.UpdateData;
import org.genericconnector.finesse.testing.FinesseNotifier;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.genericconnector.finesse.testing.FaultyLink;
import org.genericconnector.finesse.testing.Waiting;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One agent's XMPP session against a real prosody: login, notifications, presence, subscriptions, drops. */
class FinesseXmppSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ProsodyServer prosody;
    private static FinesseNotifier finesse;

    @BeforeAll
    static void startServer() {
        prosody = ProsodyServer.start("finesse", "fin-pass", "1001", "secret", "1002", "secret2", "1003", "secret3");
        finesse = FinesseNotifier.connect(prosody, "fin-pass", "gc-connector");
    }

    @AfterAll
    static void stopServer() {
        finesse.close();
        prosody.close();
    }

    private static XmppEndpoint endpoint(int port) {
        return endpoint(port, "if-possible", null, Duration.ofSeconds(20));
    }

    private static XmppEndpoint endpoint(int port, String security, X509TrustManager trust, Duration pingInterval) {
        return new XmppEndpoint("127.0.0.1", port, ProsodyServer.DOMAIN, "pubsub." + ProsodyServer.DOMAIN,
                "gc-connector", security, trust, Duration.ofSeconds(5), pingInterval);
    }

    /** A trust manager that trusts exactly the given PEM certificate. */
    static X509TrustManager trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static void assertUnableToSubscribe(org.assertj.core.api.ThrowableAssert.ThrowingCallable open) {
        assertThatThrownBy(open).isInstanceOfSatisfying(AcdException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE);
            assertThat(e.kind()).isEqualTo(AcdException.Kind.RETRIABLE);
        });
    }

    /** Records what a session reports. */
    static final class Recorder implements FinesseXmppSession.Listener {
        final List<FinesseUpdate> updates = new CopyOnWriteArrayList<>();
        final List<Exception> losses = new CopyOnWriteArrayList<>();
        final List<Boolean> finessePresence = new CopyOnWriteArrayList<>();

        @Override
        public void onUpdate(FinesseXmppSession session, FinesseUpdate update) {
            updates.add(update);
        }

        @Override
        public void onConnectionLost(FinesseXmppSession session, Exception cause) {
            losses.add(cause);
        }

        @Override
        public void onFinessePresence(FinesseXmppSession session, boolean available) {
            finessePresence.add(available);
        }
    }

    @Test
    void escapedUpdateOnTheUserNodeArrivesParsed() throws Exception {
        Recorder recorder = new Recorder();
        try (FinesseXmppSession session = FinesseXmppSession.open(endpoint(prosody.port()), "1001", "secret", recorder)) {
            assertThat(session.isConnected()).isTrue();
            finesse.notify("1001", "/finesse/api/User/1001", FinesseNotifier.update("PUT", "req-1",
                    "/finesse/api/User/1001", "<user><loginId>1001</loginId><state>READY</state><extension>2001</extension></user>"));
            Waiting.until(WAIT, "the update", () -> !recorder.updates.isEmpty());
            FinesseUpdate update = recorder.updates.get(0);
            assertThat(update.requestId()).isEqualTo("req-1");
            assertThat(update.node()).isEqualTo("/finesse/api/User/1001");
            assertThat(update.data()).isInstanceOfSatisfying(UpdateData.UserData.class,
                    d -> assertThat(d.user().extension()).isEqualTo("2001"));
        }
    }

    @Test
    void wrongPasswordIsSubscriptionFailed() {
        assertThatThrownBy(() -> FinesseXmppSession.open(endpoint(prosody.port()), "1001", "wrong", new Recorder()))
                .isInstanceOfSatisfying(AcdException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
                    assertThat(e.kind()).isEqualTo(AcdException.Kind.PERMANENT);
                });
    }

    @Test
    void unreachableServiceIsUnableToSubscribe() {
        int nobody = ProsodyServer.freePort();
        assertThatThrownBy(() -> FinesseXmppSession.open(endpoint(nobody), "1001", "secret", new Recorder()))
                .isInstanceOfSatisfying(AcdException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE);
                    assertThat(e.kind()).isEqualTo(AcdException.Kind.RETRIABLE);
                });
    }

    @Test
    void finessePresenceIsReported() throws Exception {
        Recorder recorder = new Recorder();
        try (FinesseXmppSession session = FinesseXmppSession.open(endpoint(prosody.port()), "1002", "secret2", recorder)) {
            finesse.presence("1002", false);
            Waiting.until(WAIT, "unavailable", () -> recorder.finessePresence.contains(false));
            finesse.presence("1002", true);
            Waiting.until(WAIT, "available", () -> recorder.finessePresence.contains(true));
        }
    }

    @Test
    void explicitSubscriptionReceivesTeamUpdatesUntilClosed() throws Exception {
        String node = "/finesse/api/Team/5000/Users";
        finesse.createNode(node);
        Recorder recorder = new Recorder();
        FinesseXmppSession session = FinesseXmppSession.open(endpoint(prosody.port()), "1003", "secret3", recorder);
        session.subscribe(node);
        assertThat(session.explicitNodes()).containsExactly(node);
        finesse.publish(node, FinesseNotifier.update("PUT", "", "/finesse/api/User/1001",
                "<user><loginId>1001</loginId><state>TALKING</state></user>"));
        Waiting.until(WAIT, "the team update", () -> !recorder.updates.isEmpty());
        assertThat(recorder.updates.get(0).data()).isInstanceOfSatisfying(UpdateData.TeamUserData.class,
                d -> assertThat(d.teamId()).isEqualTo("5000"));
        session.close();
        assertThat(session.isConnected()).isFalse();
    }

    @Test
    void startTlsWhereOfferedWithTheConfiguredTrustCarriesTheNotifications() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "finesse", "fin-pass", "1001", "secret");
             FinesseNotifier notifier = FinesseNotifier.connect(tls, "fin-pass", "gc-connector")) {
            Recorder recorder = new Recorder();
            FinesseXmppSession session = FinesseXmppSession.open(
                    endpoint(tls.port(), "if-possible", trusting(tls.certificate()), Duration.ofSeconds(20)), "1001", "secret", recorder);
            assertThat(session.isSecure()).isTrue();
            notifier.notify("1001", "/finesse/api/User/1001", FinesseNotifier.update("PUT", "req-tls",
                    "/finesse/api/User/1001", "<user><loginId>1001</loginId><state>NOT_READY</state></user>"));
            Waiting.until(WAIT, "the update over TLS", () -> !recorder.updates.isEmpty());
            assertThat(recorder.updates.get(0).requestId()).isEqualTo("req-tls");
            long start = System.nanoTime();
            session.close();
            // the server's closing stream tag ends the logout, not the 5 s reply timeout
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(recorder.losses).isEmpty();
        }
    }

    @Test
    void untrustedCertificateIsUnableToSubscribe() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "1001", "secret")) {
            // the JDK's default trust store does not hold the self-signed certificate
            assertUnableToSubscribe(() -> FinesseXmppSession.open(endpoint(tls.port(), "if-possible", null, Duration.ofSeconds(20)),
                    "1001", "secret", new Recorder()));
        }
    }

    @Test
    void trustedCertificateForAnotherNameIsRefused() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls("elsewhere.test", "1001", "secret")) {
            X509TrustManager trust = trusting(tls.certificate());
            assertUnableToSubscribe(() -> FinesseXmppSession.open(endpoint(tls.port(), "required", trust, Duration.ofSeconds(20)),
                    "1001", "secret", new Recorder()));
        }
    }

    @Test
    void directTlsOnTheSecurePortWithTheConfiguredTrustCarriesTheNotifications() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "finesse", "fin-pass", "1001", "secret");
             FinesseNotifier notifier = FinesseNotifier.connect(tls, "fin-pass", "gc-connector")) {
            Recorder recorder = new Recorder();
            FinesseXmppSession session = FinesseXmppSession.open(endpoint(tls.directTlsPort(), "direct-tls",
                    trusting(tls.certificate()), Duration.ofSeconds(20)), "1001", "secret", recorder);
            assertThat(session.isSecure()).isTrue();
            notifier.notify("1001", "/finesse/api/User/1001", FinesseNotifier.update("PUT", "req-direct",
                    "/finesse/api/User/1001", "<user><loginId>1001</loginId><state>READY</state></user>"));
            Waiting.until(WAIT, "the update over direct TLS", () -> !recorder.updates.isEmpty());
            assertThat(recorder.updates.get(0).requestId()).isEqualTo("req-direct");
            session.close();
            assertThat(session.isConnected()).isFalse();
            assertThat(recorder.losses).isEmpty();
        }
    }

    @Test
    void directTlsWithAnUntrustedCertificateIsUnableToSubscribe() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "1001", "secret")) {
            // the JDK's default trust store does not hold the self-signed certificate
            assertUnableToSubscribe(() -> FinesseXmppSession.open(endpoint(tls.directTlsPort(), "direct-tls", null,
                    Duration.ofSeconds(20)), "1001", "secret", new Recorder()));
        }
    }

    @Test
    void directTlsWithATrustedCertificateForAnotherNameIsRefused() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls("elsewhere.test", "1001", "secret")) {
            X509TrustManager trust = trusting(tls.certificate());
            assertUnableToSubscribe(() -> FinesseXmppSession.open(endpoint(tls.directTlsPort(), "direct-tls", trust,
                    Duration.ofSeconds(20)), "1001", "secret", new Recorder()));
        }
    }

    @Test
    void directTlsToAPlainClientPortIsUnableToSubscribe() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "1001", "secret")) {
            // the client port expects an XMPP stream, not a TLS ClientHello: the handshake fails
            X509TrustManager trust = trusting(tls.certificate());
            assertUnableToSubscribe(() -> FinesseXmppSession.open(endpoint(tls.port(), "direct-tls", trust,
                    Duration.ofSeconds(20)), "1001", "secret", new Recorder()));
        }
    }

    @Test
    void requiredSecurityWithoutStartTlsIsUnableToSubscribe() {
        assertUnableToSubscribe(() -> FinesseXmppSession.open(endpoint(prosody.port(), "required", null, Duration.ofSeconds(20)),
                "1001", "secret", new Recorder()));
    }

    @Test
    void disabledSecurityStaysPlainWhereStartTlsIsOffered() throws Exception {
        try (ProsodyServer tls = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "1001", "secret");
             FinesseXmppSession session = FinesseXmppSession.open(endpoint(tls.port(), "disabled", null, Duration.ofSeconds(20)),
                     "1001", "secret", new Recorder())) {
            assertThat(session.isConnected()).isTrue();
            assertThat(session.isSecure()).isFalse();
        }
    }

    @Test
    void serverShutdownIsReportedAsALossWithoutWaitingForAPing() throws Exception {
        try (ProsodyServer own = ProsodyServer.start("1001", "secret")) {
            Recorder recorder = new Recorder();
            // no ping is due within the wait: only the stream error can report the drop
            FinesseXmppSession session = FinesseXmppSession.open(endpoint(own.port(), "if-possible", null, Duration.ofMinutes(5)),
                    "1001", "secret", recorder);
            own.stop();
            Waiting.until(WAIT, "the loss", () -> !recorder.losses.isEmpty());
            assertThat(recorder.losses).hasSize(1);
            assertThat(session.isConnected()).isFalse();
            session.abandon();
        }
    }

    @Test
    void keepAlivePingsAreAnsweredAndKeepTheSessionUp() throws Exception {
        Recorder recorder = new Recorder();
        try (FinesseXmppSession session = FinesseXmppSession.open(
                endpoint(prosody.port(), "if-possible", null, Duration.ofMillis(200)), "1002", "secret2", recorder)) {
            Waiting.until(WAIT, "three answered pings", () -> session.pingsAnswered() >= 3);
            assertThat(session.isConnected()).isTrue();
            assertThat(recorder.losses).isEmpty();
        }
    }

    @Test
    void peerThatClosesWithoutAStreamErrorIsReportedWithoutWaitingForAPing() throws Exception {
        try (FaultyLink proxy = FaultyLink.to(prosody.port())) {
            Recorder recorder = new Recorder();
            // no ping is due within the wait: only the end of the socket can report the drop
            FinesseXmppSession session = FinesseXmppSession.open(endpoint(proxy.port(), "if-possible", null, Duration.ofMinutes(5)),
                    "1002", "secret2", recorder);
            proxy.cut();
            Waiting.until(WAIT, "the loss", () -> !recorder.losses.isEmpty());
            assertThat(session.isConnected()).isFalse();
            session.abandon();
        }
    }

    @Test
    void silentNetworkIsFoundByTheKeepAlive() throws Exception {
        try (FaultyLink proxy = FaultyLink.to(prosody.port())) {
            Recorder recorder = new Recorder();
            FinesseXmppSession session = FinesseXmppSession.open(endpoint(proxy.port(), "if-possible", null, Duration.ofMillis(300)),
                    "1003", "secret3", recorder);
            Waiting.until(WAIT, "an answered ping", () -> session.pingsAnswered() >= 1);
            proxy.freeze();
            Waiting.until(WAIT, "the loss", () -> !recorder.losses.isEmpty());
            assertThat(recorder.losses.get(0)).hasMessageContaining("ping");
            assertThat(session.isConnected()).isFalse();
            session.abandon();
        }
    }

    @Test
    void sessionsDoNotEachTakeAPlatformThread() throws Exception {
        int count = 100;
        for (int i = 0; i < count; i++) {
            prosody.account("many" + i, "pw" + i);
        }
        var threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        List<FinesseXmppSession> sessions = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore parallel = new Semaphore(8);
            List<Future<FinesseXmppSession>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                opening.add(pool.submit(() -> {
                    parallel.acquire();
                    try {
                        return FinesseXmppSession.open(endpoint(prosody.port()), "many" + n, "pw" + n, new Recorder());
                    } finally {
                        parallel.release();
                    }
                }));
            }
            for (Future<FinesseXmppSession> f : opening) {
                sessions.add(f.get());
            }
        }
        try {
            int after = threads.getThreadCount();
            assertThat(sessions).allMatch(FinesseXmppSession::isConnected);
            // a thread per connection (XMPPTCPConnection: reader and writer) would be 2 x 100 more
            assertThat(after - before).as("platform threads added by %d sessions", count).isLessThan(count / 4);
        } finally {
            sessions.forEach(FinesseXmppSession::abandon);
        }
    }
}
