package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Asterisk on a real loopback TCP socket: it accepts connections and lets the test
 * script each session line by line, speaking the wire format of the captures (banner, responses that
 * echo the ActionID, events). Reads time out after 10 s so a broken test fails instead of hanging.
 */
final class ScriptedAmiPeer implements AutoCloseable {

    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

    private final ServerSocket server;
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    ScriptedAmiPeer() throws IOException {
        this(javax.net.ServerSocketFactory.getDefault());
    }

    /** A peer on the given factory, e.g. an {@link javax.net.ssl.SSLServerSocketFactory} for TLS. */
    ScriptedAmiPeer(javax.net.ServerSocketFactory factory) throws IOException {
        server = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("scripted-ami-peer").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    /** The next connection the client opened. */
    Session nextSession() throws InterruptedException {
        Session s = sessions.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("the client connected").isNotNull();
        return s;
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(10_000);
                accepted.incrementAndGet();
                sessions.add(new Session(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One accepted connection, scripted from the test thread. */
    static final class Session implements AutoCloseable {
        private final Socket socket;
        private final AmiFrameReader reader;
        private final OutputStream out;
        private String lineEnd = "\r\n";

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.reader = new AmiFrameReader(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** From now on, write bare LF line ends, as a sloppy peer would. */
        Session lfOnly() {
            lineEnd = "\n";
            return this;
        }

        Session banner() {
            return raw(BANNER.replace("\r\n", lineEnd));
        }

        /** Writes raw text, line ends as written. */
        Session raw(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes one message from {@code Name: value} lines, with this session's line ends. */
        Session send(String... lines) {
            StringBuilder b = new StringBuilder();
            for (String line : lines) {
                b.append(line).append(lineEnd);
            }
            return raw(b.append(lineEnd).toString());
        }

        /** Writes one message exactly as given (CRLF). */
        Session send(AmiMessage message) {
            return raw(new String(AmiFrameWriter.encode(message), StandardCharsets.UTF_8));
        }

        /** Reads the client's next message, whatever it is. */
        AmiMessage next() {
            try {
                AmiMessage m = reader.read();
                assertThat(m).as("the client sent a message").isNotNull();
                return m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Answers {@code action}, echoing its ActionID, with a response made of these lines. */
        Session respond(AmiMessage action, String... lines) {
            String[] all = new String[lines.length + 1];
            all[0] = lines[0];
            all[1] = "ActionID: " + action.actionId().orElseThrow();
            System.arraycopy(lines, 1, all, 2, lines.length - 1);
            return send(all);
        }

        /** Reads the client's next message and checks it is the named action. */
        AmiMessage expect(String actionName) {
            try {
                AmiMessage m = reader.read();
                assertThat(m).as("the client sent " + actionName).isNotNull();
                assertThat(m.kind()).isEqualTo(AmiKind.ACTION);
                assertThat(m.name()).isEqualTo(actionName);
                assertThat(m.actionId()).as("every action carries an ActionID").isPresent();
                return m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Plain login accepted, as Asterisk answers it. */
        AmiMessage acceptPlainLogin() {
            banner();
            AmiMessage login = expect("Login");
            respond(login, "Response: Success", "Message: Authentication accepted");
            return login;
        }

        /** Waits until the client closes its end (reads past anything else it sends). */
        void awaitClosedByClient() {
            try {
                InputStream in = socket.getInputStream();
                byte[] sink = new byte[1024];
                while (in.read(sink) >= 0) {
                    // drain
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the client did not close the connection", e);
            } catch (IOException e) {
                // reset by the client: closed as well
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
