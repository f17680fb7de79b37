package org.genericconnector.finesse.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.UpdateData;
import org.genericconnector.finesse.testing.FinesseNotifier;
import org.genericconnector.finesse.testing.ProsodyServer;
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
        return new XmppEndpoint("127.0.0.1", port, ProsodyServer.DOMAIN, "pubsub." + ProsodyServer.DOMAIN,
                "gc-connector", "if-possible", null, Duration.ofSeconds(5), Duration.ofSeconds(20));
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
}
