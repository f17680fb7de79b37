package org.genericconnector.simulator.finesse;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackFuture;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face's notification service client for one node: logged in to prosody as Finesse's user {@code finesse},
 * it creates the pub-sub nodes, subscribes each agent's bare JID to its auto-subscribed nodes (User, Dialogs,
 * SystemInfo, as Finesse does), publishes each Update inside a {@code <notification>} item, and reports agents'
 * presence (they are in its roster through prosody's mod_groups). After the server restarts it reconnects
 * (Smack's ReconnectionManager, fixed 1 s delay) and sets the nodes up again.
 *
 * <p>Thread-safe: publications are queued to one thread, in order; a publication while disconnected is dropped
 * (as Finesse's notifications are lost while its notification service is down). The publish requests are
 * pipelined: each is sent without waiting for the server's answer to the one before (at most
 * {@link #IN_FLIGHT} unanswered), in order on the one connection, so one state change's several publications
 * (User, team, queue) no longer cost one round trip to prosody each in series; an error answer is logged.
 */
final class FinesseXmppPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseXmppPublisher.class);
    /** Publish requests sent and not yet answered, at most. */
    static final int IN_FLIGHT = 64;

    /** The nodes to create and the bare JIDs to subscribe to each auto-subscribed node. */
    record NodePlan(List<String> nodes, Map<String, List<String>> subscribers) { }

    private final String nodeName;
    private final ProsodyServer server;
    private final String password;
    private final NodePlan plan;
    private final BiConsumer<String, Boolean> presence;
    private final Runnable disconnected;
    private final ExecutorService queue;
    private final Map<String, LeafNode> leaves = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private volatile XMPPTCPConnection connection;
    private volatile boolean ready;
    private volatile boolean available = true;

    /**
     * @param presence     told (user, available) whenever an agent's presence changes
     * @param disconnected told when the connection to the server is lost (every presence there is gone)
     */
    FinesseXmppPublisher(String nodeName, ProsodyServer server, String password, NodePlan plan,
                         BiConsumer<String, Boolean> presence, Runnable disconnected) {
        this.nodeName = nodeName;
        this.server = server;
        this.password = password;
        this.plan = plan;
        this.presence = presence;
        this.disconnected = disconnected;
        this.queue = Executors.newSingleThreadExecutor(r -> new Thread(r, "finesse-publisher-" + nodeName));
    }

    /** Connects and sets the nodes up; returns when the notification service is ready. */
    void start() {
        try {
            XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain()).setHostAddress(InetAddress.getLoopbackAddress()).setPort(server.port())
                    .setUsernameAndPassword(FinesseFace.PUBLISHER_USER, password).setResource("publisher")
                    .setSecurityMode(SecurityMode.disabled).setSendPresence(true).build();
            XMPPTCPConnection c = new XMPPTCPConnection(config);
            ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(c);
            reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
            reconnection.setFixedDelay(1);
            reconnection.enableAutomaticReconnection();
            Roster roster = Roster.getInstanceFor(c);
            roster.addRosterListener(new AbstractRosterListener() {
                @Override
                public void presenceChanged(Presence p) {
                    BareJid bare = p.getFrom().asBareJid();
                    if (bare.getLocalpartOrNull() != null) {
                        presence.accept(bare.getLocalpartOrNull().toString(), roster.getPresence(bare).isAvailable());
                    }
                }
            });
            c.addConnectionListener(new ConnectionListener() {
                @Override
                public void authenticated(XMPPConnection conn, boolean resumed) {
                    queue.execute(FinesseXmppPublisher.this::setUp);
                }

                @Override
                public void connectionClosedOnError(Exception e) {
                    ready = false;
                    leaves.clear();
                    disconnected.run();
                    LOG.info("node {}: the notification service connection closed ({})", nodeName, e.toString());
                }
            });
            connection = c;
            c.connect().login();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ready && System.nanoTime() < deadline) { // setUp runs on the queue once authenticated
                queue.submit(() -> null).get(30, TimeUnit.SECONDS);
                if (!ready) {
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }
            if (!ready) {
                throw new IllegalStateException("the pub-sub nodes were not set up within 30 s");
            }
        } catch (Exception e) {
            throw new IllegalStateException("node " + nodeName + ": cannot connect the publisher to prosody", e);
        }
    }

    boolean isReady() {
        return ready;
    }

    /**
     * Sets the presence of Finesse's user as agents see it: unavailable is how Finesse shows its web
     * application down (finesse.md §7). Kept across reconnections.
     */
    void setAvailable(boolean on) {
        available = on;
        queue.execute(this::sendPresence);
    }

    private void sendPresence() {
        XMPPTCPConnection c = connection;
        if (c == null || !c.isAuthenticated()) {
            return;
        }
        try {
            c.sendStanza(c.getStanzaFactory().buildPresenceStanza()
                    .ofType(available ? Presence.Type.available : Presence.Type.unavailable).build());
        } catch (Exception e) {
            LOG.warn("node {}: cannot send the publisher's presence: {}", nodeName, e.toString());
        }
    }

    /** Queues one Update for the pub-sub node. */
    void publish(String node, String update) {
        queue.execute(() -> publishNow(node, update));
    }

    /** Runs after the publications queued so far; for tests and for orderly faults. */
    void flush() {
        try {
            queue.submit(() -> null).get(30, TimeUnit.SECONDS);
            if (inFlight.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS)) { // every request sent so far answered
                inFlight.release(IN_FLIGHT);
            }
        } catch (Exception e) {
            LOG.debug("flush of node {} interrupted", nodeName, e);
        }
    }

    private void publishNow(String node, String update) {
        if (!ready) {
            LOG.debug("node {}: notification service down, dropped an update for {}", nodeName, node);
            return;
        }
        try {
            LeafNode leaf = leaves.get(node);
            if (leaf == null) {
                leaf = pubsub().getOrCreateLeafNode(node);
                leaves.put(node, leaf);
            }
            XMPPTCPConnection c = connection;
            PubSub request = PubSub.createPubsubPacket(JidCreate.bareFrom(server.pubsubDomain()), IQ.Type.set,
                    new PublishItem<>(leaf.getId(), new PayloadItem<>(UUID.randomUUID().toString(),
                            new SimplePayload(FinesseMessages.notification(update)))));
            inFlight.acquire();
            try {
                SmackFuture<IQ, Exception> answer = c.sendIqRequestAsync(request);
                answer.onSuccess(r -> inFlight.release());
                answer.onError(e -> { // an error answer, or none within the reply timeout
                    inFlight.release();
                    LOG.warn("node {}: cannot publish to {}: {}", nodeName, node, e.toString());
                });
            } catch (RuntimeException e) {
                inFlight.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("node {}: cannot publish to {}: {}", nodeName, node, e.toString());
        }
    }

    private void setUp() {
        try {
            PubSubManager pubsub = pubsub();
            for (String node : plan.nodes()) {
                leaves.put(node, create(pubsub, node));
            }
            for (Map.Entry<String, List<String>> e : plan.subscribers().entrySet()) {
                LeafNode leaf = leaves.get(e.getKey());
                for (String jid : e.getValue()) {
                    leaf.subscribe(JidCreate.from(jid));
                }
            }
            if (!available) {
                sendPresence(); // the login sent an available presence
            }
            ready = true;
            LOG.info("node {}: notification service ready ({} nodes)", nodeName, leaves.size());
        } catch (Exception e) {
            LOG.warn("node {}: cannot set up the pub-sub nodes: {}", nodeName, e.toString());
        }
    }

    private static LeafNode create(PubSubManager pubsub, String node) throws Exception {
        try {
            return pubsub.createNode(node);
        } catch (XMPPException.XMPPErrorException e) {
            if (e.getStanzaError().getCondition() == StanzaError.Condition.conflict) {
                return pubsub.getLeafNode(node);
            }
            throw e;
        }
    }

    private PubSubManager pubsub() throws Exception {
        return PubSubManager.getInstanceFor(connection, JidCreate.bareFrom(server.pubsubDomain()));
    }

    @Override
    public void close() {
        ready = false;
        XMPPTCPConnection c = connection;
        if (c != null) {
            ReconnectionManager.getInstanceFor(c).disableAutomaticReconnection();
            c.disconnect();
        }
        queue.shutdownNow();
    }
}
