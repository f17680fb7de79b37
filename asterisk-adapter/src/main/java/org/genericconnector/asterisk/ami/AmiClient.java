package org.genericconnector.asterisk.ami;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-healing Asterisk Manager Interface client: it connects, logs in, keeps the session alive with
 * Pings, and reconnects with back-off whenever the session is lost, until {@link #close()}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * AmiClient ami = AmiClient.create(AmiClientConfig.builder("pbx", 5038, "cti", secret).build());
 * ami.addConnectionListener(listener);   // onLoggedIn: run the resync (QueueStatus, CoreShowChannels, ...)
 * ami.addEventListener(event -> ...);    // unsolicited events, in wire order
 * ami.start();
 * ami.send(AmiMessage.action("QueuePause").add("Interface", "PJSIP/1001").add("Paused", "true").build())
 *    .thenAccept(r -> ...);              // list actions complete with all their items
 * }</pre>
 *
 * <h2>Threads</h2>
 * Thread-safe. Each client owns: a connection thread (connects, logs in, reads the socket and routes what
 * it reads; it never runs listener code), a dispatch thread (runs every listener callback, in order, see
 * {@link AmiEventListener}), and virtual threads that complete the futures returned by {@link #send}, so
 * code chained on them runs neither on the reader nor on the dispatcher. Timeouts, Pings and reconnect
 * delays run on the {@link AmiScheduler}. {@link #send} writes on the calling thread.
 *
 * <h2>Failures</h2>
 * An action's future fails with an {@link AmiException}: {@link AmiFailureKind#REJECTED} for
 * {@code Response: Error}, {@link AmiFailureKind#TIMEOUT} when unanswered (the connection stays up),
 * {@link AmiFailureKind#IO} when the connection is lost first, {@link AmiFailureKind#NOT_CONNECTED} while
 * reconnecting. A Ping unanswered within the ping timeout, a broken socket, an oversized frame or a full
 * event queue drops the session; listeners hear {@code onDisconnected}, then {@code onLoggedIn} once the
 * client is back. Refused credentials are retried only after {@link AmiBackoff#afterAuthFailure()}.
 */
public final class AmiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiClient.class);
    private static final Duration LOGOFF_WAIT = Duration.ofSeconds(1);

    private final AmiClientConfig config;
    private final AmiScheduler scheduler;
    private final AutoCloseable ownedScheduler;
    private final AmiDispatcher dispatcher;
    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AmiEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final List<AmiConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong actionIds = new AtomicLong();
    private final String name;
    private final AmiKeepAlive keepAlive;
    private volatile Thread connectionThread;
    private volatile AmiConnection current;
    private volatile AmiConnection loggedIn;
    private volatile CompletableFuture<Void> wake = new CompletableFuture<>();
    private volatile boolean closed;

    /** A client on the given scheduler, which the caller owns and closes. */
    public AmiClient(AmiClientConfig config, AmiScheduler scheduler) {
        this(config, scheduler, null);
    }

    private AmiClient(AmiClientConfig config, AmiScheduler scheduler, AutoCloseable ownedScheduler) {
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ownedScheduler = ownedScheduler;
        this.name = "ami-" + config.host() + ":" + config.port();
        this.dispatcher = new AmiDispatcher(name + "-dispatch", config.eventQueueCapacity());
        this.keepAlive = new AmiKeepAlive(scheduler, config.pingInterval(), config.pingTimeout());
    }

    /** A client with a scheduler thread of its own, closed with the client. */
    public static AmiClient create(AmiClientConfig config) {
        ExecutorAmiScheduler scheduler = new ExecutorAmiScheduler("ami-" + config.host() + ":" + config.port() + "-timer");
        return new AmiClient(config, scheduler, scheduler);
    }

    public void addEventListener(AmiEventListener listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeEventListener(AmiEventListener listener) {
        eventListeners.remove(listener);
    }

    public void addConnectionListener(AmiConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeConnectionListener(AmiConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /** Starts connecting in the background; listeners hear the outcome. Call once. */
    public synchronized void start() {
        if (connectionThread != null || closed) {
            throw new IllegalStateException("AMI client already started or closed");
        }
        LOG.info("AMI-000 starting AMI client {}", config);
        connectionThread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    public boolean isLoggedIn() {
        return loggedIn != null;
    }

    /** Sends an action with the default timeout. See {@link #send(AmiMessage, Duration)}. */
    public CompletableFuture<AmiResponse> send(AmiMessage action) {
        return send(action, config.actionTimeout());
    }

    /**
     * Sends an action under a fresh ActionID (any ActionID in {@code action} is replaced) and returns its
     * answer, a list action's items included. Never throws; failures come through the future.
     *
     * @param timeout how long the answer (the whole list, for list actions) may take
     */
    public CompletableFuture<AmiResponse> send(AmiMessage action, Duration timeout) {
        if (action.kind() != AmiKind.ACTION) {
            throw new IllegalArgumentException("not an action: " + action);
        }
        AmiConnection c = loggedIn;
        if (c == null) {
            AmiFailureKind kind = closed ? AmiFailureKind.CLOSED : AmiFailureKind.NOT_CONNECTED;
            return CompletableFuture.failedFuture(new AmiException(kind, "AMI not logged in; " + action.name() + " not sent"));
        }
        return handOff(c.send(action, timeout));
    }

    /** Changes the session's event mask ({@code on}, {@code off} or a class list) until the next login. */
    public CompletableFuture<AmiResponse> setEventMask(String mask) {
        return send(AmiMessage.action("Events").add("EventMask", mask).build());
    }

    /** Logs off (best effort), stops reconnecting, fails waiting actions with {@link AmiFailureKind#CLOSED}. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        wake.complete(null);
        AmiConnection c = current;
        if (c != null) {
            logoff(c);
            c.abort(new AmiException(AmiFailureKind.CLOSED, "AMI client closed"));
        }
        joinConnectionThread();
        dispatcher.close();
        completions.shutdown();
        closeOwnedScheduler();
        LOG.info("AMI-005 AMI client {} closed", name);
    }

    /** Best effort, bounded: a stuck socket must not hold up close(); the abort that follows unblocks the write. */
    private static void logoff(AmiConnection c) {
        Thread writer = Thread.ofVirtual().name("ami-logoff").start(() -> c.sendQuietly(AmiMessage.action("Logoff").build()));
        try {
            writer.join(LOGOFF_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int failures = 0;
        int sessions = 0;
        while (!closed) {
            AmiConnection c = null;
            boolean wasLoggedIn = false;
            AmiException cause;
            try {
                c = AmiConnection.open(config, scheduler, this::nextActionId);
                current = c;
                if (closed) { // close() may have looked for a connection before this one was set
                    throw new AmiException(AmiFailureKind.CLOSED, "AMI client closed");
                }
                AmiLoginInfo info = login(c, sessions + 1);
                sessions++;
                failures = 0;
                wasLoggedIn = true;
                onLoggedIn(c, info);
                c.readLoop(this::deliver);
                throw new IllegalStateException("read loop returned");
            } catch (AmiException e) {
                cause = closed ? new AmiException(AmiFailureKind.CLOSED, "AMI client closed", e) : e;
            } catch (RuntimeException e) { // a bug of ours must not end reconnecting for good
                LOG.error("AMI-008 unexpected failure on the AMI connection thread; reconnecting", e);
                cause = new AmiException(AmiFailureKind.IO, "unexpected failure: " + e, e);
            }
            cleanUp(c, cause);
            if (closed) {
                if (wasLoggedIn) {
                    dispatcher.control(() -> notify(connectionListeners, l -> l.onDisconnected(cause)));
                }
                return;
            }
            Duration delay = config.backoff().delay(failures++, cause.kind(), config.jitterSource().getAsDouble());
            report(cause, wasLoggedIn, delay);
            pause(delay);
        }
    }

    private AmiLoginInfo login(AmiConnection c, int session) throws AmiException {
        AmiScheduler.Cancellable timer = scheduler.schedule("login-timeout", config.loginTimeout(),
                () -> c.abort(new AmiException(AmiFailureKind.TIMEOUT, "not logged in within " + config.loginTimeout().toMillis() + " ms")));
        try {
            return AmiLogin.perform(c, config, session, this::deliver);
        } finally {
            timer.cancel();
        }
    }

    private void onLoggedIn(AmiConnection c, AmiLoginInfo info) {
        LOG.info("AMI-001 logged in to {} as {} (AMI {}, session {})", c.peer(), config.username(), info.amiVersion(), info.session());
        loggedIn = c;
        dispatcher.control(() -> notify(connectionListeners, l -> l.onLoggedIn(info)));
        keepAlive.watch(c);
    }

    private void cleanUp(AmiConnection c, AmiException cause) {
        loggedIn = null;
        current = null;
        keepAlive.stop();
        if (c != null) {
            c.abort(cause);
        }
    }

    private void report(AmiException cause, boolean wasLoggedIn, Duration delay) {
        if (wasLoggedIn) {
            LOG.warn("AMI-002 AMI session lost ({}): {}; reconnecting in {} ms", cause.kind(), cause.getMessage(), delay.toMillis());
            dispatcher.control(() -> notify(connectionListeners, l -> l.onDisconnected(cause)));
        } else {
            String code = cause.kind() == AmiFailureKind.AUTHENTICATION ? "AMI-003" : "AMI-004";
            LOG.warn("{} AMI connect/login to {}:{} as {} failed ({}): {}; retrying in {} ms", code, config.host(),
                    config.port(), config.username(), cause.kind(), cause.getMessage(), delay.toMillis());
            dispatcher.control(() -> notify(connectionListeners, l -> l.onConnectFailed(cause, delay)));
        }
    }

    private void pause(Duration delay) {
        CompletableFuture<Void> w = new CompletableFuture<>();
        wake = w;
        if (closed) {
            return;
        }
        AmiScheduler.Cancellable timer = scheduler.schedule("reconnect", delay, () -> w.complete(null));
        w.join();
        timer.cancel();
    }

    /** Runs on the reader thread: queue for listeners, or drop the session if they are too far behind. */
    private void deliver(AmiMessage event) {
        if (!dispatcher.offerEvent(() -> notify(eventListeners, l -> l.onEvent(event)))) {
            AmiConnection c = current;
            LOG.error("AMI-006 {} events wait for listeners; dropping the AMI session to resynchronise", dispatcher.capacity());
            if (c != null) {
                c.abort(new AmiException(AmiFailureKind.OVERLOAD,
                        "event queue full (" + dispatcher.capacity() + " events); session dropped, events from "
                                + event.name() + " on were not delivered"));
            }
        }
    }

    /** Calls each listener; one that throws is logged and does not keep the others from hearing. */
    private static <L> void notify(List<L> listeners, java.util.function.Consumer<L> call) {
        for (L listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("AMI listener {} failed; delivery goes on", listener, e);
            }
        }
    }

    /** Completes the caller's future on a virtual thread, so chained code never runs on the reader or scheduler. */
    private CompletableFuture<AmiResponse> handOff(CompletableFuture<AmiResponse> internal) {
        CompletableFuture<AmiResponse> visible = new CompletableFuture<>();
        internal.whenComplete((answer, error) -> {
            try {
                completions.execute(() -> complete(visible, answer, error));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                complete(visible, answer, error);
            }
        });
        return visible;
    }

    private static void complete(CompletableFuture<AmiResponse> future, AmiResponse answer, Throwable error) {
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(answer);
        }
    }

    private String nextActionId() {
        return config.actionIdPrefix() + actionIds.incrementAndGet();
    }

    private void joinConnectionThread() {
        Thread t = connectionThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeOwnedScheduler() {
        if (ownedScheduler != null) {
            try {
                ownedScheduler.close();
            } catch (Exception e) {
                LOG.debug("closing the AMI scheduler failed", e);
            }
        }
    }
}
