package org.genericconnector.finesse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.genericconnector.finesse.testing.RecordingContext;
import org.genericconnector.finesse.testing.RecordingRequest;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.genericconnector.simulator.finesse.FinesseFace;

/** An adapter, made through its factory, on a running Finesse face; the connector's side recorded. */
final class FaceFixture implements AutoCloseable {
    final FinesseFace face;
    final RecordingContext context = new RecordingContext() {
        @Override
        public void publish(org.genericconnector.protocol.event.Event event) {
            super.publish(event);
            timeline.add(event);
        }
    };
    final AcdAdapter adapter;

    FaceFixture(FinesseFace face, Map<String, String> extra) {
        this.face = face;
        Map<String, String> settings = new HashMap<>();
        settings.put("nodes.primary.url", face.primary().httpBase());
        face.secondary().ifPresent(s -> settings.put("nodes.secondary.url", s.httpBase()));
        settings.put("notification.timeout", "5s");
        settings.put("systeminfo.poll-interval", "500ms");
        settings.put("failover.retry-min", "100ms");
        settings.put("failover.retry-max", "500ms");
        settings.put("failover.switch-after", "2");
        trustStoreOf(face).ifPresent(store -> {
            settings.put("tls.trust-store", store.toString());
            settings.put("tls.trust-store-password", "face-trust");
        });
        settings.putAll(extra);
        adapter = new FinesseAdapterFactory().create(new AdapterConfig(settings, Path.of(".")));
        try {
            adapter.start(context);
        } catch (AcdException e) {
            throw new IllegalStateException(e);
        }
        context.awaitLink(LinkStatus.IN_SERVICE);
    }

    /** Every event, replied or published, in the order the adapter handed them over. */
    final java.util.List<org.genericconnector.protocol.event.Event> timeline = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A PKCS#12 trust store holding the nodes' XMPP certificates when the face's prosody offers STARTTLS, so that
     * the adapter's default (STARTTLS where offered, certificate verified) is what the tests exercise. Read through
     * reflection: {@code FinesseNode.xmppCertificate()} is newer than some builds of the face.
     */
    static java.util.Optional<Path> trustStoreOf(FinesseFace face) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int count = 0;
            for (var node : face.nodes()) {
                java.lang.reflect.Method m;
                try {
                    m = node.getClass().getMethod("xmppCertificate");
                } catch (NoSuchMethodException e) {
                    return java.util.Optional.empty();
                }
                @SuppressWarnings("unchecked")
                java.util.Optional<Path> pem = (java.util.Optional<Path>) m.invoke(node);
                if (pem.isPresent()) {
                    try (var in = java.nio.file.Files.newInputStream(pem.get())) {
                        store.setCertificateEntry(node.name(),
                                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
                        count++;
                    }
                }
            }
            if (count == 0) {
                return java.util.Optional.empty();
            }
            Path file = java.nio.file.Files.createTempFile("face-trust", ".p12");
            file.toFile().deleteOnExit();
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                store.store(out, "face-trust".toCharArray());
            }
            return java.util.Optional.of(file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the face's trust store", e);
        }
    }

    RecordingRequest run(Command command) throws AcdException {
        RecordingRequest request = new RecordingRequest(command) {
            @Override
            public void reply(org.genericconnector.protocol.event.Event event) {
                super.reply(event);
                timeline.add(event);
            }
        };
        adapter.execute(request);
        return request;
    }

    /** Waits until an event of the type that matches was replied or published. */
    <E extends org.genericconnector.protocol.event.Event> E await(Class<E> type, java.util.function.Predicate<E> matches) {
        org.genericconnector.finesse.testing.Waiting.until(java.time.Duration.ofSeconds(15), "a " + type.getSimpleName(),
                () -> timeline.stream().anyMatch(e -> type.isInstance(e) && matches.test(type.cast(e))));
        return timeline.stream().filter(e -> type.isInstance(e) && matches.test(type.cast(e))).map(type::cast)
                .findFirst().orElseThrow();
    }

    String control(String line) {
        String reply = face.control().handle(line);
        if (!reply.startsWith("OK")) {
            throw new IllegalStateException(line + " -> " + reply);
        }
        return reply;
    }

    /** Waits until every node of the face is in service with its notification service up. */
    static void awaitFaceReady(FinesseFace face) {
        org.genericconnector.finesse.testing.Waiting.until(java.time.Duration.ofSeconds(30), "the face ready", () -> {
            String status = face.control().handle("finesse status");
            return status.startsWith("OK") && !status.contains("OUT_OF_SERVICE") && !status.contains("xmpp=down");
        });
    }

    /** The dialog id from an {@code OK dialog=<id>} reply. */
    static String dialogId(String reply) {
        return reply.replaceAll(".*dialog=(\\S+).*", "$1");
    }

    @Override
    public void close() {
        adapter.close();
    }
}
