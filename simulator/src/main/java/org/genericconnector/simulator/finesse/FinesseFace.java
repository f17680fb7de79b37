package org.genericconnector.simulator.finesse;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import org.genericconnector.protocol.spi.ScenarioControl;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.ExecutorTimers;
import org.genericconnector.simulator.model.SimulatedTimers;
import org.genericconnector.simulator.model.TimerService;
import org.genericconnector.simulator.sandbox.SandboxAdapter;
import org.genericconnector.simulator.sandbox.SandboxAdapterFactory;
import org.genericconnector.simulator.sandbox.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cisco Finesse look-alike on the simulated contact center (docs/FINESSE-FACE.md): a primary and an optional
 * secondary node, each with REST under {@code /finesse/api} (HTTP and HTTPS) and its own prosody publishing the
 * documented notifications; both nodes share one model. Faults on demand: a node OUT_OF_SERVICE and back, its
 * XMPP server stopped and started, slow responses, forced 503s, forced logout after presence loss.
 *
 * <p>Thread-safe. {@link #start} returns a running face; {@link #close} stops everything it started.
 */
public final class FinesseFace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseFace.class);
    /** The XMPP user the face publishes as (Finesse's own user); agents see its presence. */
    public static final String PUBLISHER_USER = "finesse";
    static final Instant SIMULATED_EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    private final FinesseFaceSettings settings;
    private final TimerService timers;
    private final SandboxAdapter sandbox;
    private final ContactCenter center;
    private final FinesseNotifier notifier;
    private final FinessePresenceWatch presence;
    private final Map<String, FinesseNode> nodes = new LinkedHashMap<>();
    private final FinesseFaceControl control;

    private FinesseFace(FinesseFaceSettings settings) {
        this.settings = settings;
        this.timers = settings.simulatedTime() ? new SimulatedTimers(SIMULATED_EPOCH) : new ExecutorTimers(InstantSource.system());
        this.sandbox = SandboxAdapterFactory.create(new SandboxSettings(settings.population(), 1000, settings.seed(),
                settings.ringTimeout(), settings.simulatedTime()), timers);
        this.center = sandbox.contactCenter();
        FinesseIds ids = new FinesseIds(center.directory());
        FinesseUserXml users = new FinesseUserXml(center.directory(), ids);
        FinesseDirectoryXml catalogue = new FinesseDirectoryXml(center.directory(), ids, users);
        this.notifier = new FinesseNotifier(center, users, new FinesseDialogXml(ids), catalogue, ids, this::distribute);
        this.presence = new FinessePresenceWatch(center, timers, settings.forcedLogoutGrace());
        this.control = new FinesseFaceControl(this, sandbox.scenarioControl().orElseThrow());
    }

    /** Starts prosody, the publishers and the REST servers of every node. */
    public static FinesseFace start(FinesseFaceSettings settings) {
        FinesseFace face = new FinesseFace(settings);
        try {
            face.startNodes();
            return face;
        } catch (RuntimeException e) {
            face.close();
            throw e;
        }
    }

    private void startNodes() {
        String publisherPassword = UUID.randomUUID().toString();
        List<ProsodyServer.Account> accounts = new ArrayList<>();
        center.directory().agents().forEach(a -> accounts.add(new ProsodyServer.Account(a.id(), a.password())));
        accounts.add(new ProsodyServer.Account(PUBLISHER_USER, publisherPassword));
        nodes.put("primary", new FinesseNode("primary", new ProsodyServer(settings.prosodyExecutable(), settings.primaryDomain(),
                settings.primaryXmppPort(), accounts, PUBLISHER_USER)));
        if (settings.secondary()) {
            nodes.put("secondary", new FinesseNode("secondary", new ProsodyServer(settings.prosodyExecutable(),
                    settings.secondaryDomain(), settings.secondaryXmppPort(), accounts, PUBLISHER_USER)));
        }
        SSLContext tls = settings.https() ? SelfSignedCertificate.create(nodes.get("primary").xmpp().folder()) : null;
        for (FinesseNode node : nodes.values()) {
            node.startNotifications(new FinesseXmppPublisher(node.name(), node.xmpp(), publisherPassword,
                    FinesseNodePlan.of(center.directory(), node.xmppDomain()),
                    (agent, available) -> presence.presence(node.name(), agent, available),
                    () -> presence.nodeLost(node.name())));
        }
        center.addListener(notifier);
        for (FinesseNode node : nodes.values()) {
            boolean primary = node.name().equals("primary");
            node.startRest(handler(node), primary ? settings.primaryHttpPort() : settings.secondaryHttpPort(),
                    primary ? settings.primaryHttpsPort() : settings.secondaryHttpsPort(), tls, this::systemInfo);
            LOG.info("Finesse face node {}: {} {} xmpp 127.0.0.1:{} domain {}", node.name(), node.httpBase(), node.httpsBase(),
                    node.xmppPort(), node.xmppDomain());
        }
    }

    private FinesseRestHandler handler(FinesseNode node) {
        FinesseIds ids = new FinesseIds(center.directory());
        FinesseUserXml users = new FinesseUserXml(center.directory(), ids);
        FinesseDialogXml dialogs = new FinesseDialogXml(ids);
        FinesseDirectoryXml catalogue = new FinesseDirectoryXml(center.directory(), ids, users);
        FinesseAccess access = new FinesseAccess(center);
        return new FinesseRestHandler(node, center,
                new FinesseUserResource(center, access, notifier, users, dialogs, catalogue, ids),
                new FinesseDialogResource(center, access, notifier, dialogs), new FinesseCatalogueResource(center, catalogue, ids));
    }

    /** Called under the model's lock: hands the notification to every node in service. */
    private void distribute(FinesseNotifier.Notification n) {
        for (FinesseNode node : nodes.values()) {
            if (node.publishing()) {
                node.publisher().publish(n.node(), n.update());
            }
        }
    }

    // ---- what a client needs to reach the face

    public FinesseNode primary() { return nodes.get("primary"); }

    public Optional<FinesseNode> secondary() { return Optional.ofNullable(nodes.get("secondary")); }

    /** {@code primary} or {@code secondary}; an unknown name throws IllegalArgumentException. */
    public FinesseNode node(String name) {
        FinesseNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node '" + name + "' (nodes: " + nodes.keySet() + ")");
        }
        return node;
    }

    public List<FinesseNode> nodes() { return List.copyOf(nodes.values()); }

    public ContactCenter contactCenter() { return center; }

    public Directory directory() { return center.directory(); }

    /** The scenario control: the {@code finesse ...} fault verbs, and the sandbox's verbs (docs/SANDBOX.md). */
    public ScenarioControl control() { return control; }

    /** The model's timers ({@link SimulatedTimers} with simulated time). */
    public TimerService timers() { return timers; }

    // ---- faults

    /** SystemInfo OUT_OF_SERVICE on the node: 503 to every request but SystemInfo, no notifications. */
    public void outOfService(String nodeName, String reason) {
        FinesseNode node = node(nodeName);
        center.atomically(() -> {
            node.setStatus(false, reason);
            if (node.webappUp()) {
                node.publisher().publish("/finesse/api/SystemInfo", systemInfoUpdate(node));
            }
            return null;
        });
    }

    /** Back IN_SERVICE: SystemInfo notified, then every agent's User and live dialogs republished on the node. */
    public void inService(String nodeName) {
        FinesseNode node = node(nodeName);
        center.atomically(() -> {
            node.setStatus(true, "");
            if (node.webappUp()) {
                node.publisher().publish("/finesse/api/SystemInfo", systemInfoUpdate(node));
                notifier.snapshot().forEach(n -> node.publisher().publish(n.node(), n.update()));
            }
            return null;
        });
    }

    /**
     * The node's web application goes down (finesse.md §7): Finesse's XMPP user {@code finesse} turns
     * unavailable, REST requests get no answer (the connection is closed), no notifications.
     */
    public void webappDown(String nodeName) {
        FinesseNode node = node(nodeName);
        center.atomically(() -> {
            node.setWebappUp(false);
            return null;
        });
    }

    /** The web application is back: {@code finesse} available, then every User and live Dialog republished. */
    public void webappUp(String nodeName) {
        FinesseNode node = node(nodeName);
        center.atomically(() -> {
            node.setWebappUp(true);
            if (node.inService()) {
                notifier.snapshot().forEach(n -> node.publisher().publish(n.node(), n.update()));
            }
            return null;
        });
    }

    /** Stops the node's XMPP server (clients lose their connections; the publisher retries every second). */
    public void stopXmpp(String nodeName) {
        node(nodeName).xmpp().stop();
    }

    /** Starts the node's XMPP server again (same port, accounts; pub-sub nodes set up again by the publisher). */
    public void startXmpp(String nodeName) {
        node(nodeName).xmpp().start();
    }

    public void setDelay(String nodeName, Duration delay) {
        node(nodeName).setDelay(delay);
    }

    /** The node's next {@code count} requests (any resource) answer 503. */
    public void failNext(String nodeName, int count) {
        node(nodeName).failNext(count);
    }

    public void setForcedLogoutGrace(Duration grace) {
        presence.setGrace(grace);
    }

    /** Whether the agent has an available XMPP presence on some node, as the face saw it. */
    public boolean isPresent(String agentId) {
        return presence.isPresent(agentId);
    }

    /** Whether the agent's forced logout is counting down (presence lost, grace period running). */
    public boolean forcedLogoutPending(String agentId) {
        return presence.isCountingDown(agentId);
    }

    /** Waits until every node has published the notifications queued so far. */
    public void flushNotifications() {
        nodes.values().forEach(n -> n.publisher().flush());
    }

    // ---- SystemInfo

    String systemInfo(FinesseNode node) {
        FinesseNode primary = primary();
        Xml xml = new Xml().open("SystemInfo").leaf("uri", "/finesse/api/SystemInfo")
                .leaf("status", node.inService() ? "IN_SERVICE" : "OUT_OF_SERVICE").leaf("statusReason", node.statusReason())
                .leaf("deploymentType", "UCCE").leaf("currentTimestamp", Xml.time(center.clock().instant()))
                .leaf("timezoneOffset", 0).leaf("xmppDomain", node.xmppDomain()).leaf("xmppPubSubDomain", node.xmppPubSubDomain());
        hostElement(xml, "primaryNode", primary);
        secondary().ifPresent(s -> hostElement(xml, "secondaryNode", s));
        return xml.leaf("systemAuthMode", "NON_SSO").leaf("peripheralId", 5000).leaf("ctiVersion", 24).close().toString();
    }

    private static void hostElement(Xml xml, String name, FinesseNode node) {
        xml.open(name).leaf("host", node.xmppDomain()).leaf("httpsPort", node.httpsPort() > 0 ? node.httpsPort() : node.httpPort())
                .leaf("xmppPort", node.xmppPort()).close();
    }

    private String systemInfoUpdate(FinesseNode node) {
        return FinesseMessages.update("PUT", "", "/finesse/api/SystemInfo", systemInfo(node));
    }

    @Override
    public void close() {
        for (FinesseNode node : nodes.values()) {
            try {
                node.close();
            } catch (RuntimeException e) {
                LOG.warn("closing node {} failed", node.name(), e);
            }
        }
        sandbox.close();
    }
}
