package org.genericconnector.finesse.xmpp;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.NotificationParser;
import org.genericconnector.finesse.xml.FinesseXmlException;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smackx.pubsub.SubscribeExtension;
import org.jivesoftware.smackx.pubsub.UnsubscribeExtension;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's XMPP session with the Finesse notification service: login with the agent's credentials,
 * available presence (priority 0) and pings so that Finesse never force-logs the agent out, pub-sub
 * notifications parsed into {@link FinesseUpdate}s, explicit subscriptions (team users, queues) that are
 * removed again on {@link #close()}, and the presence of the {@code finesse} user watched.
 *
 * <p>Threads: no platform thread of its own. The connection ({@link VirtualThreadXmppConnection}) reads its
 * socket on a virtual thread; stanza listeners run on Smack's shared executor (ordered per connection); the
 * keep-alive pings of all sessions are timed by one shared scheduler thread and sent from virtual threads, their
 * reply timeouts timed by Smack's shared reactor. {@link #open} and {@link #close()} block the calling thread for
 * the login or logout round trips. Thread-safe.
 *
 * <p>Drops: a socket error, the end of the stream or a stream error is reported at once; a peer that goes silent
 * (no FIN, no RST) is found by the keep-alive ping: at most one ping interval plus the ping timeout (the same
 * interval) after it went silent.
 */
public final class FinesseXmppSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseXmppSession.class);
    private static final StanzaExtensionFilter PUBSUB_EVENT =
            new StanzaExtensionFilter("event", "http://jabber.org/protocol/pubsub#event");

    /** Kept strongly so that its level stays set: Smack warns for every presence when no roster is loaded. */
    private static final java.util.logging.Logger ROSTER_LOG = java.util.logging.Logger.getLogger(Roster.class.getName());

    /**
     * Times every session's keep-alive ping and its connection's write deadlines; sends only (replies and timeouts
     * are Smack's) or closes a socket, so one thread does.
     */
    private static final ScheduledThreadPoolExecutor KEEP_ALIVE = keepAliveScheduler();

    static {
        Roster.setRosterLoadedAtLoginDefault(false); // presence arrives without it; saves one IQ per agent
        ROSTER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private static ScheduledThreadPoolExecutor keepAliveScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "finesse-xmpp-keepalive");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true); // closed sessions leave nothing queued
        return scheduler;
    }

    /** What a session reports. Updates for one session never overlap and come in stanza order. */
    public interface Listener {
        void onUpdate(FinesseXmppSession session, FinesseUpdate update);

        /** The connection dropped (not after {@link #close()} or {@link #abandon()}); reported once. */
        void onConnectionLost(FinesseXmppSession session, Exception cause);

        /** Presence of the Finesse server's own user ({@code finesse@domain}) changed. */
        default void onFinessePresence(FinesseXmppSession session, boolean available) {
        }
    }

    private final String agentId;
    private final XmppEndpoint endpoint;
    private final VirtualThreadXmppConnection connection;
    private final Listener listener;
    private final NotificationParser parser = new NotificationParser();
    private final Set<String> explicitNodes = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicLong pingsAnswered = new AtomicLong();
    private volatile boolean established; // logged in: from now on a drop is a loss to report
    private volatile boolean closing;
    private volatile ScheduledFuture<?> nextPing;

    private FinesseXmppSession(String agentId, XmppEndpoint endpoint, VirtualThreadXmppConnection connection,
                               Listener listener) {
        this.agentId = agentId;
        this.endpoint = endpoint;
        this.connection = connection;
        this.listener = listener;
    }

    /**
     * Connects and logs in as {@code loginId}. A refused login (SASL) is SUBSCRIPTION_FAILED, permanent;
     * an unreachable or silent service, or a TLS failure, is UNABLE_TO_SUBSCRIBE_TO_FINESSE, retriable.
     */
    public static FinesseXmppSession open(XmppEndpoint endpoint, String loginId, String password, Listener listener)
            throws AcdException {
        VirtualThreadXmppConnection connection;
        try {
            connection = new VirtualThreadXmppConnection(configuration(endpoint, loginId, password), KEEP_ALIVE,
                    endpoint.directTls());
        } catch (XmppStringprepException e) {
            throw new AcdException(ErrorCode.SUBSCRIPTION_FAILED, AcdException.Kind.PERMANENT,
                    "not a valid XMPP id: " + loginId + "@" + endpoint.domain(), e);
        }
        connection.setReplyTimeout(endpoint.connectTimeout().toMillis());
        FinesseXmppSession session = new FinesseXmppSession(loginId, endpoint, connection, listener);
        session.listen();
        session.login();
        return session;
    }

    private static XMPPTCPConnectionConfiguration configuration(XmppEndpoint endpoint, String loginId, String password)
            throws XmppStringprepException {
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(endpoint.domain())
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setUsernameAndPassword(loginId, password)
                .setResource(endpoint.resource())
                .setSecurityMode(securityMode(endpoint.security()))
                .setSendPresence(false) // sent below with an explicit priority 0
                .setConnectTimeout((int) endpoint.connectTimeout().toMillis())
                .setEnabledSSLProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        if (endpoint.trustManager() != null) {
            builder.setCustomX509TrustManager(endpoint.trustManager());
        }
        return builder.build();
    }

    private static ConnectionConfiguration.SecurityMode securityMode(String security) {
        return switch (security) {
            case "required", "direct-tls" -> ConnectionConfiguration.SecurityMode.required;
            case "disabled" -> ConnectionConfiguration.SecurityMode.disabled;
            default -> ConnectionConfiguration.SecurityMode.ifpossible;
        };
    }

    private void listen() {
        connection.addSyncStanzaListener(this::onEvent, new AndFilter(StanzaTypeFilter.MESSAGE, PUBSUB_EVENT));
        connection.addSyncStanzaListener(this::onPresence, StanzaTypeFilter.PRESENCE);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                lose(e);
            }
        });
    }

    private void login() throws AcdException {
        try {
            connection.connect();
            connection.login();
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setPriority(0).build());
            PingManager ping = PingManager.getInstanceFor(connection); // also answers the server's pings
            // the keep-alive below pings at a fixed interval and waits one interval for the reply; Smack's own
            // pings only when the stream is idle and waits at least two minutes
            ping.setPingInterval(0);
            // a round trip after the presence: the server has seen it before the first REST request, so that
            // the notifications it causes (published to the bare JID) find an available resource
            ping.pingMyServer(false, endpoint.connectTimeout().toMillis());
            established = true;
            scheduleKeepAlive();
        } catch (SASLErrorException e) {
            shutDown();
            throw new AcdException(ErrorCode.SUBSCRIPTION_FAILED, AcdException.Kind.PERMANENT,
                    "XMPP login refused for " + agentId + ": " + e.getSASLFailure().getSASLErrorString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDown();
            throw unreachable("interrupted", e);
        } catch (SmackException | IOException | XMPPException e) {
            shutDown();
            throw unreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private AcdException unreachable(String why, Exception cause) {
        return new AcdException(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE, AcdException.Kind.RETRIABLE,
                "notification service " + endpoint.host() + ":" + endpoint.port() + " for " + agentId + ": " + why, cause);
    }

    // ------------------------------------------------------------------ keep-alive

    private Duration pingInterval() {
        return endpoint.pingInterval().isPositive() ? endpoint.pingInterval() : Duration.ofSeconds(1);
    }

    private void scheduleKeepAlive() {
        if (!closing && !lost.get()) {
            nextPing = KEEP_ALIVE.schedule(this::ping, pingInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One keep-alive ping, written by a virtual thread (a write blocks while the socket's send buffer is full, and
     * must not hold the shared timer); the reply, or its timeout, arrives through Smack's reactor. The next ping is
     * timed from the reply, so one ping at most is outstanding. A reply, even an error, proves the stream alive; no
     * reply within the interval drops the session.
     *
     * <p>The interval is counted here, from the ping's start, whether or not its write could be made: Smack's own
     * reply timeout reaches the future's callbacks only once sendIqRequestAsync has returned, i.e. after the write,
     * and the write waits as long as another is blocked in the socket (up to the write deadline, the reply timeout).
     */
    private void ping() {
        if (!closing && !lost.get()) {
            long interval = pingInterval().toMillis();
            AtomicBoolean settled = new AtomicBoolean();
            ScheduledFuture<?> deadline = KEEP_ALIVE.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    pingFailed(new TimeoutException("no reply to the keep-alive ping within " + interval + " ms"));
                }
            }, interval, TimeUnit.MILLISECONDS);
            Thread.ofVirtual().name("finesse-xmpp-ping").start(() -> sendPing(interval, settled, deadline));
        }
    }

    private void sendPing(long timeout, AtomicBoolean settled, ScheduledFuture<?> deadline) {
        DomainBareJid server = connection.getXMPPServiceDomain();
        try {
            connection.sendIqRequestAsync(new Ping(server), timeout)
                    .onSuccess(reply -> {
                        if (settle(settled, deadline)) {
                            answered();
                        }
                    })
                    .onError(e -> {
                        if (!settle(settled, deadline)) {
                            return;
                        }
                        if (e instanceof XMPPException.XMPPErrorException) {
                            answered();
                        } else {
                            pingFailed(e);
                        }
                    });
        } catch (RuntimeException e) {
            if (settle(settled, deadline)) {
                pingFailed(e);
            }
        }
    }

    /** The ping's first outcome (reply, error or deadline) counts; true for that one. */
    private static boolean settle(AtomicBoolean settled, ScheduledFuture<?> deadline) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        deadline.cancel(false);
        return true;
    }

    private void answered() {
        pingsAnswered.incrementAndGet();
        scheduleKeepAlive();
    }

    /** Keep-alive pings the server has answered so far. */
    long pingsAnswered() {
        return pingsAnswered.get();
    }

    private void pingFailed(Exception cause) {
        if (closing || lost.get()) {
            return;
        }
        LOG.warn("GC-FIN-XMPP-PING agent={} ping to {} failed ({}); dropping the session", agentId, endpoint.host(),
                cause.getClass().getSimpleName());
        // off the reactor or timer thread that reported it: the shutdown takes the connection's lock
        Thread.ofVirtual().name("finesse-xmpp-drop").start(() -> {
            connection.instantShutdown();
            lose(new IOException("XMPP ping failed: " + cause.getMessage(), cause));
        });
    }

    /** Reports the loss once, unless the login failed or the session is being closed on purpose. */
    private void lose(Exception cause) {
        cancelKeepAlive();
        if (established && !closing && lost.compareAndSet(false, true)) {
            listener.onConnectionLost(this, cause);
        }
    }

    private void cancelKeepAlive() {
        ScheduledFuture<?> ping = nextPing;
        if (ping != null) {
            ping.cancel(false);
        }
    }

    private void onEvent(Stanza stanza) {
        if (!(stanza instanceof Message message)) {
            return;
        }
        try {
            listener.onUpdate(this, parser.parse(xmlOf(message)));
        } catch (FinesseXmlException e) {
            LOG.warn("GC-FIN-NOTIFY-UNREADABLE agent={} notification skipped: {}", agentId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("GC-FIN-NOTIFY-DEFECT agent={} notification handler failed", agentId, e);
        }
    }

    /**
     * The message's XML as Smack writes it to the wire. Not {@code toXML().toString()}: Smack 4.4 builds that string
     * through {@code charAt} on its nested lazy builders, each call walking the tree again, which made a User
     * notification of a few KB cost milliseconds of CPU and was most of the adapter's CPU per state change.
     */
    static String xmlOf(Message message) {
        StringWriter out = new StringWriter(4096);
        try {
            message.toXML(XmlEnvironment.EMPTY).write(out, XmlEnvironment.EMPTY);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    private void onPresence(Stanza stanza) {
        Jid from = stanza.getFrom();
        if (!(stanza instanceof Presence presence) || from == null || from.getLocalpartOrNull() == null) {
            return;
        }
        if (from.getLocalpartOrNull().toString().equals("finesse")
                && from.getDomain().toString().equalsIgnoreCase(endpoint.domain())) {
            listener.onFinessePresence(this, presence.getType() == Presence.Type.available);
        }
    }

    /** Subscribes this session's full JID to an explicit node (team users, queue); removed again on close. */
    public void subscribe(String node) throws AcdException {
        pubsub(new SubscribeExtension(connection.getUser(), node));
        explicitNodes.add(node);
    }

    /** Removes an explicit subscription; failures are logged, not thrown (the session may be going). */
    public void unsubscribe(String node) {
        explicitNodes.remove(node);
        try {
            pubsub(new UnsubscribeExtension(connection.getUser().toString(), node));
        } catch (AcdException e) {
            LOG.debug("unsubscribe {} for {} failed: {}", node, agentId, e.getMessage());
        }
    }

    public Set<String> explicitNodes() {
        return Set.copyOf(explicitNodes);
    }

    private void pubsub(org.jivesoftware.smackx.pubsub.NodeExtension extension) throws AcdException {
        try {
            Jid service = JidCreate.domainBareFrom(endpoint.pubsubDomain());
            PubSub request = PubSub.createPubsubPacket(service, IQ.Type.set, extension);
            connection.sendIqRequestAndWaitForResponse(request);
        } catch (XMPPException.XMPPErrorException e) {
            throw new AcdException(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE, AcdException.Kind.REJECTED,
                    "pub-sub " + extension.getNode() + " refused: " + e.getStanzaError().getCondition(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted", e);
        } catch (SmackException | XmppStringprepException e) {
            throw unreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public String agentId() {
        return agentId;
    }

    public XmppEndpoint endpoint() {
        return endpoint;
    }

    public boolean isConnected() {
        return connection.isAuthenticated() && !closing && !lost.get();
    }

    /** The connection, for tests. */
    VirtualThreadXmppConnection connection() {
        return connection;
    }

    /** Whether the stream is encrypted (STARTTLS negotiated). */
    public boolean isSecure() {
        return connection.isSecureConnection();
    }

    /**
     * Removes the explicit subscriptions, then disconnects: unavailable presence, the closing stream tag, and the
     * server's (waited for at most the connect timeout). Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        cancelKeepAlive();
        if (connection.isAuthenticated()) {
            for (String node : Set.copyOf(explicitNodes)) {
                unsubscribe(node);
            }
        }
        try {
            connection.disconnect();
        } catch (RuntimeException e) {
            LOG.debug("disconnect of {} failed: {}", agentId, e.getMessage());
        }
        shutDown();
    }

    /** Drops the connection without unsubscribing (the node is gone, or the session is replaced). */
    public void abandon() {
        shutDown();
    }

    /** Closes the socket at once: no stream close, no waiting. */
    private void shutDown() {
        closing = true;
        cancelKeepAlive();
        try {
            connection.instantShutdown();
        } catch (RuntimeException e) {
            LOG.debug("shutdown of {} failed: {}", agentId, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "FinesseXmppSession[" + agentId + "@" + endpoint.host() + "]";
    }

}
