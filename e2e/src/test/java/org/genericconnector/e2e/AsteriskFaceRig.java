package org.genericconnector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.asterisk.adapter.AgentPasswordHashes;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.simulator.ami.AmiFace;
import org.genericconnector.simulator.ami.AmiFaceOptions;
import org.genericconnector.simulator.ami.AmiUser;

/**
 * The simulator's AMI face (loopback TCP, free port, simulated time so that nothing rings out by itself) and a
 * connector daemon driving it through the Asterisk adapter, with an agents file written for the test: agent 1xxx
 * on PJSIP/5xxx in queue sales, team 10, password pw-&lt;id&gt;, hashed by the adapter's own class.
 */
final class AsteriskFaceRig implements AutoCloseable {
    private static final String AMI_USER = "gc";
    private static final String AMI_SECRET = "e2e-ami-secret";

    /** One agent of the file and its wrap-up. */
    record FileAgent(String id, String wrapUpMode, String wrapUpTime) {
    }

    final AmiFace face;
    final DaemonFixture fixture;
    private final Path confDir;

    private AsteriskFaceRig(AmiFace face, DaemonFixture fixture, Path confDir) {
        this.face = face;
        this.fixture = fixture;
        this.confDir = confDir;
    }

    /** Starts both and waits for the adapter's first AMI login and resync; {@code settings} are acd.asterisk.* keys. */
    static AsteriskFaceRig start(List<FileAgent> agents, Map<String, String> settings) throws Exception {
        AmiFace face = AmiFace.start(AmiFaceOptions.defaults().withPort(0).withSimulatedTime(true)
                .withAuthFailureDelay(Duration.ofMillis(100)).withUsers(List.of(AmiUser.fullAccess(AMI_USER, AMI_SECRET))));
        Path confDir = Files.createTempDirectory("gc-e2e-asterisk");
        Path file = confDir.resolve("asterisk-agents.yaml");
        Files.writeString(file, agentsFile(agents));
        Map<String, String> all = new HashMap<>(Map.of(
                "acd.asterisk.host", "127.0.0.1",
                "acd.asterisk.port", Integer.toString(face.port()),
                "acd.asterisk.username", AMI_USER,
                "acd.asterisk.secret", AMI_SECRET,
                "acd.asterisk.agents-file", file.toString()));
        settings.forEach((k, v) -> all.put("acd.asterisk." + k, v));
        DaemonFixture fixture = new DaemonFixture("asterisk", all);
        long end = System.nanoTime() + Await.TIMEOUT.toNanos();
        while (fixture.daemon.linkStatus() != LinkStatus.IN_SERVICE) { // the first AMI login and resync
            assertThat(System.nanoTime()).as("the AMI link in service within " + Await.TIMEOUT).isLessThan(end);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polled condition
        }
        return new AsteriskFaceRig(face, fixture, confDir);
    }

    static String password(String agent) {
        return "pw-" + agent;
    }

    static String extension(String agent) {
        return "5" + agent.substring(1);
    }

    /** A control-topic command to the face's contact center; it must be answered OK. */
    String control(String line) {
        String reply = face.control().handle(line);
        assertThat(reply).as(line).startsWith("OK");
        return reply;
    }

    @Override
    public void close() throws Exception {
        fixture.close();
        face.close();
        try (var files = Files.list(confDir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(confDir);
    }

    private static String agentsFile(List<FileAgent> agents) {
        StringBuilder y = new StringBuilder("agents:\n");
        for (FileAgent a : agents) {
            String hash = AgentPasswordHashes.hash(password(a.id()));
            assertThat(AgentPasswordHashes.verify(hash, password(a.id()))).isTrue();
            y.append("  \"").append(a.id()).append("\":\n")
                    .append("    loginName: agent").append(a.id()).append('\n')
                    .append("    firstName: Agent\n")
                    .append("    lastName: A").append(a.id()).append('\n')
                    .append("    passwordHash: \"").append(hash).append("\"\n")
                    .append("    extension: \"").append(extension(a.id())).append("\"\n")
                    .append("    interface: PJSIP/").append(extension(a.id())).append('\n')
                    .append("    queues: [sales]\n")
                    .append("    team: \"10\"\n")
                    .append("    role: agent\n")
                    .append("    wrapUpMode: ").append(a.wrapUpMode()).append('\n')
                    .append("    wrapUpTime: ").append(a.wrapUpTime()).append('\n');
        }
        y.append("""
                teams:
                  - {id: "10", name: Sales}
                reasonCodes:
                  notReady:
                    - {code: "1", label: Break}
                    - {code: "2", label: Lunch}
                  logout:
                    - {code: "11", label: End of shift}
                wrapUpReasons:
                  - {code: "21", label: Sale}
                phoneBooks:
                  - name: global
                    teams: []
                    entries:
                      - {firstName: Help, lastName: Desk, number: "7100"}
                """);
        return y.toString();
    }
}
