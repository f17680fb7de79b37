package org.genericconnector.finesse.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import org.genericconnector.finesse.error.RequestTarget;
import org.genericconnector.finesse.xml.User;
import org.genericconnector.finesse.xml.UserState;
import org.genericconnector.finesse.xml.UserStateRequest;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST layer over the real HTTP wire (OkHttp's MockWebServer): headers, bodies, errors, bounds, TLS. */
class FinesseRestClientTest {
    private static final FinesseTls JDK_TRUST = FinesseTls.load(Optional.empty(), "", "PKCS12");
    private final MockWebServer server = new MockWebServer();
    private FinesseRestClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = client(server, JDK_TRUST, 1, 64, 100, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static FinesseRestClient client(MockWebServer server, FinesseTls tls, int readSeconds, int concurrent, int queued,
                                            Duration wait) {
        OkHttpClient http = FinesseRestClient.newHttpClient(tls, Duration.ofSeconds(2), Duration.ofSeconds(readSeconds), concurrent);
        return new FinesseRestClient(http, URI.create(server.url("/").toString()), new RequestGate(concurrent, queued, wait));
    }

    private static MockResponse xml(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/xml").setBody(body);
    }

    private static MockResponse apiError(int status, String type, String message) {
        return xml(status, "<ApiErrors><ApiError><ErrorType>" + type + "</ErrorType><ErrorMessage>" + message
                + "</ErrorMessage></ApiError></ApiErrors>");
    }

    private AcdException failure(ThrowingCall call) {
        try {
            call.run();
        } catch (AcdException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws AcdException;
    }

    @Test
    void actionCarriesBasicAuthRequestIdAndTheXmlBody() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));
        client.put("/finesse/api/User/1001", UserStateRequest.notReady("12"), FinesseCredentials.basic("1001", "pa:ss"),
                "req-7", RequestTarget.USER);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getPath()).isEqualTo("/finesse/api/User/1001");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic MTAwMTpwYTpzcw==");
        assertThat(request.getHeader("requestId")).isEqualTo("req-7");
        assertThat(request.getHeader("Content-Type")).startsWith("application/xml");
        assertThat(request.getBody().readUtf8())
                .isEqualTo("<User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>");
    }

    @Test
    void ssoAgentsSendTheirBearerToken() throws Exception {
        server.enqueue(xml(200, "<User><loginId>1001</loginId><state>READY</state></User>"));
        User user = client.get("/finesse/api/User/1001", User.class, FinesseCredentials.sso("1001", "tok-123"), RequestTarget.USER);
        assertThat(user.state()).isEqualTo(UserState.READY);
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void aReadOnAPooledConnectionTheServerClosedIsRetriedOnAFreshOne() throws Exception {
        // the server closes the connection after its answer (an idle timeout, a restart): the pool still holds it
        server.enqueue(xml(200, "<User><loginId>1001</loginId><state>READY</state></User>")
                .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_END));
        server.enqueue(xml(200, "<User><loginId>1001</loginId><state>NOT_READY</state></User>"));
        FinesseCredentials agent = FinesseCredentials.basic("1001", "x");
        assertThat(client.get("/finesse/api/User/1001", User.class, agent, RequestTarget.USER).state()).isEqualTo(UserState.READY);
        assertThat(client.get("/finesse/api/User/1001", User.class, agent, RequestTarget.USER).state()).isEqualTo(UserState.NOT_READY);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void credentialsNeverAppearInToString() {
        assertThat(FinesseCredentials.basic("1001", "pw-9x7").toString()).doesNotContain("pw-9x7");
        assertThat(FinesseCredentials.sso("1001", "tok-123").toString()).doesNotContain("tok-123");
    }

    @Test
    void invalidStateIsRejectedAsInvalidObjectState() {
        server.enqueue(apiError(400, "Invalid State", "Cannot change state"));
        AcdException e = failure(() -> client.put("/finesse/api/User/1001", UserStateRequest.ready(),
                FinesseCredentials.basic("1001", "x"), "r", RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(e.kind()).isEqualTo(AcdException.Kind.REJECTED);
    }

    @Test
    void badCredentialsAreSubscriptionFailed() {
        server.enqueue(apiError(401, "Authorization Failure", "UNAUTHORIZED"));
        AcdException e = failure(() -> client.get("/finesse/api/User/1001", User.class, FinesseCredentials.basic("1001", "x"),
                RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
        assertThat(e.kind()).isEqualTo(AcdException.Kind.PERMANENT);
    }

    @Test
    void unknownUserAndUnknownDialogAreTellApart() {
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(new MockResponse().setResponseCode(404));
        assertThat(failure(() -> client.get("/finesse/api/User/9", User.class, null, RequestTarget.USER)).code())
                .isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(failure(() -> client.put("/finesse/api/Dialog/9", UserStateRequest.ready(), null, "r", RequestTarget.DIALOG))
                .code()).isEqualTo(ErrorCode.E_CTI_INVALID_CALL_ID);
    }

    @Test
    void outOfServiceIsPleaseRetryWhateverTheBody() {
        server.enqueue(apiError(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE"));
        AcdException e = failure(() -> client.get("/finesse/api/User/1001", User.class, null, RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.PLEASE_RETRY);
        assertThat(e.kind()).isEqualTo(AcdException.Kind.RETRIABLE);
    }

    @Test
    void wrongDeploymentTypeIsUnsupported() {
        server.enqueue(new MockResponse().setResponseCode(501));
        assertThat(failure(() -> client.put("/finesse/api/Dialog/1", UserStateRequest.ready(), null, "r", RequestTarget.DIALOG))
                .code()).isEqualTo(ErrorCode.UNSUPPORTED_COMMAND);
    }

    @Test
    void aSlowAnswerIsPleaseRetry() {
        server.enqueue(xml(200, "<User/>").setHeadersDelay(3, TimeUnit.SECONDS));
        AcdException e = failure(() -> client.get("/finesse/api/User/1001", User.class, null, RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.PLEASE_RETRY);
        assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anUnreadableBodyIsAnUnspecifiedFailureNotACrash() {
        server.enqueue(xml(200, "<html>proxy page"));
        AcdException e = failure(() -> client.get("/finesse/api/User/1001", User.class, null, RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void aFullQueueAnswersPleaseRetryAtOnce() throws Exception {
        FinesseRestClient narrow = client(server, JDK_TRUST, 5, 1, 0, Duration.ofSeconds(5));
        server.enqueue(xml(200, "<User/>").setHeadersDelay(1, TimeUnit.SECONDS));
        CompletableFuture<User> first = CompletableFuture.supplyAsync(() -> {
            try {
                return narrow.get("/finesse/api/User/1", User.class, null, RequestTarget.USER);
            } catch (AcdException e) {
                throw new IllegalStateException(e);
            }
        });
        server.takeRequest(); // the first call holds the only slot
        long start = System.nanoTime();
        AcdException e = failure(() -> narrow.get("/finesse/api/User/2", User.class, null, RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.PLEASE_RETRY);
        assertThat(e.getMessage()).contains("queue full");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        assertThat(first.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aQueuedCallWaitsAtMostTheQueueWait() throws Exception {
        FinesseRestClient narrow = client(server, JDK_TRUST, 5, 1, 10, Duration.ofMillis(200));
        server.enqueue(xml(200, "<User/>").setHeadersDelay(2, TimeUnit.SECONDS));
        CompletableFuture.runAsync(() -> {
            try {
                narrow.get("/finesse/api/User/1", User.class, null, RequestTarget.USER);
            } catch (AcdException e) {
                throw new IllegalStateException(e);
            }
        });
        server.takeRequest();
        AcdException e = failure(() -> narrow.get("/finesse/api/User/2", User.class, null, RequestTarget.USER));
        assertThat(e.code()).isEqualTo(ErrorCode.PLEASE_RETRY);
        assertThat(e.getMessage()).contains("no REST slot");
    }

    @Test
    void tlsIsVerifiedAgainstTheConfiguredTrustStoreAndSpeaksHttp2(@TempDir Path dir) throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Finesse Test CA").build();
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost")
                .commonName("localhost").build();
        MockWebServer tlsServer = new MockWebServer();
        tlsServer.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).build().sslSocketFactory(), false);
        tlsServer.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
        tlsServer.start();
        try {
            Path trustStore = dir.resolve("finesse-trust.p12");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("finesse-ca", ca.certificate());
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                store.store(out, "changeit".toCharArray());
            }
            FinesseTls trusted = FinesseTls.load(Optional.of(trustStore), "changeit", "PKCS12");
            OkHttpClient http = FinesseRestClient.newHttpClient(trusted, Duration.ofSeconds(2), Duration.ofSeconds(2), 4);
            tlsServer.enqueue(xml(200, "<SystemInfo><status>IN_SERVICE</status></SystemInfo>"));
            try (Response response = http.newCall(new Request.Builder()
                    .url(tlsServer.url("/finesse/api/SystemInfo")).build()).execute()) {
                assertThat(response.protocol()).isEqualTo(Protocol.HTTP_2);
                assertThat(response.handshake().tlsVersion().javaName()).isIn("TLSv1.2", "TLSv1.3");
            }

            // the JDK's own trust store does not know the test CA: the call fails, nothing is trusted blindly
            FinesseRestClient untrusting = new FinesseRestClient(
                    FinesseRestClient.newHttpClient(JDK_TRUST, Duration.ofSeconds(2), Duration.ofSeconds(2), 4),
                    URI.create(tlsServer.url("/").toString()), new RequestGate(4, 4, Duration.ofSeconds(1)));
            tlsServer.enqueue(xml(200, "<User/>"));
            AcdException e = failure(() -> untrusting.get("/finesse/api/User/1", User.class, null, RequestTarget.USER));
            assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLException.class);
        } finally {
            tlsServer.shutdown();
        }
    }

    @Test
    void aMissingTrustStoreIsAConfigurationError(@TempDir Path dir) {
        assertThatThrownBy(() -> FinesseTls.load(Optional.of(dir.resolve("nope.p12")), "", "PKCS12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls.trust-store");
    }
}
