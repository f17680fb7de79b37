package org.genericconnector.finesse.xmpp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackException.EndpointConnectionException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.SmackException.SecurityRequiredByServerException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.internal.SmackTlsContext;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StartTls;
import org.jivesoftware.smack.packet.StreamClose;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.tcp.rce.RemoteXmppTcpConnectionEndpoints;
import org.jivesoftware.smack.tcp.rce.Rfc6120TcpRemoteConnectionEndpoint;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An XMPP client-to-server connection over TCP whose socket is read by one <em>virtual</em> thread and written by
 * the sending thread: Smack's XMPPTCPConnection starts a platform reader and a platform writer thread per
 * connection (2,000 agents: 4,000 platform threads), and Smack 4.4's NIO alternative (ModularXmppClientToServer
 * Connection) loses writes and TLS data (see docs/FINESSE.md, "Scale"). Everything but the transport is Smack's:
 * SASL, resource binding, stanza parsing and dispatch, IQ replies, managers (ping, pub-sub) work as with
 * XMPPTCPConnection.
 *
 * <p>What it does, as XMPPTCPConnection does it: STARTTLS when the server offers it and the security mode allows
 * (refused when the server requires it and the mode is disabled; a required mode without an offer fails the
 * connect), the TLS socket layered on the plain one, the certificate checked by the configured trust and the
 * XMPP domain checked by the configured (or Smack's default) host name verifier. Direct TLS (the secure port, 5223; XEP-0368's
 * "direct TLS"): the same TLS layer, with the same checks, made at once on the TCP
 * socket before the stream opens, and no STARTTLS. What it leaves out: stream
 * compression and stream management (Finesse offers neither), proxies.
 *
 * <p>Threads: the reader is a virtual thread, blocked in a socket read while idle, so that it holds no platform
 * thread; a write runs on the thread that sends (writes are serialised by a lock) and blocks only while the
 * socket's send buffer is full: a write still blocked after the reply timeout (the server reads nothing, though its
 * TCP stack is alive) closes the socket, timed by the shared timer given. A drop (read error, end of stream, stream
 * error, the server's closing tag; a failed write closes the socket, so that the read ends too) is reported by the
 * reader to the connection listeners' {@code connectionClosedOnError}. Thread-safe.
 */
final class VirtualThreadXmppConnection extends AbstractXMPPConnection {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualThreadXmppConnection.class);
    private static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final String STREAMS_NS = "http://etherx.jabber.org/streams";

    private final XMPPTCPConnectionConfiguration configuration;
    private final ScheduledExecutorService timer;
    /** TLS from the first byte (the secure port): no STARTTLS. */
    private final boolean directTls;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Socket socket;
    /** The TCP socket (under TLS too), until closed: closing it ends a blocked read or write at once. */
    private final AtomicReference<Socket> tcpSocket = new AtomicReference<>();
    /** Why the transport closed the socket itself (a write past its deadline), reported instead of "socket closed". */
    private volatile IOException abortCause;
    private volatile SSLSocket secureSocket;
    private volatile boolean shuttingDown;
    private volatile boolean featuresAfterAuthentication;
    private XmlPullParser parser; // the reader thread's
    private volatile Thread readerThread;
    /** The TCP socket {@link #connect()} opened before entering Smack's synchronized connect, for connectInternal. */
    private final AtomicReference<Socket> preopened = new AtomicReference<>();
    private volatile boolean readerEnded;

    /**
     * @param timer times the write deadlines; its tasks only close a socket (never block, run no listener), so a
     *              single thread shared by every connection does
     * @param directTls TLS at once on the TCP socket (the server's secure port), before the stream opens; the
     *              configuration's security mode must then allow TLS (required)
     */
    VirtualThreadXmppConnection(XMPPTCPConnectionConfiguration configuration, ScheduledExecutorService timer,
                                boolean directTls) {
        super(configuration);
        if (directTls && configuration.getSecurityMode() == SecurityMode.disabled) {
            throw new IllegalArgumentException("direct TLS with the security mode disabled");
        }
        this.configuration = configuration;
        this.timer = timer;
        this.directTls = directTls;
        // a new stream follows SASL success: the reader, which reads it, starts a new parser
        buildNonzaCallback().listenFor(SaslNonza.Success.class, s -> resetParser()).install();
    }

    // ------------------------------------------------------------------ connect

    /**
     * Opens the TCP socket first, outside this connection's monitor, then runs Smack's connect (synchronized). On JDK
     * 21 to 23 a virtual thread blocked inside a monitor pins its carrier thread, and a TCP connect can wait for the
     * whole connect timeout (a node that drops SYNs): made inside Smack's connect, a few such logins (2 carriers on 2
     * cores) would stall every virtual thread of the adapter, the other sessions' readers included. (JDK 24 and later
     * unmount a virtual thread blocked inside a monitor, JEP 491.)
     */
    @Override
    public AbstractXMPPConnection connect() throws SmackException, IOException, XMPPException, InterruptedException {
        Socket plain = openSocket();
        preopened.set(plain);
        try {
            return super.connect();
        } finally {
            Socket unused = preopened.getAndSet(null); // not taken: already connected
            if (unused != null) {
                unused.close();
            }
        }
    }

    @Override
    protected void connectInternal() throws SmackException, IOException, XMPPException, InterruptedException {
        shuttingDown = false;
        abortCause = null;
        readerEnded = false;
        Socket given = preopened.getAndSet(null);
        Socket plain = given != null ? given : openSocket();
        socket = plain;
        tcpSocket.set(plain);
        connected = true;
        initReaderAndWriter(plain);
        readerThread = Thread.ofVirtual().name("xmpp-reader-" + connectionCounterValue).start(this::readStream);
        // TLS handled: established, or not needed; then the mechanisms of the (new) stream
        waitForConditionOrThrowConnectionException(() -> tlsHandled, "establishing TLS");
        waitForConditionOrThrowConnectionException(() -> saslFeatureReceived, "SASL mechanisms stream feature from server");
    }

    private Socket openSocket() throws IOException, EndpointConnectionException {
        RemoteXmppTcpConnectionEndpoints.Result<Rfc6120TcpRemoteConnectionEndpoint> endpoints =
                RemoteXmppTcpConnectionEndpoints.lookup(configuration);
        List<RemoteConnectionException<?>> failures = new ArrayList<>();
        for (Rfc6120TcpRemoteConnectionEndpoint endpoint : endpoints.discoveredRemoteConnectionEndpoints) {
            int port = endpoint.getPort().intValue();
            for (InetAddress address : endpoint.getInetAddresses()) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(address, port), configuration.getConnectTimeout());
                    s.setTcpNoDelay(true);
                    this.host = endpoint.getHost().toString();
                    this.port = endpoint.getPort();
                    return s;
                } catch (IOException e) {
                    s.close();
                    failures.add(new RemoteConnectionException<>(endpoint, address, e));
                }
            }
        }
        throw EndpointConnectionException.from(endpoints.lookupFailures, failures);
    }

    private void initReaderAndWriter(Socket s) throws IOException {
        writer = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
        reader = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        initDebugger();
    }

    private void resetParser() throws IOException {
        try {
            parser = SmackXmlParser.newXmlParser(reader);
        } catch (XmlPullParserException e) {
            throw new IOException(e);
        }
    }

    private void openStreamAndResetParser() throws IOException, NotConnectedException, InterruptedException {
        sendStreamOpen();
        resetParser();
    }

    @Override
    protected void afterFeaturesReceived() throws NotConnectedException, InterruptedException, SecurityRequiredByServerException {
        StartTls startTls = getFeature(StartTls.class);
        if (startTls != null && !isSecureConnection()) {
            if (startTls.required() && configuration.getSecurityMode() == SecurityMode.disabled) {
                SecurityRequiredByServerException e = new SecurityRequiredByServerException();
                currentSmackException = e;
                notifyWaitingThreads();
                throw e;
            }
            if (configuration.getSecurityMode() != SecurityMode.disabled) {
                sendNonza(new StartTls());
                return; // tlsHandled once the handshake is done (proceed)
            }
        }
        tlsHandled = true;
        notifyWaitingThreads();
        if (isSaslAuthenticated()) {
            featuresAfterAuthentication = true;
            notifyWaitingThreads();
        }
    }

    /**
     * TLS over the plain socket, certificate and XMPP domain checked: after the server's proceed (STARTTLS), or first
     * thing on the reader with direct TLS. The handshake runs on the reader thread, outside the connection's monitor.
     */
    private void startTls() throws IOException, CertificateException {
        SmackTlsContext tls = getSmackTlsContext();
        Socket plain = socket;
        String domain = configuration.getXMPPServiceDomain().toString();
        SSLSocket tlsSocket = (SSLSocket) tls.sslContext.getSocketFactory().createSocket(plain, domain, plain.getPort(), true);
        if (configuration.getEnabledSSLProtocols() != null) {
            tlsSocket.setEnabledProtocols(configuration.getEnabledSSLProtocols());
        }
        if (configuration.getEnabledSSLCiphers() != null) {
            tlsSocket.setEnabledCipherSuites(configuration.getEnabledSSLCiphers());
        }
        socket = tlsSocket;
        initReaderAndWriter(tlsSocket);
        tlsSocket.startHandshake();
        HostnameVerifier verifier = configuration.getHostnameVerifier();
        if (verifier == null) {
            throw new CertificateException("no host name verifier: the XMPP domain cannot be checked");
        }
        var dnsName = configuration.getXmppServiceDomainAsDnsNameIfPossible();
        String expected = dnsName != null ? dnsName.ace : domain;
        if (!verifier.verify(expected, tlsSocket.getSession())) {
            throw new CertificateException("the server's certificate does not name the XMPP domain " + domain);
        }
        secureSocket = tlsSocket;
    }

    // ------------------------------------------------------------------ reading

    /** The reader's loop (a virtual thread): opens the stream, then parses until the stream or the socket ends. */
    private void readStream() {
        try {
            if (directTls) {
                startTls(); // TLS from the first byte: the stream opens over it
            }
            openStreamAndResetParser();
            XmlPullParser.Event event = parser.getEventType();
            while (true) { // until the stream ends, or the socket is closed under the blocked read
                if (event == XmlPullParser.Event.START_ELEMENT) {
                    startElement();
                } else if (event == XmlPullParser.Event.END_ELEMENT && "stream".equals(parser.getName())
                        && STREAMS_NS.equals(parser.getNamespace())) {
                    closingStreamReceived = true;
                    notifyWaitingThreads();
                    if (!shuttingDown) {
                        notifyConnectionError(new SmackException.SmackMessageException("the server closed the XMPP stream"));
                    }
                    return;
                } else if (event == XmlPullParser.Event.END_DOCUMENT) {
                    throw new SmackException.SmackMessageException("the server closed the connection");
                }
                event = parser.next();
            }
        } catch (Throwable t) { // an Error too: a reader that ended silently would leave the session looking up
            if (shuttingDown) {
                LOG.trace("reader of connection {} ends: {}", connectionCounterValue, t.toString());
            } else {
                IOException aborted = abortCause;
                if (aborted != null) {
                    notifyConnectionError(aborted);
                } else if (t instanceof Exception e) {
                    notifyConnectionError(e);
                } else {
                    LOG.error("reader of XMPP connection {} failed", connectionCounterValue, t);
                    notifyConnectionError(new IOException("the XMPP reader failed: " + t, t));
                }
            }
        } finally {
            readerEnded = true;
            notifyWaitingThreads(); // a logout waiting for the server's closing tag waits no longer
        }
    }

    private void startElement() throws Exception {
        switch (parser.getName()) {
            case Message.ELEMENT, IQ.IQ_ELEMENT, Presence.ELEMENT -> parseAndProcessStanza(parser);
            case "stream" -> onStreamOpen(parser);
            case "error" -> throw new StreamErrorException(PacketParserUtils.parseStreamError(parser));
            case "features" -> parseFeaturesAndNotify(parser);
            case "proceed" -> {
                startTls();
                openStreamAndResetParser();
            }
            case "failure" -> {
                if (TLS_NS.equals(parser.getNamespace(null))) {
                    throw new SmackException.SmackMessageException("TLS negotiation has failed");
                }
                parseAndProcessNonza(parser);
            }
            default -> parseAndProcessNonza(parser);
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    protected void sendStanzaInternal(Stanza stanza) throws NotConnectedException {
        write(stanza);
    }

    @Override
    public void sendNonza(Nonza nonza) throws NotConnectedException {
        write(nonza);
    }

    private void write(TopLevelStreamElement element) throws NotConnectedException {
        IOException failure = null;
        ScheduledFuture<?> deadline = null;
        writeLock.lock();
        try {
            Writer out = writer;
            if (out == null || !connected) {
                throw new NotConnectedException(this, "the connection is closed");
            }
            XmlEnvironment environment = outgoingStreamXmlEnvironment;
            CharSequence xml = element.toXML(environment);
            long timeout = getReplyTimeout();
            deadline = timer.schedule(() -> abort(new IOException("a write to the server was blocked for more than "
                    + timeout + " ms (the server reads nothing)")), timeout, TimeUnit.MILLISECONDS);
            if (xml instanceof XmlStringBuilder builder) {
                builder.write(out, environment);
            } else {
                out.write(xml.toString());
            }
            out.flush();
        } catch (IOException e) {
            IOException aborted = abortCause;
            failure = aborted != null ? aborted : e;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            writeLock.unlock();
        }
        if (failure != null) {
            // the reader, its read ended by the closed socket, reports the drop: never the writing thread, which may
            // hold this connection's monitor (Smack's connect, login and disconnect are synchronized) while the
            // reader, in notifyConnectionError, holds Smack's error monitor and waits for this one in instantShutdown
            abort(failure);
            throw new NotConnectedException(this, "write failed: " + failure.getMessage());
        }
        firePacketSendingListeners(element);
    }

    /**
     * Closes the TCP socket (unless closed already) without a lock and without writing anything: a blocked write or
     * read fails at once, the reader reports the drop with {@code cause}. Runs on the shared timer: must not block.
     */
    private void abort(IOException cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
        Socket tcp = tcpSocket.getAndSet(null);
        if (tcp != null) {
            closeQuietly(tcp);
        }
    }

    /**
     * Closes the socket once, whichever caller comes first. Under TLS, when no write is under way, the TLS close
     * first: the close_notify TLS requires before the TCP close (RFC 8446 6.1), written within the write deadline.
     * Never while a write is under way: SSLSocket.close() writes the close_notify under the TLS record lock, which a
     * write stuck in the socket holds for good. The TCP socket is closed in any case.
     */
    private void closeSocket() {
        Socket tcp = tcpSocket.getAndSet(null);
        if (tcp == null) {
            return;
        }
        if (socket instanceof SSLSocket tls && writeLock.tryLock()) {
            ScheduledFuture<?> deadline = timer.schedule(() -> closeQuietly(tcp), getReplyTimeout(), TimeUnit.MILLISECONDS);
            try {
                tls.close();
            } catch (IOException e) {
                LOG.trace("TLS close: {}", e.getMessage());
            } finally {
                deadline.cancel(false);
                writeLock.unlock();
            }
        }
        closeQuietly(tcp);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.trace("socket close: {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ login, state, shutdown

    @Override
    protected void loginInternal(String username, String password, Resourcepart resource)
            throws XMPPException, SmackException, IOException, InterruptedException {
        SSLSocket tls = secureSocket;
        SSLSession session = tls != null ? tls.getSession() : null;
        featuresAfterAuthentication = false;
        authenticate(username, password, configuration.getAuthzid(), session);
        waitForConditionOrThrowConnectionException(() -> featuresAfterAuthentication, "stream features after authentication");
        bindResourceAndEstablishSession(resource);
        afterSuccessfulLogin(false);
    }

    @Override
    public boolean isSecureConnection() {
        return secureSocket != null;
    }

    /** The thread that reads the socket (null before the first connect), for tests. */
    Thread readerThread() {
        return readerThread;
    }

    @Override
    public boolean isUsingCompression() {
        return false;
    }

    /**
     * Sends the closing stream tag, waits (up to the reply timeout) for the server's or the end of the read, then closes
     * the socket.
     */
    @Override
    protected void shutdown() {
        shutdown(false);
    }

    /**
     * Closes the socket at once (a TLS close_notify first, unless a write is under way). The socket is closed before
     * this connection's monitor is taken: a writer blocked in the socket may hold the monitor (Smack's disconnect()
     * writes under it), and only the close ends its write.
     */
    @Override
    public void instantShutdown() {
        shuttingDown = true; // the reader, its read ended by the close, reports nothing
        closeSocket();
        synchronized (this) {
            shutdown(true);
        }
    }

    private void shutdown(boolean instant) {
        if (!instant && connected && !shuttingDown) {
            shuttingDown = true;
            try {
                write(StreamClose.INSTANCE);
                // the server's closing tag, or the end of the read: a server that closes the socket without its tag
                // (or with a stream error) has nothing more to say
                if (!waitFor(() -> closingStreamReceived || readerEnded)) {
                    LOG.debug("no closing stream tag from the server within {} ms", getReplyTimeout());
                }
            } catch (NotConnectedException e) {
                LOG.trace("closing stream tag not sent: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        shuttingDown = true;
        closeSocket(); // ends the reader's blocked read
        setWasAuthenticated();
        authenticated = false;
        connected = false;
        secureSocket = null;
        socket = null;
        writeLock.lock();
        try {
            reader = null;
            writer = null;
        } finally {
            writeLock.unlock();
        }
        initState();
    }
}
