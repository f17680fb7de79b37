package org.genericconnector.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.genericconnector.simulator.finesse.FinesseFace;
import org.genericconnector.simulator.finesse.FinesseFaceSettings;
import org.genericconnector.simulator.finesse.FinesseNode;

/**
 * The simulator's Finesse face with the bench's population: one node (REST on a free loopback port, its own
 * prosody for the XMPP notifications; prosody must be installed), real time. When prosody offers STARTTLS,
 * the node's certificate goes into a trust store for the adapter, as the e2e tests do.
 */
final class FinesseTarget implements AdapterTarget {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String TRUST_PASSWORD = "bench-trust";

    private final FinesseFace face;
    private final Path trustStore;

    private FinesseTarget(FinesseFace face, Path trustStore) {
        this.face = face;
        this.trustStore = trustStore;
    }

    static FinesseTarget start(Path populationFile, Path work) throws Exception {
        FinesseFace face = FinesseFace.start(FinesseFaceSettings.defaults().withPopulation(populationFile).withSecondary(false)
                .withHttps(false).withRingTimeout(Duration.ofMinutes(5)));
        try {
            awaitReady(face);
            return new FinesseTarget(face, trustStore(face.primary(), work));
        } catch (Exception | Error e) {
            face.close();
            throw e;
        }
    }

    /** A polled condition: the face's node status has no event to wait on. */
    private static void awaitReady(FinesseFace face) {
        long end = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            String status = face.control().handle("finesse status");
            if (status.startsWith("OK") && !status.contains("OUT_OF_SERVICE") && !status.contains("xmpp=down")) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the Finesse face is not in service after " + READY_TIMEOUT + ": " + status);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static Path trustStore(FinesseNode node, Path work) throws Exception {
        if (node.xmppCertificate().isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(node.xmppCertificate().get())) {
            store.setCertificateEntry(node.name(), CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path file = work.resolve("finesse-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUST_PASSWORD.toCharArray());
        }
        return file;
    }

    @Override
    public String type() {
        return "finesse";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new HashMap<>();
        m.put("acd.finesse.nodes.primary.url", face.primary().httpBase());
        if (trustStore != null) {
            m.put("acd.finesse.tls.trust-store", trustStore.toAbsolutePath().toString());
            m.put("acd.finesse.tls.trust-store-password", TRUST_PASSWORD);
        }
        return m;
    }

    @Override
    public String describe() {
        return "Finesse face (one node: REST over loopback HTTP, notifications through its own prosody), one XMPP session per agent";
    }

    @Override
    public void close() {
        face.close();
    }
}
