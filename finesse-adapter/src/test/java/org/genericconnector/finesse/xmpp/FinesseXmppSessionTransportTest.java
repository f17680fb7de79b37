package org.genericconnector.finesse.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.genericconnector.finesse.testing.FaultyLink;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.genericconnector.finesse.testing.Waiting;
import org.genericconnector.finesse.xmpp.FinesseXmppSessionTest.Recorder;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;
import org.jivesoftware.smack.SmackException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport of an agent's session ({@link VirtualThreadXmppConnection}) against transport faults a real prosody
 * does not make itself, put between the two by a {@link FaultyLink}: a peer that stops reading, a peer that closes
 * without its closing stream tag. Every wait has a deadline; none is a fixed sleep.
 */
class FinesseXmppSessionTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static ProsodyServer prosody;
    private static ProsodyServer tlsProsody;

    @BeforeAll
    static void startServers() {
        prosody = ProsodyServer.start(new String[0]);
        tlsProsody = ProsodyServer.startWithTls(ProsodyServer.DOMAIN, new String[0]);
    }

    @AfterAll
    static void stopServers() {
        prosody.close();
        tlsProsody.close();
    }

    /** A new account on the server, so that no test's session replaces another's. */
    private static String account(ProsodyServer server) {
        String user = "t" + ACCOUNTS.incrementAndGet();
        server.account(user, "pw-" + user);
        return user;
    }

    private static FinesseXmppSession open(ProsodyServer server, int port, String security, Duration replyTimeout,
                                           Duration pingInterval, Recorder recorder) throws Exception {
        String user = account(server);
        X509TrustManager trust = "disabled".equals(security) ? null : FinesseXmppSessionTest.trusting(server.certificate());
        XmppEndpoint endpoint = new XmppEndpoint("127.0.0.1", port, ProsodyServer.DOMAIN, "pubsub." + ProsodyServer.DOMAIN,
                "gc-connector", security, trust, replyTimeout, pingInterval);
        return FinesseXmppSession.open(endpoint, user, "pw-" + user, recorder);
    }

    /** Sends 64 KiB stanzas from a platform thread until one fails; the thread then ends, keeping the failure. */
    static final class Flood {
        final Thread thread;
        volatile Exception failure;

        Flood(VirtualThreadXmppConnection connection) {
            String body = "x".repeat(64 * 1024);
            thread = new Thread(() -> {
                try {
                    while (true) {
                        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                                .to(connection.getXMPPServiceDomain()).setBody(body).build());
                    }
                } catch (Exception e) {
                    failure = e;
                }
            }, "flood");
            thread.setDaemon(true);
            thread.start();
        }

        /** The flood's write waits in the socket: the peer reads nothing and every buffer between is full. */
        boolean blockedInSocketWrite() {
            return isIn(thread, "sun.nio.ch.NioSocketImpl", "park");
        }
    }

    static boolean isIn(Thread thread, String className, String method) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(className) && frame.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code action} on a platform thread of its own, so that a test outlives it if it never returns. */
    static Thread background(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void writeToAPeerThatStoppedReadingFailsWithinTheReplyTimeoutAndTheLossIsReported() throws Exception {
        try (FaultyLink link = FaultyLink.to(prosody.port())) {
            Recorder recorder = new Recorder();
            // no ping is due within the wait: only a deadline on the write itself can find the peer
            FinesseXmppSession session = open(prosody, link.port(), "disabled", Duration.ofSeconds(2), Duration.ofMinutes(5), recorder);
            link.stall();
            Flood flood = new Flood(session.connection());
            Waiting.until(WAIT, "a write blocked in the socket", flood::blockedInSocketWrite);
            Waiting.until(WAIT, "the blocked write to fail", () -> !flood.thread.isAlive());
            assertThat(flood.failure).isInstanceOf(SmackException.NotConnectedException.class);
            Waiting.until(WAIT, "the loss", () -> !recorder.losses.isEmpty());
            assertThat(session.isConnected()).isFalse();
            Waiting.until(WAIT, "the reader to end", () -> !session.connection().readerThread().isAlive());
            session.abandon();
        }
    }

    @Test
    void logoutWaitingBehindABlockedWriteReturnsWhenThePeerThenEndsTheStream() throws Exception {
        try (FaultyLink link = FaultyLink.to(prosody.port())) {
            Recorder recorder = new Recorder();
            FinesseXmppSession session = open(prosody, link.port(), "disabled", Duration.ofSeconds(3), Duration.ofMinutes(5), recorder);
            link.stall();
            Flood flood = new Flood(session.connection());
            Waiting.until(WAIT, "a write blocked in the socket", flood::blockedInSocketWrite);
            // the logout's unavailable presence waits for the write lock, inside Smack's synchronized disconnect()
            Thread closing = background("close", session::close);
            Waiting.until(WAIT, "the logout waiting to write", () -> closing.getState() == Thread.State.WAITING
                    && isIn(closing, VirtualThreadXmppConnection.class.getName(), "write"));
            // the reader sees the end of the stream, and reports the drop, while the logout still waits
            link.halfClose();
            Waiting.until(Duration.ofSeconds(20), "close() to return", () -> !closing.isAlive());
            Waiting.until(WAIT, "the blocked write to fail", () -> !flood.thread.isAlive());
            Waiting.until(WAIT, "the reader to end", () -> !session.connection().readerThread().isAlive());
            assertThat(session.isConnected()).isFalse();
            assertThat(recorder.losses).isEmpty(); // closed on purpose
        }
    }

    @Test
    void abandoningATlsSessionWhoseWriteIsBlockedReturnsAndEndsTheWriteAndTheReader() throws Exception {
        try (FaultyLink link = FaultyLink.to(tlsProsody.port())) {
            Recorder recorder = new Recorder();
            // the write deadline (the reply timeout) is far beyond the wait: only the shutdown can end the write
            FinesseXmppSession session = open(tlsProsody, link.port(), "required", Duration.ofSeconds(60), Duration.ofMinutes(5), recorder);
            assertThat(session.isSecure()).isTrue();
            link.stall();
            Flood flood = new Flood(session.connection());
            Waiting.until(WAIT, "a write blocked in the socket", flood::blockedInSocketWrite);
            // what a failed keep-alive ping does to drop the session
            Thread abandoning = background("abandon", session::abandon);
            Waiting.until(WAIT, "abandon() to return", () -> !abandoning.isAlive());
            Waiting.until(WAIT, "the blocked write to fail", () -> !flood.thread.isAlive());
            Waiting.until(WAIT, "the reader to end", () -> !session.connection().readerThread().isAlive());
            assertThat(session.isConnected()).isFalse();
        }
    }

    @Test
    void keepAlivePingWaitingBehindABlockedWriteTimesOutWithinTheInterval() throws Exception {
        try (FaultyLink link = FaultyLink.to(prosody.port())) {
            Recorder recorder = new Recorder();
            // the write deadline (the reply timeout) is far beyond the wait: only the ping's own timeout finds the peer
            FinesseXmppSession session = open(prosody, link.port(), "disabled", Duration.ofSeconds(60), Duration.ofMillis(400), recorder);
            // just after a reply, no ping is in flight and the next is 400 ms away: the flood's first 64 KiB (more
            // than the buffers between hold) blocks before it, so the next ping's write waits behind it
            long answered = session.pingsAnswered();
            Waiting.until(WAIT, "an answered ping", () -> session.pingsAnswered() > answered);
            link.stall();
            Flood flood = new Flood(session.connection());
            Waiting.until(WAIT, "a write blocked in the socket", flood::blockedInSocketWrite);
            Waiting.until(WAIT, "the loss", () -> !recorder.losses.isEmpty());
            assertThat(recorder.losses.get(0)).hasMessageContaining("ping");
            Waiting.until(WAIT, "the blocked write to fail", () -> !flood.thread.isAlive());
            Waiting.until(WAIT, "the reader to end", () -> !session.connection().readerThread().isAlive());
            assertThat(session.isConnected()).isFalse();
            session.abandon();
        }
    }

    @Test
    void logoutEndsWhenThePeerClosesWithoutItsClosingStreamTag() throws Exception {
        try (FaultyLink link = FaultyLink.to(prosody.port())) {
            Recorder recorder = new Recorder();
            FinesseXmppSession session = open(prosody, link.port(), "disabled", Duration.ofSeconds(5), Duration.ofMinutes(5), recorder);
            link.cutWhenClientSends("</stream:stream>");
            long start = System.nanoTime();
            session.close();
            // the end of the socket ends the wait for the server's closing tag, not the 5 s reply timeout
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            Waiting.until(WAIT, "the reader to end", () -> !session.connection().readerThread().isAlive());
            assertThat(recorder.losses).isEmpty();
        }
    }

    @Test
    void anErrorThrownInTheReaderDropsTheSession() throws Exception {
        Recorder recorder = new Recorder();
        // no ping is due within the wait: only the reader can report its own end
        FinesseXmppSession session = open(prosody, prosody.port(), "disabled", Duration.ofSeconds(5), Duration.ofMinutes(5), recorder);
        VirtualThreadXmppConnection connection = session.connection();
        // a stanza collector's filter runs on the reader, as Smack's stanza parsing does (which can overflow the
        // stack on deeply nested XML where the XML parser sets no depth limit, as the JDK's did before 24)
        connection.createStanzaCollector(stanza -> {
            if (stanza instanceof org.jivesoftware.smack.packet.Message m && "boom".equals(m.getBody())) {
                throw new StackOverflowError("thrown by the test");
            }
            return false;
        });
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(connection.getUser()).setBody("boom").build());
        Waiting.until(WAIT, "the loss", () -> !recorder.losses.isEmpty());
        assertThat(session.isConnected()).isFalse();
        Waiting.until(WAIT, "the reader to end", () -> !connection.readerThread().isAlive());
        session.abandon();
    }

    /** Reads until {@code text} has arrived (ASCII); false at the end of the stream. */
    private static boolean readUntil(InputStream in, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            seen.append((char) b);
            if (seen.indexOf(text) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void serverSilentAfterProceedFailsTheLoginWithinTheReplyTimeoutAndTheSocketIsClosed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch clientClosed = new CountDownLatch(1);
            Thread.ofVirtual().name("silent-after-proceed").start(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    if (readUntil(in, "<stream:stream") && readUntil(in, ">")) {
                        out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                                + " id='s1' from='" + ProsodyServer.DOMAIN + "' version='1.0'><stream:features>"
                                + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    if (readUntil(in, "<starttls")) {
                        out.write("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    while (in.read() >= 0) {
                        // the ClientHello, never answered
                    }
                } catch (IOException e) {
                    // the client reset the connection: closed too
                }
                clientClosed.countDown();
            });
            XmppEndpoint endpoint = new XmppEndpoint("127.0.0.1", server.getLocalPort(), ProsodyServer.DOMAIN,
                    "pubsub." + ProsodyServer.DOMAIN, "gc-connector", "required", FinesseXmppSessionTest.trusting(tlsProsody.certificate()),
                    Duration.ofSeconds(2), Duration.ofMinutes(5));
            long start = System.nanoTime();
            assertThatThrownBy(() -> FinesseXmppSession.open(endpoint, "t0", "pw", new Recorder()))
                    .isInstanceOfSatisfying(AcdException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            // the client closed its socket: the reader, blocked in the handshake, has ended
            Waiting.until(WAIT, "the client to close the socket", () -> clientClosed.getCount() == 0);
        }
    }

    @Test
    void multiByteCharactersSplitAcrossReadsArriveWhole() throws Exception {
        try (FaultyLink link = FaultyLink.to(prosody.port())) {
            FinesseXmppSession session = open(prosody, link.port(), "disabled", Duration.ofSeconds(5), Duration.ofMinutes(5), new Recorder());
            VirtualThreadXmppConnection connection = session.connection();
            List<String> bodies = new CopyOnWriteArrayList<>();
            connection.addAsyncStanzaListener(stanza -> bodies.add(((org.jivesoftware.smack.packet.Message) stanza).getBody()),
                    org.jivesoftware.smack.filter.StanzaTypeFilter.MESSAGE);
            link.trickle(); // from now on one byte per TCP segment: 2, 3 and 4 byte sequences arrive in pieces
            String body = "Zoë Ångström — 北京 🎧 ok";
            connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(connection.getUser()).setBody(body).build());
            Waiting.until(WAIT, "the message back", () -> !bodies.isEmpty());
            assertThat(bodies).containsExactly(body);
            assertThat(session.isConnected()).isTrue();
            session.close();
        }
    }

    @Test
    void tcpConnectIsNotMadeInsideTheConnectionsMonitor() throws Exception {
        // a listener whose accept queue is full drops further SYNs: a connect to it waits out its timeout
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) { // more than the queue holds: the last ones wait
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        queued.add(s);
                    } catch (IOException e) {
                        s.close();
                        break; // the queue is full
                    }
                }
                XmppEndpoint endpoint = new XmppEndpoint("127.0.0.1", full.getLocalPort(), ProsodyServer.DOMAIN,
                        "pubsub." + ProsodyServer.DOMAIN, "gc-connector", "disabled", null, Duration.ofSeconds(3), Duration.ofMinutes(5));
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                Thread opening = background("open", () -> {
                    try {
                        FinesseXmppSession.open(endpoint, "t0", "pw", new Recorder()).abandon();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
                Waiting.until(WAIT, "the TCP connect under way", () -> isIn(opening, "sun.nio.ch.NioSocketImpl", "connect"));
                // on JDK 21 to 23 a virtual thread blocked inside a monitor pins its carrier thread: a connect that
                // waits for its timeout there stalls every virtual thread of the adapter (readers, mailboxes)
                ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {opening.threadId()}, true, false)[0];
                assertThat(info.getLockedMonitors()).extracting(MonitorInfo::getClassName)
                        .doesNotContain(VirtualThreadXmppConnection.class.getName());
                Waiting.until(WAIT, "open() to fail", () -> !opening.isAlive());
                assertThat(failures).singleElement().isInstanceOfSatisfying(AcdException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE));
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    /** A PKCS12 key store (password "pw") with a self-signed certificate for {@code name}, made with openssl. */
    private static Path keyStoreFor(String name, Path dir) throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Path store = dir.resolve("store.p12");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=" + name, "-addext", "subjectAltName=DNS:" + name, "-keyout", key.toString(), "-out", cert.toString());
        run(dir, "openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", cert.toString(), "-out", store.toString(),
                "-passout", "pass:pw");
        return store;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.txt").toFile()).start();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + Files.readString(dir.resolve("openssl.txt")));
        }
    }

    @Test
    void tlsConnectionDroppedByTheClientEndsWithACloseNotify() throws Exception {
        Path dir = Files.createTempDirectory("gc-xmpp-tls");
        Path store = keyStoreFor("elsewhere.test", dir); // not the XMPP domain: the client's host name check fails
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "pw".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "pw".toCharArray());
        javax.net.ssl.SSLContext serverTls = javax.net.ssl.SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> howItEnded = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().name("tls-server").start(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    readUntil(in, "<stream:stream");
                    readUntil(in, ">");
                    out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                            + " id='s1' from='" + ProsodyServer.DOMAIN + "' version='1.0'><stream:features>"
                            + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    readUntil(in, "<starttls");
                    readUntil(in, ">");
                    out.write("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    howItEnded.add(serveTlsUntilTheEnd(serverTls, s));
                } catch (IOException e) {
                    howItEnded.add(e.toString()); // e.g. "SSL peer shut down incorrectly", a reset
                }
            });
            XmppEndpoint endpoint = new XmppEndpoint("127.0.0.1", server.getLocalPort(), ProsodyServer.DOMAIN,
                    "pubsub." + ProsodyServer.DOMAIN, "gc-connector", "required", trustingAll(keys), Duration.ofSeconds(5),
                    Duration.ofMinutes(5));
            assertThatThrownBy(() -> FinesseXmppSession.open(endpoint, "t0", "pw", new Recorder()))
                    .isInstanceOf(AcdException.class);
            Waiting.until(WAIT, "the server's read to end", () -> !howItEnded.isEmpty());
            // TLS: each party MUST send a close_notify before closing its write side (RFC 8446 6.1, RFC 5246 7.2.1)
            assertThat(howItEnded).containsExactly("close_notify");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Trusts the certificates of the given key store. */
    private static X509TrustManager trustingAll(KeyStore keys) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(keys);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    /**
     * The server side of TLS on {@code s} (an SSLEngine, which, unlike the JDK's SSLSocket, tells a close_notify from a
     * bare end of the TCP stream), until the client's end: "close_notify", or what the end was instead.
     */
    private static String serveTlsUntilTheEnd(javax.net.ssl.SSLContext context, Socket s) throws IOException {
        javax.net.ssl.SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        int packet = engine.getSession().getPacketBufferSize();
        java.nio.ByteBuffer netIn = java.nio.ByteBuffer.allocate(packet);
        java.nio.ByteBuffer netOut = java.nio.ByteBuffer.allocate(packet);
        java.nio.ByteBuffer appIn = java.nio.ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] chunk = new byte[packet];
        engine.beginHandshake();
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    netOut.clear();
                    engine.wrap(java.nio.ByteBuffer.allocate(0), netOut);
                    out.write(netOut.array(), 0, netOut.position());
                    out.flush();
                    continue;
                }
                case NEED_TASK -> {
                    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                        task.run();
                    }
                    continue;
                }
                default -> {
                    // unwrap what has arrived
                }
            }
            netIn.flip();
            javax.net.ssl.SSLEngineResult result = engine.unwrap(netIn, appIn);
            netIn.compact();
            appIn.clear(); // what the client sends is not needed
            if (result.getStatus() == javax.net.ssl.SSLEngineResult.Status.CLOSED) {
                return "close_notify";
            }
            if (result.bytesConsumed() == 0) { // nothing complete: read more
                int n = in.read(chunk);
                if (n < 0) {
                    try {
                        engine.closeInbound();
                        return "end of stream";
                    } catch (javax.net.ssl.SSLException e) {
                        return "end of stream without close_notify";
                    }
                }
                netIn.put(chunk, 0, n);
            }
        }
    }
}
