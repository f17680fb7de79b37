package org.genericconnector.simulator.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The face's faults, seen by a client over the real wire (finesse.md §5, §7): a node out of service and back,
 * failover to the secondary node, the XMPP server restarted, slow responses, injected 503s, forced logout after
 * presence loss. Each test uses its own agents (the class shares one face).
 */
class FinesseFaultsTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(FinesseFaceSettings.defaults().withSimulatedTime(true));

    @Test
    void outOfServiceAnswers503AndNotifiesSystemInfoThenRepublishesOnRecovery() throws Exception {
        FinesseNode primary = FINESSE.face().primary();
        try (FinesseTestClient agent = new FinesseTestClient(primary, "2002", "sample-2002")) {
            agent.connectXmpp();
            signIn(agent, "2002", "6002");

            assertThat(FINESSE.control("finesse out-of-service node=primary reason=CTI")).isEqualTo("OK");
            TestUpdate down = agent.await("SystemInfo OUT_OF_SERVICE", u -> u.source().equals("/finesse/api/SystemInfo"));
            assertThat(down.text("status")).isEqualTo("OUT_OF_SERVICE");
            HttpResponse<String> refused = agent.get("/User/2002");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("<ApiErrors>").contains("SERVER_OUT_OF_SERVICE");
            assertThat(agent.put("/User/2002", "<User><state>READY</state></User>", null).statusCode()).isEqualTo(503);
            assertThat(agent.get("/SystemInfo").body()).contains("<status>OUT_OF_SERVICE</status>").contains("<statusReason>CTI</statusReason>");

            assertThat(FINESSE.control("finesse in-service node=primary")).isEqualTo("OK");
            TestUpdate up = agent.await("SystemInfo IN_SERVICE", u -> u.source().equals("/finesse/api/SystemInfo"));
            assertThat(up.text("status")).isEqualTo("IN_SERVICE");
            agent.awaitUserState("NOT_READY"); // the last state, republished after recovery
            assertThat(agent.get("/User/2002").statusCode()).isEqualTo(200);
            signOut(agent, "2002");
        }
    }

    @Test
    void aClientFailsOverToTheSecondaryNodeWhichSharesTheModel() throws Exception {
        FinesseNode primary = FINESSE.face().primary();
        FinesseNode secondary = FINESSE.face().secondary().orElseThrow();
        try (FinesseTestClient agent = new FinesseTestClient(primary, "2003", "sample-2003")) {
            agent.connectXmpp();
            signIn(agent, "2003", "6003");
            String info = agent.get("/SystemInfo").body();
            assertThat(info).contains("<secondaryNode><host>" + secondary.xmppDomain() + "</host>");

            FINESSE.control("finesse out-of-service node=primary");
            agent.await("SystemInfo OUT_OF_SERVICE", u -> u.source().equals("/finesse/api/SystemInfo"));
            agent.disconnectXmpp();
            agent.useNode(secondary);
            assertThat(agent.get("/SystemInfo").body()).contains("<status>IN_SERVICE</status>")
                    .contains("<xmppDomain>" + secondary.xmppDomain() + "</xmppDomain>");
            agent.connectXmpp();
            assertThat(agent.get("/User/2003").body()).contains("<state>NOT_READY</state>");
            assertThat(agent.put("/User/2003", "<User><state>READY</state></User>", "on-secondary").statusCode()).isEqualTo(202);
            assertThat(agent.awaitUserState("READY").requestId()).isEqualTo("on-secondary");
        } finally {
            FINESSE.control("finesse in-service node=primary");
        }
        try (FinesseTestClient agent = new FinesseTestClient(primary, "2003", "sample-2003")) {
            assertThat(agent.get("/User/2003").body()).contains("<state>READY</state>"); // one model behind both nodes
            agent.put("/User/2003", "<User><state>NOT_READY</state></User>", null);
            Conditions.await("2003 NOT_READY", () -> FINESSE.face().contactCenter().agent("2003").orElseThrow().status().name().equals("NOT_READY"));
            signOut(agent, "2003");
        }
    }

    @Test
    void afterTheXmppServerRestartsAReconnectedClientGetsNotificationsAgain() throws Exception {
        FinesseNode primary = FINESSE.face().primary();
        try (FinesseTestClient agent = new FinesseTestClient(primary, "2004", "sample-2004")) {
            agent.connectXmpp();
            signIn(agent, "2004", "6004");

            Conditions.await("the face sees 2004's presence", () -> FINESSE.face().isPresent("2004"));
            FINESSE.control("finesse xmpp-stop node=primary");
            Conditions.await("client sees the XMPP connection drop", () -> !agent.xmppConnected());
            Conditions.await("presence lost with the server", () -> FINESSE.face().forcedLogoutPending("2004"));
            assertThat(agent.get("/User/2004").statusCode()).isEqualTo(200); // REST is still up
            FINESSE.control("finesse xmpp-start node=primary");
            Conditions.await("notification service ready again", primary::notificationServiceReady);

            agent.connectXmpp();
            Conditions.await("presence back, forced logout called off", () -> !FINESSE.face().forcedLogoutPending("2004"));
            agent.put("/User/2004", "<User><state>READY</state></User>", "after-restart");
            assertThat(agent.awaitUserState("READY").requestId()).isEqualTo("after-restart");
            agent.put("/User/2004", "<User><state>NOT_READY</state></User>", null);
            agent.awaitUserState("NOT_READY");
            signOut(agent, "2004");
        }
    }

    @Test
    void whenTheWebApplicationIsDownFinessesPresenceIsUnavailableAndRestGivesNoAnswer() throws Exception {
        FinesseNode primary = FINESSE.face().primary();
        try (FinesseTestClient agent = new FinesseTestClient(primary, "2010", "sample-2010")) {
            agent.connectXmpp();
            signIn(agent, "2010", "6010");
            Conditions.await("finesse available", () -> available(agent));

            assertThat(FINESSE.control("finesse webapp-down node=primary")).isEqualTo("OK");
            Conditions.await("finesse unavailable", () -> !available(agent));
            assertThatThrownBy(() -> agent.get("/User/2010")).isInstanceOf(java.io.IOException.class);
            assertThat(FINESSE.control("finesse status")).contains("primary=IN_SERVICE,webapp=down");

            assertThat(FINESSE.control("finesse webapp-up node=primary")).isEqualTo("OK");
            Conditions.await("finesse available again", () -> available(agent));
            agent.awaitUserState("NOT_READY"); // republished
            assertThat(agent.get("/User/2010").statusCode()).isEqualTo(200);
            signOut(agent, "2010");
        } finally {
            FINESSE.control("finesse webapp-up node=primary");
        }
    }

    private static boolean available(FinesseTestClient agent) {
        try {
            return agent.finesseAvailable();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSlowNodeMakesAShortClientTimeoutExpire() throws Exception {
        FinesseNode secondary = FINESSE.face().secondary().orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(secondary.httpBase() + "/SystemInfo"))
                .timeout(Duration.ofMillis(300)).build();
        try {
            assertThat(FINESSE.control("finesse delay node=secondary by=3s")).isEqualTo("OK");
            assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        } finally {
            FINESSE.control("finesse delay node=secondary by=0s");
        }
        assertThat(FINESSE.control("finesse status")).contains("secondary=IN_SERVICE");
        HttpRequest patient = HttpRequest.newBuilder(URI.create(secondary.httpBase() + "/SystemInfo")).timeout(Duration.ofSeconds(10)).build();
        assertThat(http.send(patient, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void injected503sAnswerTheNextRequestsOnly() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "2006", "sample-2006")) {
            assertThat(FINESSE.control("finesse fail-next node=primary count=2")).isEqualTo("OK");
            assertThat(agent.get("/User/2006").statusCode()).isEqualTo(503);
            assertThat(agent.get("/SystemInfo").statusCode()).isEqualTo(503);
            assertThat(agent.get("/User/2006").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAgentWhosePresenceIsGoneIsLoggedOutAfterTheGracePeriod() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "2005", "sample-2005")) {
            agent.connectXmpp();
            signIn(agent, "2005", "6005");
            Conditions.await("the face sees 2005's presence", () -> FINESSE.face().isPresent("2005"));

            agent.disconnectXmpp();
            Conditions.await("forced logout counting down", () -> FINESSE.face().forcedLogoutPending("2005"));
            assertThat(FINESSE.control("advance by=59s")).startsWith("OK");
            assertThat(agent.get("/User/2005").body()).contains("<state>NOT_READY</state>");
            assertThat(FINESSE.control("advance by=1s")).startsWith("OK");
            assertThat(agent.get("/User/2005").body()).contains("<state>LOGOUT</state>");
        }
    }

    @Test
    void presenceComingBackCallsTheForcedLogoutOff() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "2007", "sample-2007")) {
            agent.connectXmpp();
            signIn(agent, "2007", "6007");
            Conditions.await("the face sees 2007's presence", () -> FINESSE.face().isPresent("2007"));
            agent.disconnectXmpp();
            Conditions.await("forced logout counting down", () -> FINESSE.face().forcedLogoutPending("2007"));
            agent.connectXmpp();
            Conditions.await("forced logout called off", () -> !FINESSE.face().forcedLogoutPending("2007"));
            FINESSE.control("advance by=2m");
            assertThat(agent.get("/User/2007").body()).contains("<state>NOT_READY</state>");
            signOut(agent, "2007");
        }
    }

    @Test
    void systemInfoIsServedOverHttpsWithTheGeneratedCertificate() throws Exception {
        FinesseNode primary = FINESSE.face().primary();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        try (HttpClient https = HttpClient.newBuilder().sslContext(trustAll).build()) {
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(primary.httpsBase() + "/SystemInfo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<httpsPort>" + primary.httpsPort() + "</httpsPort>");
        }
    }

    private static void signIn(FinesseTestClient agent, String id, String extension) throws Exception {
        assertThat(agent.put("/User/" + id, "<User><state>LOGIN</state><extension>" + extension + "</extension></User>", null)
                .statusCode()).isEqualTo(202);
        agent.awaitUserState("NOT_READY");
    }

    private static void signOut(FinesseTestClient agent, String id) throws Exception {
        assertThat(agent.put("/User/" + id, "<User><state>LOGOUT</state></User>", null).statusCode()).isEqualTo(202);
    }
}
