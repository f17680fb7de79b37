package org.genericconnector.finesse.testing;

import java.util.UUID;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The Finesse server's side of XMPP in tests: logged in to prosody as the {@code finesse} user, it sends
 * Update notifications in the 12.5 wire form (escaped text in {@code <notification xmlns="urn:xmpp:push:0">})
 * to an agent's session for auto-subscribed nodes, publishes through the real pub-sub service for explicit
 * nodes, and sends its presence. Thread-safe (Smack's connection is).
 */
public final class FinesseNotifier implements AutoCloseable {
    private static final String EVENT_NS = "http://jabber.org/protocol/pubsub#event";

    private final XMPPTCPConnection connection;
    private final String domain;
    private final String resource;

    private FinesseNotifier(XMPPTCPConnection connection, String domain, String resource) {
        this.connection = connection;
        this.domain = domain;
        this.resource = resource;
    }

    /** Logs in as finesse@domain (the account must exist on the server). */
    public static FinesseNotifier connect(ProsodyServer server, String password, String agentResource) {
        try {
            XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain()).setHost("127.0.0.1").setPort(server.port())
                    .setUsernameAndPassword("finesse", password).setResource("notifier")
                    .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).build());
            c.connect();
            c.login();
            return new FinesseNotifier(c, server.domain(), agentResource);
        } catch (Exception e) {
            throw new IllegalStateException("notifier cannot log in", e);
        }
    }

    /** The Update envelope as Finesse writes it. */
    public static String update(String event, String requestId, String source, String dataXml) {
        return "<Update><data>" + dataXml + "</data><event>" + event + "</event><requestId>" + requestId
                + "</requestId><source>" + source + "</source></Update>";
    }

    /** Sends one notification for an auto-subscribed node to the agent's session. */
    public void notify(String agentId, String node, String updateXml) {
        StandardExtensionElement notification = StandardExtensionElement.builder("notification", "urn:xmpp:push:0")
                .setText(updateXml).build();
        StandardExtensionElement item = StandardExtensionElement.builder("item", EVENT_NS)
                .addAttribute("id", UUID.randomUUID().toString()).addElement(notification).build();
        StandardExtensionElement items = StandardExtensionElement.builder("items", EVENT_NS)
                .addAttribute("node", node).addElement(item).build();
        StandardExtensionElement event = StandardExtensionElement.builder("event", EVENT_NS).addElement(items).build();
        try {
            connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.from(agentId + "@" + domain + "/" + resource)).addExtension(event).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates an explicit node on the pub-sub service (Finesse has them for every team and queue). */
    public void createNode(String node) {
        try {
            PubSubManager.getInstanceFor(connection, JidCreate.bareFrom("pubsub." + domain)).createNode(node);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create node " + node, e);
        }
    }

    /** Publishes on an explicit node through the pub-sub service: subscribers get it, others do not. */
    public void publish(String node, String updateXml) {
        try {
            LeafNode leaf = PubSubManager.getInstanceFor(connection, JidCreate.bareFrom("pubsub." + domain)).getLeafNode(node);
            String escaped = updateXml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            leaf.publish(new PayloadItem<>(UUID.randomUUID().toString(),
                    new SimplePayload("<notification xmlns=\"urn:xmpp:push:0\">" + escaped + "</notification>")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + node, e);
        }
    }

    /** Directed presence of the finesse user to an agent's session (UNAVAILABLE: Tomcat down). */
    public void presence(String agentId, boolean available) {
        try {
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(available ? Presence.Type.available : Presence.Type.unavailable)
                    .to(JidCreate.from(agentId + "@" + domain + "/" + resource)).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isConnected() {
        return connection.isAuthenticated();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
