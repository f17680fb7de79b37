package org.genericconnector.finesse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real XMPP server for tests: Debian's prosody on loopback, with a generated configuration, the pub-sub
 * component {@code pubsub.<domain>} and plain-text accounts written straight into its data folder. Each
 * test class starts its own (one per class keeps the suite fast); {@link #stop()} and {@link #start()}
 * simulate the notification service going down and coming back.
 */
public final class ProsodyServer implements AutoCloseable {
    public static final String DOMAIN = "finesse.test";

    private final Path dir;
    private final int port;
    /** The direct TLS port (TLS from the first byte, as Finesse's 5223) when a certificate is made, else 0. */
    private final int directTlsPort;
    private final String certificateName;
    private Process process;

    private ProsodyServer(Path dir, int port, int directTlsPort, String certificateName) {
        this.dir = dir;
        this.port = port;
        this.directTlsPort = directTlsPort;
        this.certificateName = certificateName;
    }

    /** Starts prosody with the given accounts (user, password, user, password...); no STARTTLS offered. */
    public static ProsodyServer start(String... accounts) {
        return start(null, accounts);
    }

    /**
     * Starts prosody offering STARTTLS (optional for clients) with a self-signed certificate issued for
     * {@code certificateName} (subjectAltName DNS), made with openssl; see {@link #certificate()}. The same
     * certificate serves direct TLS on {@link #directTlsPort()}.
     */
    public static ProsodyServer startWithTls(String certificateName, String... accounts) {
        return start(certificateName, accounts);
    }

    private static ProsodyServer start(String certificateName, String... accounts) {
        try {
            Path dir = Files.createTempDirectory("gc-finesse-prosody");
            ProsodyServer server = new ProsodyServer(dir, freePort(), certificateName == null ? 0 : freePort(), certificateName);
            if (certificateName != null) {
                server.makeCertificate();
            }
            server.writeConfig();
            for (int i = 0; i + 1 < accounts.length; i += 2) {
                server.account(accounts[i], accounts[i + 1]);
            }
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The port with TLS from the first byte (prosody's c2s_direct_tls), as Finesse's secure XMPP port 5223. */
    public int directTlsPort() {
        if (certificateName == null) {
            throw new IllegalStateException("this server offers no TLS");
        }
        return directTlsPort;
    }

    public String domain() {
        return DOMAIN;
    }

    /** The server's certificate (PEM) when it offers STARTTLS. */
    public Path certificate() {
        if (certificateName == null) {
            throw new IllegalStateException("this server offers no STARTTLS");
        }
        return dir.resolve("certs").resolve("server.crt");
    }

    private void makeCertificate() throws IOException {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        try {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "30", "-subj", "/CN=" + certificateName, "-addext", "subjectAltName=DNS:" + certificateName,
                    "-keyout", certs.resolve("server.key").toString(), "-out", certs.resolve("server.crt").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.txt").toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl could not make a certificate: " + Files.readString(dir.resolve("openssl.txt")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Adds or changes an account (prosody reads the file at each login). */
    public void account(String user, String password) {
        try {
            Path accounts = dir.resolve("data").resolve(DOMAIN.replace(".", "%2e")).resolve("accounts");
            Files.createDirectories(accounts);
            Files.writeString(accounts.resolve(user + ".dat"),
                    "return {\n\t[\"password\"] = \"" + password.replace("\"", "\\\"") + "\";\n};\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig() throws IOException {
        String config = """
                run_as_root = true
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                certificates = "%1$s/certs"
                admins = { "finesse@%3$s" }
                modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "presence"; "message"; "iq"; "c2s"; "posix"; %5$s }
                modules_disabled = { "s2s"; "offline"; "dialback"; "groups" }
                authentication = "internal_plain"
                storage = "internal"
                c2s_ports = { %2$d }
                c2s_interfaces = { "127.0.0.1" }
                s2s_ports = {}
                http_ports = {}
                https_ports = {}
                c2s_direct_tls_ports = { %6$s }
                c2s_direct_tls_interfaces = { "127.0.0.1" }
                legacy_ssl_ports = {}
                c2s_require_encryption = false
                allow_unencrypted_plain_auth = true
                limits = { c2s = { rate = "100mb/s" } }
                log = { info = "%1$s/prosody.log"; error = "%1$s/prosody.err" }
                %4$s
                VirtualHost "%3$s"
                Component "pubsub.%3$s" "pubsub"
                """.formatted(dir, port, DOMAIN, certificateName == null ? "-- no certificate: no STARTTLS"
                : "ssl = { certificate = \"%1$s/certs/server.crt\"; key = \"%1$s/certs/server.key\" }".formatted(dir),
                certificateName == null ? "" : "\"tls\"", certificateName == null ? "" : String.valueOf(directTlsPort));
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("prosody.cfg.lua"), config, StandardCharsets.UTF_8);
    }

    /** Starts (or restarts) the server and waits until its port accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder("prosody", "-F", "--config", dir.resolve("prosody.cfg.lua").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start prosody (is it installed?)", e);
        }
        Waiting.until(Duration.ofSeconds(20), "prosody listening on " + port, () -> accepting(port));
        if (directTlsPort != 0) {
            Waiting.until(Duration.ofSeconds(20), "prosody listening on " + directTlsPort, () -> accepting(directTlsPort));
        }
    }

    /** Stops the server (the notification service goes down: every session drops). */
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
    }

    private static boolean accepting(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder: best effort
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
