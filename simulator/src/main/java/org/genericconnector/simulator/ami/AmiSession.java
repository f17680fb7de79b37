package org.genericconnector.simulator.ami;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One manager connection: a reading thread hands each packet to the dispatcher, a writing thread drains
 * the outgoing queue (so a slow client never holds the contact center's lock). Unauthenticated sessions
 * are closed silently after the auth timeout. Thread-safe: {@link #send} and {@link #deliver} may be called
 * from any thread; login state is written by the reading thread only.
 */
final class AmiSession {
    private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);
    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

    private final Socket socket;
    private final AmiFaults faults;
    private final BlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>();
    private final Consumer<AmiSession> onClose;
    private volatile AmiUser user;
    private volatile AmiEventMask mask = AmiEventMask.ON;
    private volatile String challenge;
    private volatile boolean closed;

    private record Outgoing(AmiMessage message, long notBeforeNanos, boolean closeAfter) {
    }

    AmiSession(Socket socket, AmiFaults faults, Consumer<AmiSession> onClose) {
        this.socket = socket;
        this.faults = faults;
        this.onClose = onClose;
    }

    /** Writes the banner and starts the two threads; {@code dispatcher} handles each packet read. */
    void start(Duration authTimeout, AmiDispatcher dispatcher) throws IOException {
        socket.setSoTimeout((int) authTimeout.toMillis());
        socket.getOutputStream().write(BANNER.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        Thread.ofVirtual().name("ami-read-" + socket.getPort()).start(() -> readLoop(dispatcher));
        Thread.ofVirtual().name("ami-write-" + socket.getPort()).start(this::writeLoop);
    }

    private void readLoop(AmiDispatcher dispatcher) {
        try {
            AmiPacketReader reader = new AmiPacketReader(socket.getInputStream());
            AmiMessage packet;
            while (!closed && (packet = reader.next()) != null) {
                faults.awaitNoStall();
                dispatcher.dispatch(this, packet);
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("AMI session {} closed: not authenticated in time", socket.getPort());
        } catch (IOException | InterruptedException e) {
            LOG.debug("AMI session {} read ended: {}", socket.getPort(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("AMI session {} failed", socket.getPort(), e);
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Outgoing next = outgoing.take();
                faults.awaitNoStall();
                long wait = next.notBeforeNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait)); // the "delayed response" fault itself
                }
                if (next.message != null) {
                    out.write(next.message.wire());
                    out.flush();
                }
                if (next.closeAfter) {
                    close();
                }
            }
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    /** Queues a packet for this client (a response or a list item): no event mask applies. */
    void send(AmiMessage message) {
        outgoing.add(new Outgoing(message, 0, false));
    }

    /** Queues a response, held back by the delayed-response fault. */
    void respond(AmiMessage message) {
        outgoing.add(new Outgoing(message, System.nanoTime() + faults.responseDelay().toNanos(), false));
    }

    /** Queues the last packet; the socket closes once it is written. */
    void sendThenClose(AmiMessage message) {
        outgoing.add(new Outgoing(message, 0, true));
    }

    /** Queues an unsolicited event if the session is logged in and its mask admits it. */
    void deliver(AmiMessage event) {
        if (user != null && mask.admits(event)) {
            outgoing.add(new Outgoing(event, 0, false));
        }
    }

    /** Closes the socket at once (a dropped TCP connection). */
    void close() {
        if (!closed) {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
            outgoing.add(new Outgoing(null, 0, false)); // wakes the writer
            onClose.accept(this);
        }
    }

    boolean isClosed() {
        return closed;
    }

    AmiUser user() {
        return user;
    }

    void loggedIn(AmiUser user, AmiEventMask mask) throws IOException {
        this.user = user;
        this.mask = mask;
        socket.setSoTimeout(0);
    }

    AmiEventMask mask() {
        return mask;
    }

    void mask(AmiEventMask mask) {
        this.mask = mask;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String challenge) {
        this.challenge = challenge;
    }
}
