package org.genericconnector.servicemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.genericconnector.connector.admin.AdminServer;
import org.genericconnector.connector.admin.AdminView;
import org.genericconnector.connector.admin.LogLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gcctl's admin-endpoint commands against the real endpoint serving a fixed view. */
class AdminCommandsTest {
    @TempDir
    Path home;
    private AdminServer server;

    static final class FixedView implements AdminView {
        @Override
        public AdminStatus status() {
            return new AdminStatus("1.2.3", "2026-11-21T11:00:00Z", 3725, ProcessHandle.current().pid(), "sandbox", "IN_SERVICE",
                    "tcp://127.0.0.1:61616", true, 1, 2);
        }

        @Override
        public List<AgentRow> agents() {
            return List.of(new AgentRow("1001", "desk1", "READY", "2026-11-21T11:01:00Z"), new AgentRow("1002", "desk1", "NOT_READY", ""));
        }

        @Override
        public List<DestinationRow> destinations() {
            return List.of(new DestinationRow("desk1", "2026-11-21T11:02:00Z", List.of("1001", "1002")));
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = AdminServer.start(0, home.resolve("run/admin.token"), new FixedView());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Gcctl.Run gcctl(String... args) {
        return Gcctl.run(Layout.from(Map.of("GC_HOME", home.toString())), args);
    }

    @Test
    void agentsAreATable() {
        Gcctl.Run r = gcctl("agents");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "AGENT  DESTINATION  STATE      SINCE",
                "1001   desk1        READY      2026-11-21T11:01:00Z",
                "1002   desk1        NOT_READY  -");
        assertThat(r.err()).contains("2 agent session(s)");
    }

    @Test
    void destinationsAreATableOrJson() {
        Gcctl.Run r = gcctl("destinations");
        assertThat(r.out()).contains("desk1        2026-11-21T11:02:00Z  1001,1002");
        assertThat(gcctl("destinations", "--json").out()).contains("\"agents\"");
    }

    @Test
    void statusShowsTheRunningConnector() {
        Gcctl.Run r = gcctl("status");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("connector: running (pid " + ProcessHandle.current().pid() + ", up 1h 2m)")
                .contains("version:        1.2.3").contains("ACD link:       IN_SERVICE (adapter sandbox)")
                .contains("destinations:   1").contains("agent sessions: 2")
                .contains("broker: running, embedded in the connector");
    }

    @Test
    void logsLevelChangesTheLevelAtRunTime() {
        Gcctl.Run r = gcctl("logs", "--level", "debug", "--logger", "org.genericconnector.gcctl.test");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("logger org.genericconnector.gcctl.test is now at level DEBUG");
        assertThat(LogLevels.effective("org.genericconnector.gcctl.test")).isEqualTo("DEBUG");
        Gcctl.Run bad = gcctl("logs", "--level", "LOUD");
        assertThat(bad.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(bad.err()).contains("level must be one of");
    }

    @Test
    void aStaleTokenIsReportedAsSuch() throws Exception {
        Path file = home.resolve("run/admin.token");
        Files.writeString(file, Files.readString(file).replaceAll("token=.*", "token=stale"));
        Gcctl.Run r = gcctl("agents");
        assertThat(r.code()).isEqualTo(ExitCodes.ADMIN_UNREACHABLE);
        assertThat(r.err()).contains("refused the token");
    }

    @Test
    void logsFollowPrintsNewLinesAndSurvivesRotation() throws Exception {
        Path log = home.resolve("logs/connector.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "old line\n");
        java.io.StringWriter out = new java.io.StringWriter();
        var cl = GcCtl.commandLine(Layout.from(Map.of("GC_HOME", home.toString())), System.in);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
        Thread follower = Thread.ofVirtual().start(() -> cl.execute("logs", "-f", "-n", "1"));
        awaitText(out, "old line");
        Files.writeString(log, "appended line\n", java.nio.file.StandardOpenOption.APPEND);
        awaitText(out, "appended line");
        Files.writeString(log, "rotated\n");
        awaitText(out, "rotated");
        follower.interrupt();
        follower.join(5000);
        assertThat(follower.isAlive()).isFalse();
    }

    private static void awaitText(java.io.StringWriter out, String text) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (!out.toString().contains(text) && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains(text);
    }

    @Test
    void logsPrintsTheTailOfTheLogFile() throws Exception {
        Files.createDirectories(home.resolve("logs"));
        Files.write(home.resolve("logs/connector.log"), IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());
        Gcctl.Run r = gcctl("logs", "-n", "3");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("line 98", "line 99", "line 100");
        assertThat(r.err()).contains("log file: " + home.resolve("logs/connector.log"));
    }
}
