package org.genericconnector.servicemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** gcctl commands that need no running connector: help, completion, config check, hashes, and the stopped case. */
class CliCommandsTest {
    private static final Path REPO_CONF = Path.of(System.getProperty("gc.repo.conf", "../conf")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    private Layout layout() {
        return Layout.from(Map.of("GC_HOME", home.toString()));
    }

    private Gcctl.Run gcctl(String... args) {
        return Gcctl.run(layout(), args);
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = GcCtl.commandLine(layout(), System.in);
        assertThat(root.getSubcommands()).containsKeys("start", "stop", "restart", "status", "health", "agents", "destinations",
                "send", "watch", "sandbox", "config", "logs", "version", "hash-password", "completion");
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Gcctl.Run r = gcctl(name, "--help");
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage: gcctl " + name);
        }
        assertThat(gcctl("config", "check", "--help").out()).contains("Usage: gcctl config check");
        assertThat(gcctl("--help").out()).contains("Exit codes:");
    }

    @Test
    void noCommandOrAnUnknownOptionIsAUsageError() {
        assertThat(gcctl().code()).isEqualTo(ExitCodes.USAGE);
        Gcctl.Run r = gcctl("health", "--no-such-option");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gcctl: Unknown option: '--no-such-option'");
    }

    @Test
    void completionIsABashScriptCoveringTheCommands() {
        Gcctl.Run r = gcctl("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("health").contains("hash-password").contains("--broker-url");
    }

    @Test
    void theCompletionScriptLoadsInBash() throws Exception {
        Path script = home.resolve("gcctl.bash");
        Files.writeString(script, gcctl("completion").out());
        Process bash = new ProcessBuilder("bash", "-c", "source \"$0\" && complete -p gcctl && COMP_WORDS=(gcctl status '') "
                + "&& COMP_CWORD=2 && COMP_LINE='gcctl status ' && _complete_gcctl 2>/dev/null; echo \"${COMPREPLY[*]}\"", script.toString())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor()).as(output).isZero();
        assertThat(output).contains("complete -o default -F _complete_gcctl gcctl").contains("connector broker all");
    }

    @Test
    void configCheckAcceptsAValidFile() throws Exception {
        Path file = home.resolve("connector.yaml");
        Files.writeString(file, "acd:\n  type: test-acd\nbroker:\n  config: " + REPO_CONF.resolve("broker.xml") + "\n  port: 61999\n");
        Gcctl.Run r = gcctl("config", "check", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("is valid").contains("acd.type=test-acd").contains("embedded on 127.0.0.1:61999");
    }

    @Test
    void configCheckNamesEveryProblemAndExitsSix() throws Exception {
        Path file = home.resolve("bad.yaml");
        Files.writeString(file, "acd:\n  type: test-acd\nbroker:\n  port: -5\n  colour: blue\nsessions:\n  max-agents: lots\n");
        Gcctl.Run r = gcctl("config", "check", file.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.err()).contains("broker.port").contains("broker.colour").contains("sessions.max-agents");
    }

    @Test
    void configCheckReportsAMissingAdapterAndBrokerFile() throws Exception {
        Path file = home.resolve("c.yaml");
        Files.writeString(file, "acd:\n  type: nonesuch\nbroker:\n  config: missing.xml\n");
        Gcctl.Run r = gcctl("config", "check", file.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.err()).contains("no adapter named 'nonesuch'").contains("missing.xml cannot be read");
    }

    @Test
    void configCheckOfAMissingFileExitsSix() {
        Gcctl.Run r = gcctl("config", "check", home.resolve("nope.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.err()).contains("not found");
    }

    @Test
    void hashPasswordPrintsAVerifiableSaltedHash() {
        Gcctl.Run r = Gcctl.runWithInput(layout(), "s3cret-Pass\n", "hash-password", "--stdin");
        assertThat(r.code()).isZero();
        String hash = r.out().strip();
        assertThat(hash).startsWith("pbkdf2-sha256$310000$").doesNotContain("s3cret");
        assertThat(PasswordHash.verify(hash, "s3cret-Pass".toCharArray())).isTrue();
        assertThat(PasswordHash.verify(hash, "other".toCharArray())).isFalse();
        String again = Gcctl.runWithInput(layout(), "s3cret-Pass\n", "hash-password", "--stdin").out().strip();
        assertThat(again).isNotEqualTo(hash);
    }

    @Test
    void statusOfAStoppedInstallationSaysSoAndExitsOne() {
        Gcctl.Run r = gcctl("status");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("connector: stopped").contains("broker: stopped (embedded in the connector");
    }

    @Test
    void startAndStopOfTheEmbeddedBrokerAreNotApplicable() {
        Gcctl.Run r = gcctl("start", "broker");
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_APPLICABLE);
        assertThat(r.err().strip()).startsWith("gcctl: the broker is embedded in the connector").doesNotContain("\n");
    }

    @Test
    void anExternalBrokerIsNeitherStartedNorStoppedButPinged() throws Exception {
        Path file = home.resolve("external.yaml");
        Files.writeString(file, "acd:\n  type: test-acd\nbroker:\n  embedded: false\n  url: tcp://127.0.0.1:"
                + MessagingCommandsTest.freePort() + "\n");
        Gcctl.Run stop = gcctl("stop", "broker", "--config", file.toString());
        assertThat(stop.code()).isEqualTo(ExitCodes.NOT_APPLICABLE);
        assertThat(stop.err()).contains("is external");
        Gcctl.Run status = gcctl("status", "broker", "--config", file.toString());
        assertThat(status.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(status.out()).contains("broker: UNREACHABLE, external at tcp://127.0.0.1:");
    }

    @Test
    void adminCommandsWithoutARunningConnectorExitFive() {
        for (String command : new String[] {"agents", "destinations"}) {
            Gcctl.Run r = gcctl(command);
            assertThat(r.code()).as(command).isEqualTo(ExitCodes.ADMIN_UNREACHABLE);
            assertThat(r.err()).as(command).startsWith("gcctl: the connector is not running (no admin token file");
        }
        assertThat(gcctl("logs", "--level", "DEBUG").code()).isEqualTo(ExitCodes.ADMIN_UNREACHABLE);
    }

    @Test
    void theBrokerUrlDefaultsToTheInstallationsBroker() throws Exception {
        int port = MessagingCommandsTest.freePort();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/connector.yaml"), "acd:\n  type: test-acd\nbroker:\n  port: " + port + "\n");
        Gcctl.Run r = gcctl("health", "--timeout", "200ms");
        assertThat(r.code()).isEqualTo(ExitCodes.BROKER_UNREACHABLE);
        assertThat(r.err()).contains("cannot reach the broker at tcp://127.0.0.1:" + port);
    }

    @Test
    void stopWhenNothingRunsIsFine() {
        Gcctl.Run r = gcctl("stop");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("not running");
    }

    @Test
    void startWithoutAnInstallationSaysWhatIsMissing() {
        Gcctl.Run r = gcctl("start", "connector");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("bin/generic-connector is missing");
    }

    @Test
    void versionPrintsTheInstallationsVersionFile() throws Exception {
        Files.writeString(home.resolve("VERSION"), "9.8.7\n");
        Gcctl.Run r = gcctl("version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("gcctl 9.8.7").contains("java ").contains("connector: not running");
    }
}
