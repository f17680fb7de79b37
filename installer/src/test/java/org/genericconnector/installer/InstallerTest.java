package org.genericconnector.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive end to end, as an operator uses it: install into a temporary prefix (no
 * systemd, no service user), start, health, agents, status, stop, upgrade over it with a changed
 * configuration kept, start again, uninstall (twice), purge. Real processes and scripts; every wait
 * polls with a deadline (inside gcctl).
 */
class InstallerTest {
    private static final Path ARCHIVE = Path.of(System.getProperty("gc.distribution", "target/generic-connector.tar.gz"));
    private static final String VERSION = System.getProperty("gc.version", "0.1.0-SNAPSHOT");

    @TempDir
    Path tmp;
    private Path dist;
    private Path prefix;
    private final Map<String, String> env = new HashMap<>();
    private String brokerUrl;

    record Result(int code, String output) {
    }

    @BeforeEach
    void unpack() throws Exception {
        assertThat(ARCHIVE).exists();
        Result untar = run(List.of("tar", "xzf", ARCHIVE.toString(), "-C", tmp.toString()));
        assertThat(untar.code()).as(untar.output()).isZero();
        dist = tmp.resolve("generic-connector-" + VERSION);
        prefix = tmp.resolve("prefix with space");
        int brokerPort = freePort();
        brokerUrl = "tcp://127.0.0.1:" + brokerPort;
        // Free ports through the connector's environment overrides (GC_ + key), inherited by what gcctl starts.
        env.put("GC_BROKER_PORT", String.valueOf(brokerPort));
        env.put("GC_ADMIN_PORT", String.valueOf(freePort()));
    }

    @AfterEach
    void stopLeftovers() throws Exception {
        if (prefix == null) {
            return;
        }
        Path pidFile = prefix.resolve("run/connector.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void installStartCheckStopUpgradeAndUninstall() throws Exception {
        Result install = run(List.of(dist.resolve("install.sh").toString(), "--prefix", prefix.toString(), "--no-user", "--no-systemd"));
        assertThat(install.code()).as(install.output()).isZero();
        for (String part : List.of("bin/gcctl", "bin/generic-connector", "lib", "conf/connector.yaml", "conf/broker.xml",
                "conf/logback.xml", "docs", "LICENSE", "VERSION", "uninstall.sh", "gc.env")) {
            assertThat(prefix.resolve(part)).as(part).exists();
        }
        assertThat(Files.readString(prefix.resolve("VERSION")).strip()).isEqualTo(VERSION);

        Result check = gcctl("config", "check");
        assertThat(check.code()).as(check.output()).isZero();

        startCheckStop();

        // Upgrade over it: the operator's change is kept, the new default lands beside it.
        Path config = prefix.resolve("conf/connector.yaml");
        Files.writeString(config, Files.readString(config) + "\n# changed by the operator\n");
        Result upgrade = run(List.of(dist.resolve("install.sh").toString(), "--prefix", prefix.toString(), "--no-user", "--no-systemd"));
        assertThat(upgrade.code()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("upgrading from " + VERSION).contains("kept your");
        assertThat(Files.readString(config)).contains("# changed by the operator");
        assertThat(prefix.resolve("conf/connector.yaml.new")).exists();
        assertThat(Files.readString(prefix.resolve("conf/connector.yaml.new"))).doesNotContain("# changed by the operator");
        assertThat(prefix.resolve("conf/broker.xml.new")).doesNotExist();

        startCheckStop();

        Result uninstall = run(List.of(prefix.resolve("uninstall.sh").toString()));
        assertThat(uninstall.code()).as(uninstall.output()).isZero();
        assertThat(prefix.resolve("lib")).doesNotExist();
        assertThat(prefix.resolve("bin")).doesNotExist();
        assertThat(config).exists();
        Result again = run(List.of(prefix.resolve("uninstall.sh").toString()));
        assertThat(again.code()).as(again.output()).isZero();
        Result purge = run(List.of(prefix.resolve("uninstall.sh").toString(), "--purge"));
        assertThat(purge.code()).as(purge.output()).isZero();
        assertThat(prefix).doesNotExist();
    }

    private void startCheckStop() throws Exception {
        Result start = gcctl("start", "--timeout", "120s");
        assertThat(start.code()).as(start.output() + console()).isZero();
        // No --broker-url: gcctl takes the installation's broker (the port comes from GC_BROKER_PORT here).
        Result health = gcctl("health", "--timeout", "10s");
        assertThat(health.code()).as(health.output()).isZero();
        assertThat(health.output()).contains("IN_SERVICE");

        Result connect = gcctl("send", "--broker-url", brokerUrl, "--wait", "1s", "--reply-topic", "install.test",
                "Connect#1001", "install.test,sample-1001");
        assertThat(connect.code()).as(connect.output()).isZero();
        Result agents = gcctl("agents");
        assertThat(agents.code()).as(agents.output()).isZero();
        assertThat(agents.output()).contains("AGENT").contains("1001").contains("install.test");

        Result status = gcctl("status");
        assertThat(status.code()).as(status.output()).isZero();
        assertThat(status.output()).contains("connector: running").contains("version:        " + VERSION)
                .contains("agent sessions: 1").contains(brokerUrl);

        Result stop = gcctl("stop", "--timeout", "60s");
        assertThat(stop.code()).as(stop.output()).isZero();
        assertThat(prefix.resolve("run/connector.pid")).doesNotExist();
        Result stopped = gcctl("status", "connector");
        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.output()).contains("connector: stopped");
        // started in the background: the command log is in the rotated connector.log, not in console.log
        assertThat(Files.readString(prefix.resolve("logs/connector.log"))).contains(" INFO ").contains("Connect");
        assertThat(Files.readString(prefix.resolve("logs/console.log"))).doesNotContain(" INFO ");
    }

    private String console() throws IOException {
        Path log = prefix.resolve("logs/console.log");
        return Files.exists(log) ? "\n--- console.log\n" + Files.readString(log) : "";
    }

    private Result gcctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(prefix.resolve("bin/gcctl").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().putAll(env);
        pb.environment().remove("GC_HOME");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
