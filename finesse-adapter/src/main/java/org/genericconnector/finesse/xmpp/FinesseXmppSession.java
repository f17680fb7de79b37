package org.genericconnector.finesse.xmpp;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.pubsub.SubscribeExtension;
import org.jivesoftware.smackx.pubsub.UnsubscribeExtension;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
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
 * <p>Threads: Smack's XMPPTCPConnection runs a reader and a writer thread per connection; listener calls
 * for one session arrive in stanza order on Smack's shared ordered executor. Thread-safe.
 */
public final class FinesseXmppSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseXmppSession.class);
    private static final StanzaExtensionFilter PUBSUB_EVENT =
            new StanzaExtensionFilter("event", "http://jabber.org/protocol/pubsub#event");

    /** Kept strongly so that its level stays set: Smack warns for every presence when no roster is loaded. */
    private static final java.util.logging.Logger ROSTER_LOG = java.util.logging.Logger.getLogger(Roster.class.getName());

    static {
        XMPPTCPConnection.setUseStreamManagementDefault(false); // Finesse offers no XEP-0198
        Roster.setRosterLoadedAtLoginDefault(false); // presence arrives without it; saves one IQ per agent
        ROSTER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** What a session reports. Calls for one session never overlap and come in stanza order. */
    public interface Listener {
        void onUpdate(FinesseXmppSession session, FinesseUpdate update);

        /** The connection dropped (not after {@link #close()}). */
        void onConnectionLost(FinesseXmppSession session, Exception cause);

        /** Presence of the Finesse server's own user ({@code finesse@domain}) changed. */
        default void onFinessePresence(FinesseXmppSession session, boolean available) {
        }
    }

    private final String agentId;
    private final XmppEndpoint endpoint;
    private final XMPPTCPConnection connection;
    private final Listener listener;
    private final NotificationParser parser = new NotificationParser();
    private final Set<String> explicitNodes = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    private FinesseXmppSession(String agentId, XmppEndpoint endpoint, XMPPTCPConnection connection, Listener listener) {
        this.agentId = agentId;
        this.endpoint = endpoint;
        this.connection = connection;
        this.listener = listener;
    }

    /**
     * Connects and logs in as {@code loginId}. A refused login (SASL) is SUBSCRIPTION_FAILED, permanent;
     * an unreachable or silent service is UNABLE_TO_SUBSCRIBE_TO_FINESSE, retriable.
     */
    public static FinesseXmppSession open(XmppEndpoint endpoint, String loginId, String password, Listener listener)
            throws AcdException {
        XMPPTCPConnection connection;
        try {
            connection = new XMPPTCPConnection(configuration(endpoint, loginId, password));
        } catch (XmppStringprepException e) {
            throw new AcdException(ErrorCode.SUBSCRIPTION_FAILED, AcdException.Kind.PERMANENT,
                    "not a valid XMPP id: " + loginId + "@" + endpoint.domain(), e);
        }
        connection.setReplyTimeout(endpoint.connectTimeout().toMillis());
        FinesseXmppSession session = new FinesseXmppSession(loginId, endpoint, connection, listener);
        session.listen();
        session.login(password);
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
                .setConnectTimeout((int) endpoint.connectTimeout().toMillis());
        if (endpoint.trustManager() != null) {
            builder.setCustomX509TrustManager(endpoint.trustManager());
        }
        return builder.build();
    }

    private static ConnectionConfiguration.SecurityMode securityMode(String security) {
        return switch (security) {
            case "required" -> ConnectionConfiguration.SecurityMode.required;
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
                if (!closing) {
                    listener.onConnectionLost(FinesseXmppSession.this, e);
                }
            }
        });
    }

    private void login(String password) throws AcdException {
        try {
            connection.connect();
            connection.login();
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setPriority(0).build());
            PingManager ping = PingManager.getInstanceFor(connection);
            // a round trip after the presence: the server has seen it before the first REST request, so that
            // the notifications it causes (published to the bare JID) find an available resource
            ping.pingMyServer(false, endpoint.connectTimeout().toMillis());
            ping.setPingInterval((int) Math.max(1, endpoint.pingInterval().toSeconds()));
            ping.registerPingFailedListener(this::pingFailed);
        } catch (SASLErrorException e) {
            closeQuietly();
            throw new AcdException(ErrorCode.SUBSCRIPTION_FAILED, AcdException.Kind.PERMANENT,
                    "XMPP login refused for " + agentId + ": " + e.getSASLFailure().getSASLErrorString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw unreachable("interrupted", e);
        } catch (SmackException | IOException | XMPPException e) {
            closeQuietly();
            throw unreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private AcdException unreachable(String why, Exception cause) {
        return new AcdException(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE, AcdException.Kind.RETRIABLE,
                "notification service " + endpoint.host() + ":" + endpoint.port() + " for " + agentId + ": " + why, cause);
    }

    private void pingFailed() {
        if (!closing) {
            LOG.warn("GC-FIN-XMPP-PING agent={} ping to {} failed; dropping the session", agentId, endpoint.host());
            connection.instantShutdown();
            listener.onConnectionLost(this, new IOException("XMPP ping failed"));
        }
    }

    private void onEvent(Stanza stanza) {
        if (!(stanza instanceof Message message)) {
            return;
        }
        String xml = message.toXML().toString();
        try {
            listener.onUpdate(this, parser.parse(xml));
        } catch (FinesseXmlException e) {
            LOG.warn("GC-FIN-NOTIFY-UNREADABLE agent={} notification skipped: {}", agentId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("GC-FIN-NOTIFY-DEFECT agent={} notification handler failed", agentId, e);
        }
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
        return connection.isAuthenticated() && !closing;
    }

    /** Removes the explicit subscriptions, then disconnects (sending unavailable presence). Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        if (connection.isAuthenticated()) {
            for (String node : Set.copyOf(explicitNodes)) {
                unsubscribe(node);
            }
        }
        closing = true;
        closeQuietly();
    }

    /** Drops the connection without unsubscribing (the node is gone, or the session is replaced). */
    public void abandon() {
        closing = true;
        connection.instantShutdown();
    }

    private void closeQuietly() {
        closing = true;
        try {
            connection.disconnect();
        } catch (RuntimeException e) {
            LOG.debug("disconnect of {} failed: {}", agentId, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "FinesseXmppSession[" + agentId + "@" + endpoint.host() + "]";
    }

}
