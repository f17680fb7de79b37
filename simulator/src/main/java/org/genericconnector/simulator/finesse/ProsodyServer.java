package org.genericconnector.simulator.finesse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real prosody XMPP server on loopback for one Finesse node: a generated configuration in a temp folder
 * (the c2s port, no s2s, plain connections allowed, {@code run_as_root = true}), pub-sub as the component
 * {@code pubsub.<domain>} with its nodes kept in memory, accounts written as internal_plain data files, and one
 * mod_groups group per agent holding the agent and the publisher (so the publisher sees every agent's presence
 * and every agent sees the publisher's, as Finesse's user {@code finesse}).
 *
 * <p>Thread-safe: start, stop and close are synchronized. A stopped server can be started again on the same
 * port with the same accounts (the XMPP-restart fault); its pub-sub nodes are gone then, as after a restart of
 * Finesse's notification service.
 */
public final class ProsodyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProsodyServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** An XMPP account: the user part of the JID and its password. */
    public record Account(String user, String password) {
        @Override
        public String toString() {
            return "Account[" + user + ", password=****]";
        }
    }

    private final String executable;
    private final String domain;
    private final int port;
    private final Path dir;
    private final String publisher;
    private final List<Account> accounts;
    private volatile boolean tls;
    private Process process;
    private Thread killOnExit;

    /**
     * @param port      the c2s port, 0 for a free one
     * @param publisher the user (one of {@code accounts}) whose presence every agent sees and who sees theirs
     */
    public ProsodyServer(String executable, String domain, int port, List<Account> accounts, String publisher) {
        this.executable = executable;
        this.domain = domain;
        this.port = port == 0 ? freePort() : port;
        this.accounts = List.copyOf(accounts);
        this.publisher = publisher;
        try {
            this.dir = Files.createTempDirectory("gc-prosody-");
            writeFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the prosody folder", e);
        }
    }

    public String domain() { return domain; }

    public String pubsubDomain() { return "pubsub." + domain; }

    public int port() { return port; }

    public Path folder() { return dir; }

    /** Whether the server offers STARTTLS (a self-signed certificate for the domain could be made with openssl). */
    public boolean offersStartTls() { return tls; }

    /** The server's self-signed certificate (PEM), when it offers STARTTLS. */
    public java.util.Optional<Path> certificate() {
        return tls ? java.util.Optional.of(dir.resolve("certs").resolve(domain + ".crt")) : java.util.Optional.empty();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts prosody and waits until its c2s port accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(executable, "--config", dir.resolve("prosody.cfg.lua").toString(), "-F")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start prosody ('" + executable + "'); is it installed (scripts/install-test-prereqs.sh)?", e);
        }
        Process started = process;
        killOnExit = new Thread(started::destroy, "prosody-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit); // no prosody outlives the JVM that started it
        awaitPort();
        LOG.info("prosody for {} listening on 127.0.0.1:{} (folder {})", domain, port, dir);
    }

    /** Stops prosody (SIGTERM, then SIGKILL after 10 s). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
        LOG.info("prosody for {} stopped", domain);
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}", dir, e);
        }
    }

    private void awaitPort() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prosody exited with " + process.exitValue() + "; see " + dir.resolve("console.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        throw new IllegalStateException("prosody did not open port " + port + " within " + START_TIMEOUT + "; see " + dir);
    }

    private void writeFiles() throws IOException {
        Path accountsDir = Files.createDirectories(dir.resolve("data").resolve(encode(domain)).resolve("accounts"));
        for (Account account : accounts) {
            Files.writeString(accountsDir.resolve(encode(account.user()) + ".dat"),
                    "return {\n\t[\"password\"] = " + luaString(account.password()) + ";\n};\n", StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir.resolve("certs"));
        tls = makeCertificate();
        StringBuilder groups = new StringBuilder();
        for (Account account : accounts) {
            if (!account.user().equals(publisher)) {
                groups.append("[agent-").append(account.user()).append("]\n")
                        .append(publisher).append('@').append(domain).append("=Finesse\n")
                        .append(account.user()).append('@').append(domain).append('=').append(account.user()).append('\n');
            }
        }
        Files.writeString(dir.resolve("groups.txt"), groups.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("prosody.cfg.lua"), config(), StandardCharsets.UTF_8);
    }

    private String config() {
        String d = dir.toString();
        return String.join("\n",
                "-- generated by the Generic Connector's Finesse face; do not edit",
                "run_as_root = true",
                "pidfile = " + luaString(d + "/prosody.pid"),
                "data_path = " + luaString(d + "/data"),
                "certificates = " + luaString(d + "/certs"),
                "log = { info = " + luaString(d + "/prosody.log") + " }",
                "interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + port + " }",
                "c2s_interfaces = { \"127.0.0.1\" }",
                "c2s_direct_tls_ports = {}",
                "legacy_ssl_ports = {}",
                "s2s_ports = {}",
                "http_ports = {}",
                "https_ports = {}",
                "modules_disabled = { \"s2s\", \"offline\" }",
                "modules_enabled = { \"roster\", \"saslauth\", \"tls\", \"disco\", \"ping\", \"groups\", \"posix\" }",
                "groups_file = " + luaString(d + "/groups.txt"),
                "admins = { " + luaString(publisher + "@" + domain) + " }",
                "authentication = \"internal_plain\"",
                "c2s_require_encryption = false",
                "allow_unencrypted_plain_auth = true",
                "storage = { pubsub_nodes = \"memory\", pubsub_data = \"memory\" }",
                tls ? "ssl = { certificate = " + luaString(d + "/certs/" + domain + ".crt") + ", key = "
                        + luaString(d + "/certs/" + domain + ".key") + " }" : "-- no certificate: no STARTTLS",
                "VirtualHost " + luaString(domain),
                "Component " + luaString(pubsubDomain()) + " \"pubsub\"",
                "");
    }

    /**
     * A self-signed EC certificate for the domain and its pub-sub component, so that prosody offers STARTTLS
     * (optional for clients). Without openssl the server runs plain only.
     */
    private boolean makeCertificate() {
        Path certs = dir.resolve("certs");
        try {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "3650", "-subj", "/CN=" + domain, "-addext",
                    "subjectAltName=DNS:" + domain + ",DNS:" + pubsubDomain(),
                    "-keyout", certs.resolve(domain + ".key").toString(), "-out", certs.resolve(domain + ".crt").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            LOG.info("no openssl ({}): prosody for {} will not offer STARTTLS", e.getMessage(), domain);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** prosody's datamanager file-name encoding: every non-alphanumeric character as %xx. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02x", c));
            }
        }
        return out.toString();
    }

    private static String luaString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
