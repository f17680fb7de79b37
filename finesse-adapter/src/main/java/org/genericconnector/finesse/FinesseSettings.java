package org.genericconnector.finesse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.genericconnector.finesse.xml.FinesseNode;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.protocol.spi.AdapterConfig;

/**
 * The Finesse adapter's settings (the {@code acd.finesse} section), each key declared once in {@link #KEYS}.
 * Immutable. {@link #from} reports every problem in one message.
 *
 * @param primaryUrl        REST base of the primary node, {@code https://fin-a.example.com:8445}
 * @param secondaryUrl      REST base of the secondary node; empty for a single node (SystemInfo may add one)
 * @param trustStore        trust store for the Finesse certificates (REST and XMPP); empty = the JDK's
 * @param xmppPort          {@code xmpp.port} as given, empty when not set; the port used: {@link #xmppPortFor}
 * @param xmppSecurity      required, if-possible, disabled (STARTTLS on the client port) or direct-tls (TLS
 *                          from the first byte on the secure port)
 * @param maxConcurrent     REST calls in flight per node
 * @param maxQueued         REST calls waiting per node before PLEASE_RETRY
 */
public record FinesseSettings(URI primaryUrl, Optional<URI> secondaryUrl, Optional<Path> trustStore,
                              String trustStorePassword, String trustStoreType, OptionalInt xmppPort, String xmppSecurity,
                              String xmppResource, Optional<String> xmppDomain, Duration xmppConnectTimeout,
                              Duration pingInterval, Duration httpConnectTimeout, Duration httpReadTimeout,
                              int maxConcurrent, int maxQueued, Duration queueWait, Duration notificationTimeout,
                              Optional<String> systemUser, String systemPassword, Duration pollInterval,
                              Duration retryMin, Duration retryMax, int switchAfter, int reloginParallelism,
                              Optional<String> deploymentType) {

    /** {@code xmpp.security}: TLS from the first byte on the node's secure XMPP port (5223), no STARTTLS. */
    public static final String DIRECT_TLS = "direct-tls";
    /** The XMPP client port (STARTTLS, or plain) when neither the settings nor SystemInfo name one. */
    public static final int DEFAULT_XMPP_PORT = 5222;
    /** The secure XMPP port (direct TLS) when neither the settings nor SystemInfo name one. */
    public static final int DEFAULT_XMPP_SECURE_PORT = 5223;

    /** One setting: its name, default as written, and what it means. */
    public record Key(String name, String defaultValue, String description) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("nodes.primary.url", "", "REST base URL of the primary Finesse node, e.g. https://fin-a.example.com:8445 (required)."),
            new Key("nodes.secondary.url", "", "REST base URL of the secondary node; empty: the secondary named by SystemInfo, if any."),
            new Key("tls.trust-store", "", "Trust store (PKCS12 or JKS) holding the Finesse Tomcat/Openfire certificates or their CA; empty: the JDK's trust store. There is no trust-all switch."),
            new Key("tls.trust-store-password", "", "Password of the trust store (may come from an environment variable)."),
            new Key("tls.trust-store-type", "PKCS12", "Trust store type: PKCS12 or JKS."),
            new Key("xmpp.port", "5222", "XMPP port of the notification service on each node. Without direct-tls: the client port (5222), "
                    + "overridden by the xmppPort SystemInfo names for the node (12.6(2) on). With direct-tls: the secure port; "
                    + "when not set, SystemInfo's xmppSecurePort for the node, else 5223."),
            new Key("xmpp.security", "if-possible", "XMPP TLS: required, if-possible (STARTTLS where offered), disabled, or "
                    + "direct-tls (TLS from the first byte on the secure port, 5223; no STARTTLS)."),
            new Key("xmpp.resource", "gc-connector", "XMPP resource of the agents' sessions; never 'desktop' (reserved by the Finesse desktop)."),
            new Key("xmpp.domain", "", "XMPP domain; empty: SystemInfo's xmppDomain."),
            new Key("xmpp.connect-timeout", "10s", "Timeout of one XMPP connect and login."),
            new Key("xmpp.ping-interval", "20s", "XMPP ping interval per agent session (Finesse's guidance: 10-20 s), keeps the presence that prevents a forced logout."),
            new Key("http.connect-timeout", "5s", "REST connect timeout."),
            new Key("http.read-timeout", "10s", "REST read timeout; a timeout is answered PLEASE_RETRY."),
            new Key("http.max-concurrent", "64", "REST calls in flight per node."),
            new Key("http.max-queued", "2000", "REST calls waiting for a slot per node; one more is answered PLEASE_RETRY at once."),
            new Key("http.queue-wait", "5s", "Longest wait for a REST slot before PLEASE_RETRY."),
            new Key("notification.timeout", "10s", "Longest wait for the notification (or asynchronous error) that settles a 202-accepted request."),
            new Key("system.username", "", "Optional Finesse account for SystemInfo polls; empty: SystemInfo is read without credentials."),
            new Key("system.password", "", "Password of system.username."),
            new Key("systeminfo.poll-interval", "15s", "How often SystemInfo is polled while the node is in service."),
            new Key("failover.retry-min", "1s", "First back-off after losing a node."),
            new Key("failover.retry-max", "30s", "Longest back-off between recovery attempts."),
            new Key("failover.switch-after", "3", "Failed recovery attempts on a node before the alternate node is tried."),
            new Key("failover.relogin-parallelism", "32", "Agents re-logged in to XMPP at once during a resync."),
            new Key("deployment-type", "", "UCCE or UCCX to override SystemInfo's deploymentType; empty: SystemInfo decides."));

    /** Reads and checks the settings; every unknown key or bad value is named in one IllegalArgumentException. */
    public static FinesseSettings from(AdapterConfig config) {
        List<String> problems = new ArrayList<>();
        List<String> known = KEYS.stream().map(Key::name).toList();
        TreeSet<String> unknown = new TreeSet<>(config.asMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            problems.add("unknown finesse setting(s) " + unknown);
        }
        Reader r = new Reader(config, problems);
        FinesseSettings settings = new FinesseSettings(
                r.url("nodes.primary.url", true).orElse(null), r.url("nodes.secondary.url", false),
                r.trustStore(), config.get("tls.trust-store-password", ""), config.get("tls.trust-store-type", "PKCS12"),
                r.port("xmpp.port"), r.security(), r.resource(), r.text("xmpp.domain"),
                r.duration("xmpp.connect-timeout", "10s"), r.duration("xmpp.ping-interval", "20s"),
                r.duration("http.connect-timeout", "5s"), r.duration("http.read-timeout", "10s"),
                r.positive("http.max-concurrent", 64), r.positive("http.max-queued", 2000),
                r.duration("http.queue-wait", "5s"), r.duration("notification.timeout", "10s"),
                r.text("system.username"), config.get("system.password", ""),
                r.duration("systeminfo.poll-interval", "15s"), r.duration("failover.retry-min", "1s"),
                r.duration("failover.retry-max", "30s"), r.positive("failover.switch-after", 3),
                r.positive("failover.relogin-parallelism", 32), r.deploymentType());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("acd.finesse: " + String.join("; ", problems));
        }
        return settings;
    }

    /**
     * The node's XMPP port. Without direct TLS: the {@code xmppPort} SystemInfo names for the node (12.6(2) on; the
     * entry whose host is the XMPP domain), else {@code xmpp.port}, else 5222. With direct TLS: {@code xmpp.port}
     * when set, else SystemInfo's {@code xmppSecurePort} for the node, else 5223.
     *
     * @param info   the node's SystemInfo, null when none was read
     * @param domain the node's XMPP domain
     */
    public int xmppPortFor(SystemInfo info, String domain) {
        boolean direct = DIRECT_TLS.equals(xmppSecurity);
        if (direct && xmppPort.isPresent()) {
            return xmppPort.getAsInt();
        }
        if (info != null) {
            for (FinesseNode node : List.of(info.primaryNode(), info.secondaryNode())) {
                String port = (direct ? node.xmppSecurePort() : node.xmppPort()).strip();
                if (node.host().strip().equalsIgnoreCase(domain) && port.matches("\\d{1,5}")) {
                    return Integer.parseInt(port);
                }
            }
        }
        return xmppPort.orElse(direct ? DEFAULT_XMPP_SECURE_PORT : DEFAULT_XMPP_PORT);
    }

    /** Reads keys, collecting problems instead of stopping at the first. */
    private record Reader(AdapterConfig config, List<String> problems) {

        Optional<URI> url(String key, boolean required) {
            Optional<String> value = text(key);
            if (value.isEmpty()) {
                if (required) {
                    problems.add("missing setting '" + key + "'");
                }
                return Optional.empty();
            }
            try {
                URI uri = URI.create(value.get().strip());
                if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                        || uri.getHost() == null) {
                    problems.add("setting '" + key + "' must be an https URL such as https://fin-a.example.com:8445");
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (IllegalArgumentException e) {
                problems.add("setting '" + key + "' is not a URL: " + value.get());
                return Optional.empty();
            }
        }

        Optional<String> text(String key) {
            return config.get(key).map(String::strip).filter(v -> !v.isEmpty());
        }

        Optional<Path> trustStore() {
            Optional<Path> path = text("tls.trust-store").flatMap(v -> config.getPath("tls.trust-store"));
            if (path.isPresent() && !Files.isRegularFile(path.get())) {
                problems.add("setting 'tls.trust-store': no file " + path.get());
            }
            return path;
        }

        int positive(String key, int fallback) {
            try {
                int value = config.getInt(key, fallback);
                if (value <= 0) {
                    problems.add("setting '" + key + "' must be positive");
                }
                return value;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return fallback;
            }
        }

        /** A TCP port, empty when the key is not set. */
        OptionalInt port(String key) {
            if (text(key).isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                int value = config.getInt(key, 0);
                if (value <= 0 || value > 65535) {
                    problems.add("setting '" + key + "' must be a port (1-65535)");
                }
                return OptionalInt.of(value);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return OptionalInt.empty();
            }
        }

        Duration duration(String key, String fallback) {
            try {
                Duration d = config.getDuration(key, org.genericconnector.protocol.spi.Durations.parse(key, fallback));
                if (d.isNegative() || d.isZero()) {
                    problems.add("setting '" + key + "' must be a positive duration");
                }
                return d;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return org.genericconnector.protocol.spi.Durations.parse(key, fallback);
            }
        }

        String security() {
            String value = config.get("xmpp.security", "if-possible").strip().toLowerCase(Locale.ROOT);
            if (!List.of("required", "if-possible", "disabled", DIRECT_TLS).contains(value)) {
                problems.add("setting 'xmpp.security' must be required, if-possible, disabled or direct-tls, not '" + value + "'");
            }
            return value;
        }

        String resource() {
            String value = config.get("xmpp.resource", "gc-connector").strip();
            if (value.isEmpty() || value.equalsIgnoreCase("desktop")) {
                problems.add("setting 'xmpp.resource' must not be empty or 'desktop' (reserved by the Finesse desktop)");
            }
            return value;
        }

        Optional<String> deploymentType() {
            Optional<String> value = text("deployment-type").map(v -> v.toUpperCase(Locale.ROOT));
            if (value.isPresent() && !List.of("UCCE", "UCCX").contains(value.get())) {
                problems.add("setting 'deployment-type' must be UCCE or UCCX");
            }
            return value;
        }
    }
}
