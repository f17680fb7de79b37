package org.genericconnector.simulator.finesse;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.pubsub.EventElement;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A Finesse client for the tests, speaking only the documented wire: REST with java.net.http and HTTP Basic,
 * notifications with Smack as an XMPP subscriber (the agent's own JID; auto-subscribed nodes need no subscribe).
 * Collects every Update it receives. Not thread-safe except the update queue.
 */
final class FinesseTestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String agentId;
    private final String password;
    private final BlockingQueue<TestUpdate> updates = new LinkedBlockingQueue<>();
    private final List<TestUpdate> seen = new ArrayList<>();
    private FinesseNode node;
    private XMPPTCPConnection xmpp;

    FinesseTestClient(FinesseNode node, String agentId, String password) {
        this.node = node;
        this.agentId = agentId;
        this.password = password;
    }

    /** Talk to another node from now on (REST and the next XMPP connection). */
    void useNode(FinesseNode other) {
        this.node = other;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> put(String path, String xml, String requestId) throws Exception {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/xml").PUT(HttpRequest.BodyPublishers.ofString(xml));
        if (requestId != null) {
            b.header("requestId", requestId);
        }
        return send(b);
    }

    HttpResponse<String> post(String path, String xml, String requestId) throws Exception {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml));
        if (requestId != null) {
            b.header("requestId", requestId);
        }
        return send(b);
    }

    private HttpRequest.Builder request(String path) {
        String auth = Base64.getEncoder().encodeToString((agentId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(node.httpBase() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + auth);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in to the node's XMPP server as the agent, with presence, and starts collecting Updates. */
    void connectXmpp() throws Exception {
        connectXmpp(false);
    }

    /** With {@code startTls}, the connection must be encrypted (STARTTLS), trusting only the node's certificate. */
    void connectXmpp(boolean startTls) throws Exception {
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(node.xmppDomain()).setHostAddress(InetAddress.getLoopbackAddress()).setPort(node.xmppPort())
                .setUsernameAndPassword(agentId, password).setResource("gc-test");
        if (startTls) {
            builder.setSecurityMode(SecurityMode.required).setCustomX509TrustManager(trusting(node.xmppCertificate().orElseThrow()));
        } else {
            builder.setSecurityMode(SecurityMode.disabled);
        }
        XMPPTCPConnectionConfiguration config = builder.build();
        XMPPTCPConnection c = new XMPPTCPConnection(config);
        c.addSyncStanzaListener(stanza -> collect((Message) stanza), StanzaTypeFilter.MESSAGE);
        c.connect().login();
        // Notifications go to available resources only: a ping round trip makes sure the server has processed
        // the initial presence (stanzas of one stream are handled in order) before the test acts.
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(c).pingMyServer();
        xmpp = c;
    }

    /** Subscribes (explicitly, with the full JID) to a node Finesse does not auto-subscribe, e.g. Team/{id}/Users. */
    void subscribe(String pubsubNode) throws Exception {
        PubSubManager.getInstanceFor(xmpp, JidCreate.bareFrom(node.xmppPubSubDomain())).getLeafNode(pubsubNode)
                .subscribe(xmpp.getUser());
    }

    /** The presence of Finesse's own user {@code finesse} in the agent's roster (finesse.md §7). */
    boolean finesseAvailable() throws Exception {
        return xmpp != null && org.jivesoftware.smack.roster.Roster.getInstanceFor(xmpp)
                .getPresence(JidCreate.bareFrom(FinesseFace.PUBLISHER_USER + "@" + node.xmppDomain())).isAvailable();
    }

    boolean xmppEncrypted() {
        return xmpp != null && xmpp.isSecureConnection();
    }

    private static javax.net.ssl.X509TrustManager trusting(java.nio.file.Path pem) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(pem)) {
            store.setCertificateEntry("finesse", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (javax.net.ssl.X509TrustManager) factory.getTrustManagers()[0];
    }

    void disconnectXmpp() {
        if (xmpp != null) {
            xmpp.disconnect();
            xmpp = null;
        }
    }

    boolean xmppConnected() {
        return xmpp != null && xmpp.isAuthenticated();
    }

    private void collect(Message message) {
        EventElement event = message.getExtension(EventElement.class);
        if (event == null || !(event.getEvent() instanceof ItemsExtension items)) {
            return;
        }
        for (Object o : items.getItems()) {
            if (o instanceof PayloadItem<?> item && item.getPayload() != null) {
                String payload = item.getPayload().toXML().toString();
                updates.add(TestUpdate.parse(items.getNode(), unescapedText(payload)));
            } else if (o instanceof Item) {
                // an item without payload is not a Finesse notification
            }
        }
    }

    private static String unescapedText(String notificationXml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(notificationXml.getBytes(StandardCharsets.UTF_8))).getDocumentElement()
                    .getTextContent();
        } catch (Exception e) {
            throw new IllegalStateException("not a notification: " + notificationXml, e);
        }
    }

    /** Waits for the next Update matching {@code match} (skipping others), or fails after {@link #WAIT}. */
    TestUpdate await(String what, Predicate<TestUpdate> match) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            TestUpdate u = left > 0 ? updates.poll(left, TimeUnit.NANOSECONDS) : null;
            if (u == null) {
                throw new AssertionError("no notification '" + what + "' within " + WAIT + "; agent " + agentId + " saw "
                        + seen.size() + ", the last: " + seen.stream().skip(Math.max(0, seen.size() - 4))
                        .map(s -> s.toString().length() > 600 ? s.toString().substring(0, 600) + "..." : s.toString()).toList());
            }
            seen.add(u);
            if (match.test(u)) {
                return u;
            }
        }
    }

    /** The User update with this state. */
    TestUpdate awaitUserState(String state) throws InterruptedException {
        return await("User " + agentId + " " + state, u -> u.source().equals("/finesse/api/User/" + agentId)
                && state.equals(u.text("state")));
    }

    /** Drops the Updates received so far. */
    void clear() {
        updates.clear();
        seen.clear();
    }

    @Override
    public void close() {
        disconnectXmpp();
        http.close();
    }
}
