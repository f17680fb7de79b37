package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import org.genericconnector.finesse.rest.FinesseRestClient;
import org.genericconnector.finesse.rest.FinesseTls;
import org.genericconnector.finesse.rest.RequestGate;
import org.genericconnector.finesse.testing.Waiting;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The availability test and the failover rules on two scripted nodes (SystemInfo over MockWebServer). */
class FinesseLinkTest {
    private final MockWebServer primary = new MockWebServer();
    private final MockWebServer secondary = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<LinkStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<String> resynced = new CopyOnWriteArrayList<>();
    private FinesseLink link;

    private final ManualScheduler manual = new ManualScheduler();
    private final AtomicLong clock = new AtomicLong();

    /**
     * A scheduler whose one-shot tasks run only when the test runs them, in the time of {@link #clock}, which the
     * test advances by each task's delay: the back-off is observed as the delays asked for, never waited for.
     * Periodic tasks (the SystemInfo poll) are accepted and never run.
     */
    static final class ManualScheduler extends ScheduledThreadPoolExecutor {
        record Task(Runnable command, long delayMillis) {
        }

        final BlockingQueue<Task> scheduled = new LinkedBlockingQueue<>();

        ManualScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.add(new Task(command, unit.toMillis(delay)));
            return super.schedule(() -> { }, 365, TimeUnit.DAYS); // a future that stays pending
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return super.schedule(() -> { }, 365, TimeUnit.DAYS);
        }

        /** Waits for the next task the link schedules (an event, not a time), advances the clock and runs it. */
        long runNext(AtomicLong clock) throws InterruptedException {
            Task task = scheduled.poll(5, TimeUnit.SECONDS);
            assertThat(task).as("a scheduled recovery attempt").isNotNull();
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(task.delayMillis()));
            task.command().run();
            return task.delayMillis();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.close();
        }
        scheduler.shutdownNow();
        manual.shutdownNow();
        primary.shutdown();
        secondary.shutdown();
    }

    private static FinesseSettings settings(String primaryUrl) {
        return FinesseSettings.from(new AdapterConfig(Map.of("nodes.primary.url", primaryUrl, "failover.retry-min", "50ms",
                "failover.retry-max", "200ms", "failover.switch-after", "2", "systeminfo.poll-interval", "100ms"), Path.of(".")));
    }

    private static FinesseServer server(String name, MockWebServer web) {
        var http = FinesseRestClient.newHttpClient(FinesseTls.load(Optional.empty(), "", "PKCS12"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 4);
        return new FinesseServer(name, web.getHostName(), new FinesseRestClient(http, URI.create(web.url("/").toString()),
                new RequestGate(4, 4, Duration.ofSeconds(1))));
    }

    /** Answers SystemInfo with the status the supplier gives, counting the requests. */
    private static Dispatcher systemInfo(java.util.function.Supplier<String> status, AtomicInteger count) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                count.incrementAndGet();
                return new MockResponse().setBody("<SystemInfo><status>" + status.get() + "</status><deploymentType>UCCX"
                        + "</deploymentType><xmppDomain>fin-a</xmppDomain></SystemInfo>");
            }
        };
    }

    private void start(FinesseServer... servers) {
        link = new FinesseLink(settings(primary.url("/").toString()), scheduler, List.of(servers), host -> null,
                (server, info) -> resynced.add(server.name()), statuses::add);
        link.start();
    }

    @Test
    void staysOnANodeThatComesBackAndReportsEachChangeOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> status = new java.util.concurrent.atomic.AtomicReference<>("IN_SERVICE");
        primary.setDispatcher(systemInfo(status::get, calls));
        primary.start();
        start(server("primary", primary));
        Waiting.until(Duration.ofSeconds(5), "in service", () -> link.status() == LinkStatus.IN_SERVICE);
        status.set("OUT_OF_SERVICE");
        Waiting.until(Duration.ofSeconds(5), "out of service", () -> link.status() == LinkStatus.OUT_OF_SERVICE);
        status.set("IN_SERVICE");
        Waiting.until(Duration.ofSeconds(5), "back", () -> link.status() == LinkStatus.IN_SERVICE);
        // the status is set before the listener hears of it: wait for the third report, not only the status
        Waiting.until(Duration.ofSeconds(5), "three reports", () -> statuses.size() >= 3);
        assertThat(statuses).containsExactly(LinkStatus.IN_SERVICE, LinkStatus.OUT_OF_SERVICE, LinkStatus.IN_SERVICE);
        assertThat(resynced).containsExactly("primary", "primary");
        assertThat(link.systemInfo().isUcce()).isFalse();
    }

    @Test
    void switchesToTheAlternateAfterTheConfiguredAttemptsOnly() throws Exception {
        AtomicInteger primaryCalls = new AtomicInteger();
        AtomicInteger secondaryCalls = new AtomicInteger();
        primary.setDispatcher(systemInfo(() -> "OUT_OF_SERVICE", primaryCalls));
        secondary.setDispatcher(systemInfo(() -> "IN_SERVICE", secondaryCalls));
        primary.start();
        secondary.start();
        start(server("primary", primary), server("secondary", secondary));
        Waiting.until(Duration.ofSeconds(5), "in service", () -> link.status() == LinkStatus.IN_SERVICE);
        assertThat(link.active().name()).isEqualTo("secondary");
        assertThat(primaryCalls.get()).isGreaterThanOrEqualTo(3); // switch-after=2: tried alone twice, then with the alternate
        assertThat(resynced).containsExactly("secondary");
    }

    @Test
    void backOffDoublesUpToTheMaximum() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        primary.setDispatcher(systemInfo(() -> "OUT_OF_SERVICE", calls));
        primary.start();
        start(server("primary", primary));
        Waiting.until(Duration.ofSeconds(5), "five attempts", () -> calls.get() >= 5);
        assertThat(link.backoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(link.status()).isEqualTo(LinkStatus.OUT_OF_SERVICE);
        assertThat(statuses).isEmpty(); // never in service: nothing to report
    }

    private void startManual(FinesseServer... servers) {
        link = new FinesseLink(settings(primary.url("/").toString()), manual, clock::get, List.of(servers), host -> null,
                (server, info) -> resynced.add(server.name()), statuses::add);
        link.start();
    }

    @Test
    void backOffDelaysAreTheSchedulersAndDoubleFromMinimumToMaximum() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        primary.setDispatcher(systemInfo(() -> "OUT_OF_SERVICE", calls));
        primary.start();
        startManual(server("primary", primary));
        List<Long> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            delays.add(manual.runNext(clock));
        }
        // the first attempt at once; then retry-min 50 ms doubled per failed attempt, capped at retry-max 200 ms
        assertThat(delays).containsExactly(0L, 50L, 100L, 200L, 200L);
        Waiting.until(Duration.ofSeconds(5), "the fifth attempt's successor", () -> manual.scheduled.size() == 1);
        assertThat(calls.get()).isEqualTo(5);
        assertThat(statuses).isEmpty();
    }

    @Test
    void alternateIsTriedFromTheAttemptAfterSwitchAfterOn() throws Exception {
        AtomicInteger primaryCalls = new AtomicInteger();
        AtomicInteger secondaryCalls = new AtomicInteger();
        primary.setDispatcher(systemInfo(() -> "OUT_OF_SERVICE", primaryCalls));
        secondary.setDispatcher(systemInfo(() -> "IN_SERVICE", secondaryCalls));
        primary.start();
        secondary.start();
        startManual(server("primary", primary), server("secondary", secondary));
        assertThat(manual.runNext(clock)).isZero();
        assertThat(manual.runNext(clock)).isEqualTo(50L);
        // switch-after = 2: two attempts on the primary alone, the next one tries both
        Waiting.until(Duration.ofSeconds(5), "the third attempt scheduled", () -> !manual.scheduled.isEmpty());
        assertThat(primaryCalls.get()).isEqualTo(2);
        assertThat(secondaryCalls.get()).isZero();
        assertThat(manual.runNext(clock)).isEqualTo(100L);
        Waiting.until(Duration.ofSeconds(5), "in service reported", () -> !statuses.isEmpty());
        assertThat(link.active().name()).isEqualTo("secondary");
        assertThat(primaryCalls.get()).isEqualTo(3);
        assertThat(resynced).containsExactly("secondary");
        assertThat(statuses).containsExactly(LinkStatus.IN_SERVICE);
    }
}
