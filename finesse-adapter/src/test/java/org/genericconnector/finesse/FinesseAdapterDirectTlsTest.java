package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import org.genericconnector.finesse.testing.FinesseNotifier;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.genericconnector.finesse.testing.RecordingContext;
import org.genericconnector.finesse.testing.RecordingRequest;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xmpp.security: direct-tls} end to end: the adapter takes the secure port SystemInfo names (not the client
 * port next to it), trusts the certificate through {@code tls.trust-store}, and the agent's notifications arrive.
 * REST is a scripted MockWebServer; XMPP a real prosody with direct TLS, as Finesse's 5223.
 */
class FinesseAdapterDirectTlsTest {
    private static ProsodyServer prosody;
    private static FinesseNotifier finesse;
    private static final MockWebServer web = new MockWebServer();
    private static final RecordingContext context = new RecordingContext();
    private static AcdAdapter adapter;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        prosody = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, "finesse", "fin-pass", "1001", "secret");
        finesse = FinesseNotifier.connect(prosody, "fin-pass", "gc-connector");
        web.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        web.start();
        Path trust = trustStore(prosody.certificate(), dir.resolve("finesse-trust.p12"), "trust-pw");
        adapter = new FinesseAdapterFactory().create(new AdapterConfig(Map.of("nodes.primary.url", web.url("/").toString(),
                "xmpp.security", "direct-tls", "tls.trust-store", trust.toString(), "tls.trust-store-password", "trust-pw"),
                dir));
        adapter.start(context);
        context.awaitLink(LinkStatus.IN_SERVICE);
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.close();
        finesse.close();
        prosody.close();
        web.shutdown();
    }

    /** A PKCS12 trust store holding the PEM certificate, as an operator makes it with keytool -importcert. */
    private static Path trustStore(Path pem, Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("fin-a", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static MockResponse xml(String body) {
        return new MockResponse().setHeader("Content-Type", "application/xml").setBody(body);
    }

    private static MockResponse answer(RecordedRequest r) {
        String path = r.getPath();
        if (path.equals("/finesse/api/SystemInfo")) {
            // both ports, as 12.6(2) names them: direct-tls must take xmppSecurePort (the client port refuses TLS first)
            return xml("<SystemInfo><status>IN_SERVICE</status><deploymentType>UCCE</deploymentType><xmppDomain>finesse.test"
                    + "</xmppDomain><xmppPubSubDomain>pubsub.finesse.test</xmppPubSubDomain><primaryNode><host>finesse.test</host>"
                    + "<xmppPort>" + prosody.port() + "</xmppPort><xmppSecurePort>" + prosody.directTlsPort()
                    + "</xmppSecurePort></primaryNode></SystemInfo>");
        }
        if (path.equals("/finesse/api/User/1001")) {
            return xml("<User><loginId>1001</loginId><firstName>F</firstName><lastName>L</lastName><extension>5001</extension>"
                    + "<state>NOT_READY</state><roles><role>Agent</role></roles></User>");
        }
        if (path.equals("/finesse/api/User/1001/Dialogs")) {
            return xml("<Dialogs/>");
        }
        return new MockResponse().setResponseCode(404);
    }

    @Test
    void agentConnectsOverDirectTlsOnTheSecurePortAndReceivesItsNotifications() throws Exception {
        RecordingRequest connect = new RecordingRequest(new Command.Connect("1001", "gc.desk", "secret", false));
        adapter.execute(connect);
        assertThat(connect.replies).isEmpty();
        finesse.notify("1001", "/finesse/api/User/1001", FinesseNotifier.update("PUT", "", "/finesse/api/User/1001",
                "<user><loginId>1001</loginId><state>READY</state><extension>5001</extension></user>"));
        Event.State ready = context.await(Event.State.class, e -> e.agentId().equals("1001") && e.state() == AgentState.READY);
        assertThat(ready.agentId()).isEqualTo("1001");
    }
}
