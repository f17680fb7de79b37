package org.genericconnector.finesse.xmpp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.genericconnector.finesse.testing.Waiting;
import org.genericconnector.protocol.spi.AcdException;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name matches no surefire include pattern): measures what N agent sessions cost in
 * platform threads, heap and resident memory, and how long their logins take, against a local prosody; then
 * keeps them for a while so that every session's keep-alive pings are answered. Run by hand:
 * <pre>
 * mvn -B -ntp -o -pl finesse-adapter verify -Dtest=XmppScaleMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgc.scale.agents=2000 -Dgc.scale.parallel=32 -Dgc.scale.hold=45 [-Dgc.scale.tls=true]
 * </pre>
 * The figures are printed as {@code SCALE ...} lines in
 * {@code target/surefire-reports/org.genericconnector.finesse.xmpp.XmppScaleMeasurement-output.txt}, and recorded
 * in docs/FINESSE.md ("Scale").
 */
class XmppScaleMeasurement {

    @Test
    void measure() throws Exception {
        int agents = Integer.getInteger("gc.scale.agents", 200);
        int parallelism = Integer.getInteger("gc.scale.parallel", 32);
        Duration hold = Duration.ofSeconds(Integer.getInteger("gc.scale.hold", 45));
        Duration pingInterval = Duration.ofSeconds(20);
        boolean tls = Boolean.getBoolean("gc.scale.tls");
        String[] accounts = new String[agents * 2];
        for (int i = 0; i < agents; i++) {
            accounts[2 * i] = "a" + i;
            accounts[2 * i + 1] = "p" + i;
        }
        try (ProsodyServer prosody = tls ? ProsodyServer.startWithTls(ProsodyServer.DOMAIN, accounts)
                : ProsodyServer.start(accounts)) {
            XmppEndpoint endpoint = new XmppEndpoint("127.0.0.1", prosody.port(), ProsodyServer.DOMAIN,
                    "pubsub." + ProsodyServer.DOMAIN, "gc-connector", tls ? "required" : "disabled",
                    tls ? trusting(prosody.certificate()) : null, Duration.ofSeconds(30), pingInterval);
            AtomicInteger losses = new AtomicInteger();
            FinesseXmppSession.Listener listener = new FinesseXmppSession.Listener() {
                @Override
                public void onUpdate(FinesseXmppSession session, FinesseUpdate update) {
                }

                @Override
                public void onConnectionLost(FinesseXmppSession session, Exception cause) {
                    losses.incrementAndGet();
                }
            };
            // warm-up: one session loads Smack's classes and starts its shared threads before the baseline
            FinesseXmppSession.open(endpoint, "a0", "p0", listener).close();
            System.gc();
            var threads = ManagementFactory.getThreadMXBean();
            var memory = ManagementFactory.getMemoryMXBean();
            int threadsBefore = threads.getThreadCount();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long rssBefore = rssBytes();
            long start = System.nanoTime();
            List<FinesseXmppSession> sessions = new ArrayList<>();
            Map<String, Integer> failures = new ConcurrentHashMap<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<FinesseXmppSession>> opening = new ArrayList<>();
                Semaphore parallel = new Semaphore(parallelism);
                for (int i = 0; i < agents; i++) {
                    int n = i;
                    opening.add(pool.submit(() -> {
                        parallel.acquire();
                        try {
                            return FinesseXmppSession.open(endpoint, "a" + n, "p" + n, listener);
                        } catch (AcdException e) {
                            failures.merge(String.valueOf(e.getMessage()).replaceAll("for a[0-9]+", "for a#"), 1, Integer::sum);
                            return null;
                        } finally {
                            parallel.release();
                        }
                    }));
                }
                for (Future<FinesseXmppSession> f : opening) {
                    FinesseXmppSession s = f.get();
                    if (s != null) {
                        sessions.add(s);
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            int threadsAfter = threads.getThreadCount();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            long rssAfter = rssBytes();
            Map<String, Integer> byName = new TreeMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                byName.merge(t.getName().replaceAll("[0-9]+", "#").replaceAll("\\[.*\\]", "[..]"), 1, Integer::sum);
            }
            System.out.printf("SCALE agents=%d tls=%s parallel=%d opened=%d failed=%d login-ms=%d threads-before=%d"
                            + " threads-after=%d per-session=%.3f heap-delta-MiB=%.1f per-session-KiB=%.1f rss-delta-MiB=%.1f"
                            + " rss-per-session-KiB=%.1f%n", agents, tls, parallelism, sessions.size(), agents - sessions.size(),
                    millis, threadsBefore, threadsAfter, (threadsAfter - threadsBefore) / (double) agents,
                    (heapAfter - heapBefore) / 1048576.0, (heapAfter - heapBefore) / 1024.0 / agents,
                    (rssAfter - rssBefore) / 1048576.0, (rssAfter - rssBefore) / 1024.0 / agents);
            failures.forEach((why, count) -> System.out.println("SCALE failure " + count + " x " + why));
            byName.forEach((name, count) -> System.out.println("SCALE thread " + count + " x " + name));

            // every session must stay up through several keep-alive rounds (each is a ping round trip)
            long holdStart = System.nanoTime();
            Waiting.until(hold.plusSeconds(5), "the hold period", () -> System.nanoTime() - holdStart >= hold.toNanos());
            long connected = sessions.stream().filter(FinesseXmppSession::isConnected).count();
            long pings = sessions.stream().mapToLong(FinesseXmppSession::pingsAnswered).sum();
            System.out.printf("SCALE after-hold-s=%d connected=%d losses=%d pings-answered=%d (%.1f per session)"
                            + " threads=%d%n", hold.toSeconds(), connected, losses.get(), pings, pings / (double) Math.max(1, sessions.size()),
                    threads.getThreadCount());

            long closeStart = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Semaphore parallel = new Semaphore(parallelism);
                for (FinesseXmppSession s : sessions) {
                    pool.submit(() -> {
                        parallel.acquire();
                        try {
                            s.close();
                        } finally {
                            parallel.release();
                        }
                        return null;
                    });
                }
            }
            System.out.printf("SCALE close-ms=%d%n", (System.nanoTime() - closeStart) / 1_000_000);
        }
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private static X509TrustManager trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
