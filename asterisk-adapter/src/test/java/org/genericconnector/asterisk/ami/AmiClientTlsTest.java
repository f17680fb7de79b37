package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS through an {@link javax.net.ssl.SSLSocketFactory}: a self-signed certificate made by the JDK's keytool. */
class AmiClientTlsTest extends AmiClientFixture {

    static final char[] PASSWORD = "changeit".toCharArray();
    static KeyStore keys;

    @BeforeAll
    static void makeCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("ami.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "ami", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
    }

    @Override
    @org.junit.jupiter.api.BeforeEach
    void startPeer() throws IOException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);
            peer = new ScriptedAmiPeer(server.getServerSocketFactory());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static SSLContext trusting(KeyStore source) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        if (source != null) {
            trust.setCertificateEntry("ami", source.getCertificate("ami"));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void logsInOverTlsWhenTheCertificateIsTrusted() throws Exception {
        start(config().socketFactory(trusting(keys).getSocketFactory()).authType(AmiAuthType.PLAIN).build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        s.acceptPlainLogin();
        assertThat(listener.awaitLogin().amiVersion()).isEqualTo("11.0.0");
    }

    @Test
    void anUntrustedCertificateFailsTheConnectAsIo() throws Exception {
        start(config().socketFactory(trusting(null).getSocketFactory()).build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        try {
            s.banner();
        } catch (java.io.UncheckedIOException expected) {
            // the handshake fails on the peer's side too
        }
        RecordingListener.Failed failed = listener.awaitConnectFailure();
        assertThat(failed.cause().kind()).isEqualTo(AmiFailureKind.IO);
        assertThat(failed.cause().getCause()).isInstanceOf(javax.net.ssl.SSLException.class);
    }
}
