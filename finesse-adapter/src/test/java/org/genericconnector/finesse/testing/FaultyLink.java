package org.genericconnector.finesse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback TCP relay in front of a server for the transport faults the tests need and the server does not make:
 * a crashed peer ({@link #cut()}: a FIN, no XMPP stream error), a silent network ({@link #freeze()}), a peer that
 * stops reading (the client's writes block once the buffers are full), a peer that half-closes, a peer
 * that drops the connection on the client's closing stream tag without sending its own, and a server-to-client
 * direction that arrives one byte per TCP segment. The client side of every connection has a small receive buffer,
 * so that a few hundred KiB fill it. One virtual thread per direction.
 */
public final class FaultyLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> upstreams = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean frozen;
    private volatile boolean stalled;
    private volatile boolean trickle;
    private volatile String cutOn;

    private FaultyLink(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Relays 127.0.0.1:{@link #port()} to 127.0.0.1:{@code target}. */
    public static FaultyLink to(int target) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReceiveBufferSize(4096); // inherited by the accepted sockets
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FaultyLink link = new FaultyLink(listener, target);
            Thread.ofVirtual().name("faulty-link-accept").start(link::accept);
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every client connection without a word to the client (and the matching server connections). */
    public void cut() {
        clients.forEach(FaultyLink::closeQuietly);
        upstreams.forEach(FaultyLink::closeQuietly);
    }

    /** From now on nothing is relayed in either direction; the sockets stay open and are still read. */
    public void freeze() {
        frozen = true;
    }

    /** From now on nothing the client sends is read: its socket stays open, its writes block once buffers fill. */
    public void stall() {
        stalled = true;
    }

    /** From now on the server's bytes reach the client one per TCP segment (multi-byte characters split). */
    public void trickle() {
        trickle = true;
    }

    /** Closes the client's connection (no closing stream tag, no stream error) once the client sends {@code text}. */
    public void cutWhenClientSends(String text) {
        cutOn = text;
    }

    /** Ends the stream towards the client (a FIN) while its sockets stay open and, if stalled, unread. */
    public void halfClose() {
        for (Socket client : clients) {
            try {
                client.shutdownOutput();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                clients.add(client);
                upstreams.add(upstream);
                Thread.ofVirtual().name("faulty-link-up").start(() -> up(client, upstream));
                Thread.ofVirtual().name("faulty-link-down").start(() -> down(upstream, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void up(Socket client, Socket upstream) {
        byte[] buffer = new byte[8192];
        StringBuilder recent = new StringBuilder();
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            while (true) {
                if (stalled) {
                    closed.await(); // read nothing more until the link is closed
                    return;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                if (frozen) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
                String marker = cutOn;
                if (marker != null) {
                    recent.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (recent.indexOf(marker) >= 0) {
                        closeQuietly(client);
                        closeQuietly(upstream);
                        return;
                    }
                    recent.delete(0, Math.max(0, recent.length() - marker.length()));
                }
            }
        } catch (IOException e) {
            // one side went away: the relay ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void down(Socket upstream, Socket client) {
        byte[] buffer = new byte[8192];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (frozen) {
                    continue;
                }
                if (trickle) {
                    for (int i = 0; i < n; i++) {
                        out.write(buffer[i]);
                        out.flush();
                    }
                } else {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away: the relay ends
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        cut();
    }
}
