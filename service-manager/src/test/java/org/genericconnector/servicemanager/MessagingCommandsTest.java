package org.genericconnector.servicemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.genericconnector.connector.admin.AdminServer;
import org.genericconnector.connector.admin.DaemonAdminView;
import org.genericconnector.connector.testing.DaemonFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gcctl's broker commands against a real connector (embedded broker on a free port, the test ACD). */
class MessagingCommandsTest {
    private static DaemonFixture fixture;
    private static String url;
    private static AdminServer admin;
    private static Path tokenFile;

    @TempDir
    Path home;

    @BeforeAll
    static void startConnector() throws Exception {
        fixture = new DaemonFixture("test-acd", Map.of());
        url = fixture.daemon.brokerUrl();
        tokenFile = Files.createTempDirectory("gcctl-admin").resolve("admin.token");
        admin = AdminServer.start(0, tokenFile, new DaemonAdminView(fixture.daemon.sessions(), fixture.daemon.adapter(),
                fixture.daemon::linkStatus, "test-acd", url, true, fixture.clock));
    }

    @AfterAll
    static void stopConnector() {
        admin.close();
        fixture.close();
    }

    @AfterEach
    void linkBackUp() {
        Gcctl.run(layout(), "sandbox", "--broker-url", url, "LINK", "UP");
    }

    private Layout layout() {
        return Layout.from(Map.of("GC_HOME", home.toString()));
    }

    private Gcctl.Run gcctl(String... args) {
        return Gcctl.run(layout(), args);
    }

    @Test
    void healthIsZeroWhenTheConnectorAnswersInService() {
        Gcctl.Run r = gcctl("health", "--broker-url", url);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("IN_SERVICE");
    }

    @Test
    void healthIsOneWhenTheAcdLinkIsDown() {
        assertThat(gcctl("sandbox", "--broker-url", url, "LINK", "DOWN").code()).isZero();
        Gcctl.Run r = gcctl("health", "--broker-url", url);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).startsWith("OUT_OF_SERVICE");
    }

    @Test
    void healthIsTwoWhenNobodyAnswers() {
        Gcctl.Run r = gcctl("health", "--broker-url", url, "--commands-topic", "nobody.listens", "--timeout", "300ms");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(r.out()).startsWith("NO ANSWER");
    }

    @Test
    void healthIsThreeWhenTheBrokerIsUnreachable() throws Exception {
        Gcctl.Run r = gcctl("health", "--broker-url", "tcp://127.0.0.1:" + freePort());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.BROKER_UNREACHABLE);
        assertThat(r.err().strip()).startsWith("gcctl: cannot reach the broker").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void quietHealthPrintsNothing() {
        Gcctl.Run r = gcctl("health", "-q", "--broker-url", url);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sendPrintsTheRepliesDecodedOrRaw() {
        Gcctl.Run r = gcctl("send", "--broker-url", url, "--wait", "1s", "Hello#gcctl.test.send", "gcctl.test.send",
                "--reply-topic", "gcctl.test.send");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("System").contains("status=IN_SERVICE");
        Gcctl.Run raw = gcctl("send", "--broker-url", url, "--wait", "1s", "--raw", "Hello#gcctl.test.raw", "gcctl.test.raw",
                "--reply-topic", "gcctl.test.raw");
        assertThat(raw.out().strip()).isEqualTo("System#IN_SERVICE");
    }

    @Test
    void sendShowsTheConnectorsErrorForABadCommand() {
        Gcctl.Run r = gcctl("send", "--broker-url", url, "--wait", "1s", "--raw", "Login#1001", "secret");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("1001#Error#");
    }

    @Test
    void sendNeverEchoesAPassword() {
        Gcctl.Run r = gcctl("send", "--broker-url", url, "--wait", "1s", "Login#1001", "s3cret-pw,1001");
        assertThat(r.code()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("s3cret-pw").contains("password=****");
    }

    @Test
    void sendRefusesAJmsTypeWithoutAgent() {
        Gcctl.Run r = gcctl("send", "--broker-url", url, "Hello");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gcctl: JMSType must be");
    }

    @Test
    void watchPrintsWhatArrivesOnATopic() throws Exception {
        CompletableFuture<Gcctl.Run> watch = CompletableFuture.supplyAsync(() ->
                gcctl("watch", "--broker-url", url, "--count", "1", "--duration", "20s", "gcctl.test.watch"));
        // The watcher subscribes within a moment; repeat the Hello until it has seen one.
        Instant deadline = Instant.now().plusSeconds(20);
        while (!watch.isDone() && Instant.now().isBefore(deadline)) {
            gcctl("send", "--broker-url", url, "--wait", "200ms", "Hello#gcctl.test.watch", "gcctl.test.watch",
                    "--reply-topic", "gcctl.test.watch");
        }
        Gcctl.Run r = watch.get();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("System").contains("IN_SERVICE");
    }

    @Test
    void sandboxPrintsTheReplyAndItsOutcome() {
        Gcctl.Run ok = gcctl("sandbox", "--broker-url", url, "LINK", "UP");
        assertThat(ok.code()).isZero();
        assertThat(ok.out().strip()).isEqualTo("OK link IN_SERVICE");
        Gcctl.Run error = gcctl("sandbox", "--broker-url", url, "DANCE");
        assertThat(error.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(error.out()).startsWith("ERROR");
    }

    @Test
    void sandboxTimesOutOnAControlTopicNobodyServes() {
        Gcctl.Run r = gcctl("sandbox", "--broker-url", url, "--control-topic", "nobody.controls", "--timeout", "300ms", "LINK", "UP");
        assertThat(r.code()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(r.err()).contains("gcctl: no reply on nobody.controls");
    }

    @Test
    void agentsAndDestinationsShowWhatClientsDid() {
        gcctl("send", "--broker-url", url, "--wait", "300ms", "--reply-topic", "gcctl.test.agents", "Connect#1001", "gcctl.test.agents,secret");
        Gcctl.Run login = gcctl("send", "--broker-url", url, "--wait", "1s", "--reply-topic", "gcctl.test.agents", "--raw",
                "Login#1001", "secret,5001");
        assertThat(login.out()).contains("1001#State#NOT_READY");
        Gcctl.Run agents = gcctl("agents", "--token-file", tokenFile.toString());
        assertThat(agents.code()).as(agents.toString()).isZero();
        assertThat(agents.out()).containsPattern("1001\\s+gcctl\\.test\\.agents\\s+NOT_READY");
        Gcctl.Run destinations = gcctl("destinations", "--token-file", tokenFile.toString());
        assertThat(destinations.out()).containsPattern("gcctl\\.test\\.agents\\s+\\S+\\s+1001");
        Gcctl.Run status = gcctl("status", "connector", "--token-file", tokenFile.toString());
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("ACD link:       IN_SERVICE").contains("broker:         " + url);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Duration seconds(int n) {
        return Duration.ofSeconds(n);
    }
}
