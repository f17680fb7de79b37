package org.genericconnector.finesse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a server, for network failures the server itself does not make:
 * {@link #cut()} closes the client side as a crashed peer would (a FIN, no XMPP stream error), {@link #freeze()}
 * stops relaying while every socket stays open (a silent network). One virtual thread per direction.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> upstreams = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    private TcpProxy(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Relays 127.0.0.1:{@link #port()} to 127.0.0.1:{@code target}. */
    public static TcpProxy to(int target) {
        try {
            TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
            Thread.ofVirtual().name("proxy-accept").start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                clients.add(client);
                upstreams.add(upstream);
                Thread.ofVirtual().name("proxy-up").start(() -> relay(client, upstream));
                Thread.ofVirtual().name("proxy-down").start(() -> relay(upstream, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!frozen) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away: the relay ends
        }
    }

    /** Closes every client connection without a word to the client (and the matching server connections). */
    public void cut() {
        clients.forEach(TcpProxy::closeQuietly);
        upstreams.forEach(TcpProxy::closeQuietly);
    }

    /** From now on nothing is relayed in either direction; the sockets stay open. */
    public void freeze() {
        frozen = true;
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
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        cut();
    }
}
