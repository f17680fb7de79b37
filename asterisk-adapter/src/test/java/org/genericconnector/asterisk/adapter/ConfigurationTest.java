package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.genericconnector.asterisk.ami.AmiAuthType;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.Test;

/** The agents file, the password hashes, the settings and the ServiceLoader registration. */
class ConfigurationTest {

    private static AgentDirectory parse(String yaml) {
        return AgentDirectory.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static final String HASH = PasswordHashes.hash("secret-1", new byte[16], 100_000);

    @Test
    void theShippedExampleFileLoads() {
        Path example = Path.of("..", "conf", "asterisk-agents.yaml");
        AgentDirectory d = AgentDirectory.load(example);
        assertThat(d.agents()).extracting(AgentDirectory.Agent::id).containsExactly("3001", "3002", "3900");
        AgentDirectory.Agent jane = d.agent("3001").orElseThrow();
        assertThat(jane.iface()).isEqualTo("PJSIP/7001");
        assertThat(jane.queues()).extracting(AgentDirectory.QueueMembership::name).containsExactly("sales", "vip");
        assertThat(jane.queues().get(1).penalty()).isEqualTo(1);
        assertThat(jane.wrapUpTime()).hasSeconds(30);
        assertThat(d.agent("3900").orElseThrow().supervisor()).isTrue();
        assertThat(d.phoneBooksFor("support-team")).extracting(AgentDirectory.PhoneBook::name).containsExactly("global");
        assertThat(d.phoneBooksFor("sales-team")).extracting(AgentDirectory.PhoneBook::name).containsExactly("global", "sales-partners");
        assertThat(d.notReadyReasons()).hasSize(3);
        assertThat(d.queues()).containsExactly("sales", "vip", "support");
    }

    @Test
    void hashesInGcctlsFormatVerifyInConstantTime() {
        assertThat(PasswordHashes.verify(HASH, "secret-1")).isTrue();
        assertThat(PasswordHashes.verify(HASH, "secret-2")).isFalse();
        assertThat(PasswordHashes.verify("plain-text", "plain-text")).isFalse();
        assertThat(PasswordHashes.verify(HASH.replace("$100000$", "$1000$"), "secret-1")).isFalse(); // too few iterations
        assertThat(PasswordHashes.isWellFormed("pbkdf2-sha256$310000$JO0iFF1SqdwMhW5Rj47SvQ$0T2CrMbNqrcVDYgcBw9te27LwMrYHLAJ2aefrZUgiKQ")).isTrue();
        assertThat(PasswordHashes.isWellFormed("md5$1$a$b")).isFalse();
    }

    @Test
    void aPlainPasswordOrAMissingFieldIsRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> parse("""
                agents:
                  "1": {passwordHash: "hunter2", extension: "7001", interface: PJSIP/7001, queues: [q]}
                """)).hasMessageContaining("agents.1.passwordHash").hasMessageContaining("gcctl hash-password");
        assertThatThrownBy(() -> parse("""
                agents:
                  "1": {passwordHash: "%s", interface: PJSIP/7001}
                """.formatted(HASH))).hasMessageContaining("agents.1.extension: missing");
    }

    @Test
    void unknownKeysTeamsAndDuplicatesAreReportedTogether() {
        assertThatThrownBy(() -> parse("""
                agents:
                  "1": {passwordHash: "%1$s", extension: "7001", interface: PJSIP/7001, team: nope, colour: red}
                  "2": {passwordHash: "%1$s", extension: "7001", interface: pjsip/7001, wrapUpMode: SOMETIMES}
                extra: 1
                """.formatted(HASH)))
                .hasMessageContaining("agents.1.colour: unknown key")
                .hasMessageContaining("agents.1.team: no team nope")
                .hasMessageContaining("extra: unknown key")
                .hasMessageContaining("agents.2.extension: 7001 is also agent 1's")
                .hasMessageContaining("agents.2.interface")
                .hasMessageContaining("agents.2.wrapUpMode");
    }

    @Test
    void channelsBelongToTheirAgent() {
        AgentDirectory d = parse("""
                agents:
                  "1": {passwordHash: "%1$s", extension: "7001", interface: PJSIP/7001, queues: [q], wrapUpMode: REQUIRED}
                  "2": {passwordHash: "%1$s", extension: "1001", interface: Local/1001@agents/n, queues: [q]}
                """.formatted(HASH));
        assertThat(d.ownerOfChannel("PJSIP/7001-0000000a")).map(AgentDirectory.Agent::id).contains("1");
        assertThat(d.ownerOfChannel("PJSIP/70011-0000000a")).isEmpty();
        assertThat(d.ownerOfChannel("Local/1001@agents-00000001;1")).map(AgentDirectory.Agent::id).contains("2");
        assertThat(d.ownerOfChannel("Local/1001@agents-00000001;2")).isEmpty(); // the handset half
        assertThat(d.agent("1").orElseThrow().pjsipEndpoint()).contains("7001");
        assertThat(d.agent("2").orElseThrow().pjsipEndpoint()).isEmpty();
        assertThat(d.agent("1").orElseThrow().wrapUpMode()).isEqualTo(WrapUpMode.REQUIRED);
    }

    @Test
    void settingsWithDefaultsAndErrorsNamingTheKey(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Map<String, String> m = new HashMap<>(Map.of("host", "pbx", "username", "cti", "secret", "s3cret"));
        AsteriskSettings s = AsteriskSettings.from(new AdapterConfig(m, dir));
        assertThat(s.port()).isEqualTo(5038);
        assertThat(s.authType()).isEqualTo(AmiAuthType.MD5);
        assertThat(s.agentsFile()).isEqualTo(dir.resolve("asterisk-agents.yaml"));
        assertThat(s.answerStrategy()).isEqualTo(AsteriskSettings.AnswerStrategy.NONE);
        assertThat(s.callVariableNames()).hasSize(10).startsWith("callVariable1");
        assertThat(s.callVariables()).containsEntry("callVariable3", "GC_CV3");
        assertThat(s.toString()).doesNotContain("s3cret");

        m.put("colour", "red");
        assertThatThrownBy(() -> AsteriskSettings.from(new AdapterConfig(m, dir))).hasMessageContaining("colour");
        m.remove("colour");
        m.put("hold-strategy", "park"); // AMI Park hangs the agent's leg up (capture f4 H3): not a hold strategy here
        assertThatThrownBy(() -> AsteriskSettings.from(new AdapterConfig(m, dir))).hasMessageContaining("hold-strategy")
                .hasMessageContaining("redirect");
        m.put("hold-strategy", "redirect");
        AsteriskSettings redirect = AsteriskSettings.from(new AdapterConfig(m, dir));
        assertThat(redirect.holdStrategy()).isEqualTo(AsteriskSettings.HoldStrategy.REDIRECT);
        assertThat(redirect.holdRedirect()).isEqualTo(new AsteriskSettings.Redirect("gc-hold", "hold", "wait"));
        m.put("redirect.wait-exten", "wait here");
        assertThatThrownBy(() -> AsteriskSettings.from(new AdapterConfig(m, dir))).hasMessageContaining("redirect.wait-exten");
        m.remove("redirect.wait-exten");
        m.put("hold-strategy", "notify");
        m.put("call-variables", "callVariable1:__BAD");
        assertThatThrownBy(() -> AsteriskSettings.from(new AdapterConfig(m, dir))).hasMessageContaining("call-variables");
        m.remove("username");
        m.put("call-variables", "callVariable1:GOOD");
        assertThatThrownBy(() -> AsteriskSettings.from(new AdapterConfig(m, dir))).hasMessageContaining("username");
    }

    @Test
    void registeredForServiceLoaderAsAsterisk(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        AcdAdapterFactory factory = ServiceLoader.load(AcdAdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("asterisk")).findFirst().orElseThrow();
        Files.copy(Path.of("..", "conf", "asterisk-agents.yaml"), dir.resolve("agents.yaml"));
        var adapter = factory.create(new AdapterConfig(Map.of("host", "127.0.0.1", "port", "1", "username", "u", "secret", "s",
                "agents-file", "agents.yaml"), dir));
        try {
            assertThat(adapter.linkStatus()).isEqualTo(org.genericconnector.protocol.LinkStatus.OUT_OF_SERVICE);
            assertThat(adapter.snapshot("3001")).hasSize(2);
            assertThat(adapter.snapshot("nobody")).isEmpty();
            // answer-strategy and hold-strategy default to none: the connector answers these UNSUPPORTED_COMMAND
            assertThat(adapter.supportedCommands()).doesNotContain(org.genericconnector.protocol.command.CommandName.ANSWER_CALL,
                    org.genericconnector.protocol.command.CommandName.HOLD_CALL, org.genericconnector.protocol.command.CommandName.RETRIEVE_CALL);
        } finally {
            adapter.close();
        }
        assertThatThrownBy(() -> factory.create(new AdapterConfig(Map.of("host", "h", "username", "u", "secret", "s",
                "agents-file", "missing.yaml"), dir))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.yaml");
    }
}
