package org.genericconnector.finesse.xmpp;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name matches no surefire pattern): measures what N agent sessions cost in threads
 * and heap against a local prosody. Run with
 * {@code mvn -pl finesse-adapter verify -Dtest=XmppScaleMeasurement -Dgc.scale.agents=500}; the figures are in
 * docs/FINESSE.md ("Scale").
 */
class XmppScaleMeasurement {

    @Test
    void measure() throws Exception {
        int agents = Integer.getInteger("gc.scale.agents", 200);
        String[] accounts = new String[agents * 2];
        for (int i = 0; i < agents; i++) {
            accounts[2 * i] = "a" + i;
            accounts[2 * i + 1] = "p" + i;
        }
        try (ProsodyServer prosody = ProsodyServer.start(accounts)) {
            XmppEndpoint endpoint = new XmppEndpoint("127.0.0.1", prosody.port(), ProsodyServer.DOMAIN,
                    "pubsub." + ProsodyServer.DOMAIN, "gc-connector", "disabled", null, Duration.ofSeconds(30), Duration.ofSeconds(20));
            FinesseXmppSession.Listener listener = new FinesseXmppSession.Listener() {
                @Override
                public void onUpdate(FinesseXmppSession session, FinesseUpdate update) {
                }

                @Override
                public void onConnectionLost(FinesseXmppSession session, Exception cause) {
                }
            };
            System.gc();
            var threads = ManagementFactory.getThreadMXBean();
            var memory = ManagementFactory.getMemoryMXBean();
            int threadsBefore = threads.getThreadCount();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long start = System.nanoTime();
            List<FinesseXmppSession> sessions = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<FinesseXmppSession>> opening = new ArrayList<>();
                java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(32);
                for (int i = 0; i < agents; i++) {
                    int n = i;
                    opening.add(pool.submit(() -> {
                        parallel.acquire();
                        try {
                            return FinesseXmppSession.open(endpoint, "a" + n, "p" + n, listener);
                        } finally {
                            parallel.release();
                        }
                    }));
                }
                for (Future<FinesseXmppSession> f : opening) {
                    sessions.add(f.get());
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            int threadsAfter = threads.getThreadCount();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            Map<String, Integer> byName = new TreeMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                byName.merge(t.getName().replaceAll("[0-9]+", "#").replaceAll("\\[.*\\]", "[..]"), 1, Integer::sum);
            }
            System.out.printf("SCALE agents=%d login-ms=%d threads-before=%d threads-after=%d per-session=%.2f heap-delta-MiB=%.1f"
                            + " per-session-KiB=%.1f%n", agents, millis, threadsBefore, threadsAfter,
                    (threadsAfter - threadsBefore) / (double) agents, (heapAfter - heapBefore) / 1048576.0,
                    (heapAfter - heapBefore) / 1024.0 / agents);
            byName.forEach((name, count) -> System.out.println("SCALE thread " + count + " x " + name));
            sessions.forEach(FinesseXmppSession::abandon);
        }
    }
}
