package org.genericconnector.finesse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.genericconnector.finesse.error.RequestTarget;
import org.genericconnector.finesse.rest.FinesseCredentials;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.spi.AcdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link to Finesse and its failover, following Finesse's documented availability test: a node is used
 * only while its SystemInfo says IN_SERVICE, the XMPP sessions are up and the {@code finesse} user is
 * present. On a loss the link goes OUT_OF_SERVICE, SystemInfo is polled with bounded exponential back-off
 * (this node first; after {@code failover.switch-after} failed attempts the alternate node too, and the
 * first one IN_SERVICE wins), then {@link Resync} re-logs every agent in and the link reports IN_SERVICE.
 *
 * <p>Threads: one scheduler thread only times things; each poll and each recovery runs on its own
 * virtual thread, and at most one recovery runs at a time. No thread waits in a sleep. Time: every delay is the
 * given scheduler's, and the due times it compares come from the given clock, so a test's scheduler and
 * clock drive the back-off without waiting for it. Thread-safe.
 */
final class FinesseLink {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseLink.class);

    /** Re-establishes every agent on a node that is IN_SERVICE; throws if the node cannot be used. */
    interface Resync {
        void resync(FinesseServer server, SystemInfo info) throws AcdException;
    }

    private final FinesseSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Function<String, FinesseServer> alternateFactory;
    private final Resync resync;
    private final Consumer<LinkStatus> statusListener;
    private final FinesseCredentials systemCredentials;
    private final LongSupplier nanoClock;
    private final List<FinesseServer> servers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean recovering = new AtomicBoolean();
    private volatile FinesseServer active;
    private volatile SystemInfo systemInfo;
    private volatile LinkStatus status = LinkStatus.OUT_OF_SERVICE;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> pollTask;
    private Object pendingRecovery; // guarded by this: the attempt that is due, null when none
    private long pendingDue; // guarded by this
    private int attempts; // confined to the running recovery (recovering flag)

    FinesseLink(FinesseSettings settings, ScheduledExecutorService scheduler, List<FinesseServer> configured,
                Function<String, FinesseServer> alternateFactory, Resync resync, Consumer<LinkStatus> statusListener) {
        this(settings, scheduler, System::nanoTime, configured, alternateFactory, resync, statusListener);
    }

    /** @param nanoClock the time the scheduler's delays are measured in (nanoseconds, any origin) */
    FinesseLink(FinesseSettings settings, ScheduledExecutorService scheduler, LongSupplier nanoClock,
                List<FinesseServer> configured, Function<String, FinesseServer> alternateFactory, Resync resync,
                Consumer<LinkStatus> statusListener) {
        this.nanoClock = nanoClock;
        this.settings = settings;
        this.scheduler = scheduler;
        this.alternateFactory = alternateFactory;
        this.resync = resync;
        this.statusListener = statusListener;
        this.servers.addAll(configured);
        this.active = configured.get(0);
        this.systemCredentials = settings.systemUser()
                .map(u -> FinesseCredentials.basic(u, settings.systemPassword())).orElse(null);
    }

    void start() {
        scheduleRecovery(Duration.ZERO);
        pollTask = scheduler.scheduleWithFixedDelay(() -> Thread.ofVirtual().name("finesse-poll").start(this::poll),
                settings.pollInterval().toMillis(), settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    LinkStatus status() {
        return status;
    }

    FinesseServer active() {
        return active;
    }

    SystemInfo systemInfo() {
        return systemInfo;
    }

    List<FinesseServer> servers() {
        return List.copyOf(servers);
    }

    /** A SystemInfo notification (or poll) from the active node. */
    void systemInfo(SystemInfo info) {
        systemInfo = info;
        if (!info.inService()) {
            lost("SystemInfo " + info.status() + " " + info.statusReason());
        } else if (status == LinkStatus.OUT_OF_SERVICE) {
            scheduleRecovery(Duration.ZERO);
        }
    }

    /** Presence of the {@code finesse} user: UNAVAILABLE means Tomcat or the webapp is down. */
    void finessePresence(boolean available) {
        if (!available) {
            lost("the finesse user is unavailable");
        } else if (status == LinkStatus.OUT_OF_SERVICE) {
            scheduleRecovery(Duration.ZERO);
        }
    }

    /** Something suggests the node is gone (an XMPP drop, a transport failure): check SystemInfo now. */
    void suspect(String why) {
        if (status == LinkStatus.IN_SERVICE && !closed) {
            Thread.ofVirtual().name("finesse-check").start(() -> {
                try {
                    SystemInfo info = fetch(active);
                    systemInfo = info;
                    if (!info.inService()) {
                        lost("SystemInfo " + info.status() + " after " + why);
                    }
                } catch (AcdException e) {
                    lost(why + "; SystemInfo unreachable: " + e.getMessage());
                }
            });
        }
    }

    /** The node is lost: report OUT_OF_SERVICE once and start recovering. */
    void lost(String why) {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (status == LinkStatus.OUT_OF_SERVICE) {
                return;
            }
            status = LinkStatus.OUT_OF_SERVICE;
        }
        LOG.warn("GC-FIN-LINK-DOWN node={} host={}: {}", active.name(), active.host(), why);
        statusListener.accept(LinkStatus.OUT_OF_SERVICE);
        scheduleRecovery(settings.retryMin());
    }

    private void poll() {
        if (status != LinkStatus.IN_SERVICE || closed) {
            return;
        }
        try {
            systemInfo(fetch(active));
        } catch (AcdException e) {
            lost("SystemInfo poll failed: " + e.getMessage());
        }
    }

    SystemInfo fetch(FinesseServer server) throws AcdException {
        return server.rest().get("/finesse/api/SystemInfo", SystemInfo.class, systemCredentials, RequestTarget.OTHER);
    }

    /**
     * One chain of recovery attempts at a time: a trigger while an attempt is already due only brings it forward
     * (presence back, SystemInfo IN_SERVICE notified), never adds a second chain. The pending attempt is a token
     * cleared when it fires, before its recovery starts, so the recovery can always schedule its successor.
     */
    private synchronized void scheduleRecovery(Duration delay) {
        if (closed) {
            return;
        }
        long due = nanoClock.getAsLong() + delay.toNanos();
        if (pendingRecovery != null && pendingDue <= due) {
            return;
        }
        Object token = new Object();
        pendingRecovery = token;
        pendingDue = due;
        scheduler.schedule(() -> fire(token), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire(Object token) {
        synchronized (this) {
            if (pendingRecovery != token) {
                return; // superseded by an earlier attempt
            }
            pendingRecovery = null;
        }
        Thread.ofVirtual().name("finesse-recovery").start(this::recover);
    }

    private void recover() {
        if (closed || status == LinkStatus.IN_SERVICE || !recovering.compareAndSet(false, true)) {
            return;
        }
        boolean done = false;
        try {
            attempts++;
            for (FinesseServer server : candidates()) {
                if (tryServer(server)) {
                    done = true;
                    break;
                }
            }
        } finally {
            recovering.set(false);
        }
        if (!done) {
            scheduleRecovery(backoff());
        }
    }

    /** The active node, and once it has failed {@code switch-after} times, the alternate as well. */
    private List<FinesseServer> candidates() {
        List<FinesseServer> list = new ArrayList<>();
        list.add(active);
        if (attempts > settings.switchAfter()) {
            servers.stream().filter(s -> s != active).forEach(list::add);
        }
        return list;
    }

    private boolean tryServer(FinesseServer server) {
        try {
            SystemInfo info = fetch(server);
            learnAlternate(info);
            if (!info.inService()) {
                LOG.info("GC-FIN-LINK-WAIT node={} SystemInfo {}", server.name(), info.status());
                return false;
            }
            if (server != active) {
                LOG.warn("GC-FIN-FAILOVER from {} ({}) to {} ({})", active.name(), active.host(), server.name(), server.host());
            }
            active = server;
            systemInfo = info;
            resync.resync(server, info);
            attempts = 0;
            status = LinkStatus.IN_SERVICE;
            LOG.info("GC-FIN-LINK-UP node={} host={} deployment={}", server.name(), server.host(), info.deploymentType());
            statusListener.accept(LinkStatus.IN_SERVICE);
            return true;
        } catch (AcdException e) {
            LOG.info("GC-FIN-LINK-RETRY node={} attempt={}: {}", server.name(), attempts, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.error("GC-FIN-LINK-DEFECT node={} recovery failed", server.name(), e);
            return false;
        }
    }

    /** A single configured node learns its partner from SystemInfo (primaryNode/secondaryNode). */
    private void learnAlternate(SystemInfo info) {
        if (servers.size() > 1) {
            return;
        }
        info.alternateHost().filter(h -> !h.isBlank() && !h.equalsIgnoreCase(active.host())).ifPresent(host -> {
            FinesseServer alternate = alternateFactory.apply(host);
            if (alternate != null) {
                LOG.info("GC-FIN-NODE-LEARNT alternate node {} from SystemInfo", host);
                servers.add(alternate);
            }
        });
    }

    Duration backoff() {
        long min = settings.retryMin().toMillis();
        long max = settings.retryMax().toMillis();
        long exp = min << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(max, exp));
    }

    void close() {
        closed = true;
        ScheduledFuture<?> poll = pollTask;
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
