package org.genericconnector.asterisk.ami;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP (or TLS) session with Asterisk: writes actions, reads and routes what comes back, and keeps
 * the actions waiting for answers. Reading ({@link #readBanner}, {@link #readLoop}, {@link #await}) is
 * confined to one thread, the client's connection thread; {@link #send} and {@link #abort} are
 * thread-safe. Once aborted, the connection is dead for good: the client opens a new one.
 *
 * <p>Routing: a response goes to the action with its ActionID; a response with {@code EventList: start}
 * makes that action collect the events carrying its ActionID until the {@code EventList: Complete}
 * event; every other event goes to the event consumer. Header order is never relied on.
 */
final class AmiConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);

    private final Socket socket;
    private final String peer;
    private final AmiFrameReader reader;
    private final AmiFrameWriter writer;
    private final Object writeLock = new Object();
    private final Map<String, AmiPendingAction> pending = new ConcurrentHashMap<>();
    private final AmiScheduler scheduler;
    private final Supplier<String> actionIds;
    private final AtomicReference<AmiException> failure = new AtomicReference<>();

    private AmiConnection(Socket socket, String peer, AmiClientConfig config, AmiScheduler scheduler,
                          Supplier<String> actionIds) throws IOException {
        this.socket = socket;
        this.peer = peer;
        this.reader = new AmiFrameReader(socket.getInputStream(), config.maxMessageBytes());
        this.writer = new AmiFrameWriter(new BufferedOutputStream(socket.getOutputStream()));
        this.scheduler = scheduler;
        this.actionIds = actionIds;
    }

    /** Opens the socket (and the TLS handshake); fails with {@link AmiFailureKind#IO} or {@link AmiFailureKind#TIMEOUT}. */
    static AmiConnection open(AmiClientConfig config, AmiScheduler scheduler, Supplier<String> actionIds)
            throws AmiException {
        String peer = config.host() + ":" + config.port();
        Socket socket = null;
        try {
            socket = config.socketFactory().createSocket();
            int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
            socket.connect(new InetSocketAddress(config.host(), config.port()), timeout);
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            if (socket instanceof SSLSocket tls) {
                handshake(tls, timeout);
            }
            return new AmiConnection(socket, peer, config, scheduler, actionIds);
        } catch (IOException e) {
            closeQuietly(socket);
            throw classify(e, "cannot connect to " + peer);
        }
    }

    private static void handshake(SSLSocket tls, int timeoutMillis) throws IOException {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(timeoutMillis);
        tls.startHandshake();
        tls.setSoTimeout(0);
    }

    String peer() {
        return peer;
    }

    /** Reads the banner line; reader thread only. */
    String readBanner() throws AmiException {
        checkAlive();
        try {
            return reader.readBanner();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Reads and routes messages until the connection fails, which is the only way out; reader thread only. */
    void readLoop(Consumer<AmiMessage> events) throws AmiException {
        while (true) {
            route(next(), events);
        }
    }

    /** Reads and routes messages until {@code answer} is done, then returns its result; reader thread only. */
    AmiResponse await(CompletableFuture<AmiResponse> answer, Consumer<AmiMessage> events) throws AmiException {
        while (!answer.isDone()) {
            route(next(), events);
        }
        try {
            return answer.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof AmiException ami ? ami : new AmiException(AmiFailureKind.IO, "action failed", e);
        }
    }

    /**
     * Writes {@code action} with a fresh ActionID and returns the future of its answer, completed on the
     * reader or scheduler thread. Thread-safe; the write happens on the calling thread.
     */
    CompletableFuture<AmiResponse> send(AmiMessage action, Duration timeout) {
        String id = actionIds.get();
        AmiMessage withId = action.withActionId(id);
        AmiPendingAction p = new AmiPendingAction(action.name());
        pending.put(id, p);
        p.timeout(scheduler.schedule("action-timeout", timeout, () -> timedOut(id, p, timeout)));
        AmiException dead = failure.get();
        if (dead != null) {
            failOne(id, p, lost(dead));
            return p.future();
        }
        try {
            synchronized (writeLock) {
                writer.write(withId);
            }
            LOG.debug("AMI {} >> {}", peer, withId);
        } catch (IOException e) {
            abort(classify(e, "write to " + peer + " failed"));
        }
        return p.future();
    }

    /** Writes without waiting for an answer, ignoring errors (Logoff on close). */
    void sendQuietly(AmiMessage action) {
        try {
            synchronized (writeLock) {
                writer.write(action.withActionId(actionIds.get()));
            }
        } catch (IOException e) {
            LOG.debug("AMI {}: best-effort {} not sent: {}", peer, action.name(), e.toString());
        }
    }

    /**
     * Kills the connection: remembers the first reason, closes the socket (which wakes the reader), and
     * fails every waiting action. Thread-safe and idempotent.
     */
    void abort(AmiException reason) {
        if (failure.compareAndSet(null, reason)) {
            LOG.debug("AMI {}: closing connection: {}", peer, reason.getMessage());
            closeQuietly(socket);
        }
        AmiException lost = lost(failure.get());
        pending.forEach((id, p) -> failOne(id, p, lost));
    }

    boolean isAborted() {
        return failure.get() != null;
    }

    private void route(AmiMessage message, Consumer<AmiMessage> events) {
        LOG.trace("AMI {} << {}", peer, message);
        switch (message.kind()) {
            case RESPONSE -> onResponse(message);
            case EVENT -> {
                if (!collected(message)) {
                    events.accept(message);
                }
            }
            default -> LOG.debug("AMI {}: ignoring a message that is neither response nor event: {}", peer, message);
        }
    }

    private void onResponse(AmiMessage response) {
        String id = response.actionId().orElse("");
        AmiPendingAction p = pending.get(id);
        if (p == null) {
            LOG.debug("AMI {}: response to no waiting action (late after a timeout?): {}", peer, response);
        } else if (response.startsList()) {
            p.startList(response);
        } else if (pending.remove(id, p)) {
            p.answer(response);
        }
    }

    private boolean collected(AmiMessage event) {
        String id = event.actionId().orElse(null);
        AmiPendingAction p = id == null ? null : pending.get(id);
        if (p == null || !p.collecting()) {
            return false;
        }
        if (!event.completesList()) {
            p.addItem(event);
        } else if (pending.remove(id, p)) {
            p.completeList(event);
        }
        return true;
    }

    private void timedOut(String id, AmiPendingAction p, Duration timeout) {
        failOne(id, p, new AmiException(AmiFailureKind.TIMEOUT,
                "no answer to " + p.actionName() + " (ActionID " + id + ") within " + timeout.toMillis() + " ms"));
    }

    private void failOne(String id, AmiPendingAction p, AmiException cause) {
        if (pending.remove(id, p)) {
            p.fail(cause);
        }
    }

    private AmiMessage next() throws AmiException {
        checkAlive();
        try {
            AmiMessage message = reader.read();
            if (message == null) {
                throw new AmiException(AmiFailureKind.IO, peer + " closed the connection");
            }
            checkAlive();
            return message;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void checkAlive() throws AmiException {
        AmiException dead = failure.get();
        if (dead != null) {
            throw dead;
        }
    }

    /** A read failed: the reason is the abort that closed the socket, if any, else the I/O error itself. */
    private AmiException failed(IOException e) {
        AmiException dead = failure.get();
        return dead != null ? dead : classify(e, "read from " + peer + " failed");
    }

    private static AmiException lost(AmiException reason) {
        AmiFailureKind kind = reason.kind() == AmiFailureKind.CLOSED ? AmiFailureKind.CLOSED : AmiFailureKind.IO;
        return new AmiException(kind, "connection lost before the answer: " + reason.getMessage(), reason);
    }

    static AmiException classify(IOException e, String what) {
        if (e instanceof AmiProtocolException) {
            return new AmiException(AmiFailureKind.PROTOCOL, what + ": " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new AmiException(AmiFailureKind.TIMEOUT, what + ": " + e.getMessage(), e);
        }
        return new AmiException(AmiFailureKind.IO, what + ": " + e, e);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }
}
