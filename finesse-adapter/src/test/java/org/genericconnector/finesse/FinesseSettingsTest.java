package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

import org.genericconnector.finesse.xml.FinesseNode;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.Test;

/** Configuration keys: declared once, described, validated in one pass; the factory found by ServiceLoader. */
class FinesseSettingsTest {

    private static AdapterConfig config(Map<String, String> settings) {
        return new AdapterConfig(settings, Path.of("."));
    }

    @Test
    void everyKeyHasADescription() {
        assertThat(FinesseSettings.KEYS).allSatisfy(k -> assertThat(k.description()).isNotBlank());
        assertThat(FinesseSettings.KEYS).extracting(FinesseSettings.Key::name).doesNotHaveDuplicates();
    }

    @Test
    void defaultsNeedOnlyThePrimaryNode() {
        FinesseSettings s = FinesseSettings.from(config(Map.of("nodes.primary.url", "https://fin-a.example.com:8445")));
        assertThat(s.primaryUrl().getHost()).isEqualTo("fin-a.example.com");
        assertThat(s.secondaryUrl()).isEmpty();
        assertThat(s.xmppPort()).isEmpty();
        assertThat(s.xmppPortFor(null, "finesse.test")).isEqualTo(5222);
        assertThat(s.xmppSecurity()).isEqualTo("if-possible");
        assertThat(s.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.maxConcurrent()).isEqualTo(64);
        assertThat(s.deploymentType()).isEmpty();
    }

    private static SystemInfo systemInfo(FinesseNode primary, FinesseNode secondary) {
        return new SystemInfo("", null, "", "UCCE", "", "", "fin-a.example.com", "pubsub.fin-a.example.com", primary, secondary,
                "", "", "");
    }

    @Test
    void directTlsUsesTheSecurePortSystemInfoNamesElse5223AndAGivenPortFirst() {
        FinesseSettings s = FinesseSettings.from(config(Map.of("nodes.primary.url", "https://fin-a.example.com:8445",
                "xmpp.security", " Direct-TLS ")));
        assertThat(s.xmppSecurity()).isEqualTo(FinesseSettings.DIRECT_TLS);
        SystemInfo info = systemInfo(new FinesseNode("fin-b.example.com", "8445", "5222", "5333"),
                new FinesseNode("fin-a.example.com", "8445", "5222", "5323"));
        assertThat(s.xmppPortFor(info, "fin-a.example.com")).isEqualTo(5323); // the entry of this node
        assertThat(s.xmppPortFor(systemInfo(new FinesseNode("fin-a.example.com", "", "", ""), FinesseNode.NONE),
                "fin-a.example.com")).isEqualTo(5223); // before 12.6(2): no ports in SystemInfo
        assertThat(s.xmppPortFor(null, "fin-a.example.com")).isEqualTo(5223);

        FinesseSettings given = FinesseSettings.from(config(Map.of("nodes.primary.url", "https://fin-a.example.com:8445",
                "xmpp.security", "direct-tls", "xmpp.port", "7223")));
        assertThat(given.xmppPortFor(info, "fin-a.example.com")).isEqualTo(7223);
    }

    @Test
    void withoutDirectTlsSystemInfosClientPortWinsElseTheSetting() {
        SystemInfo info = systemInfo(new FinesseNode("fin-a.example.com", "8445", "5322", "5323"), FinesseNode.NONE);
        FinesseSettings required = FinesseSettings.from(config(Map.of("nodes.primary.url", "https://fin-a.example.com:8445",
                "xmpp.security", "required", "xmpp.port", "6222")));
        assertThat(required.xmppPortFor(info, "fin-a.example.com")).isEqualTo(5322);
        assertThat(required.xmppPortFor(null, "fin-a.example.com")).isEqualTo(6222);
    }

    @Test
    void anUnknownSecurityOrABadPortIsRefused() {
        assertThatThrownBy(() -> FinesseSettings.from(config(Map.of("nodes.primary.url", "https://fin-a.example.com:8445",
                "xmpp.security", "tls", "xmpp.port", "70000"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.security").hasMessageContaining("direct-tls").hasMessageContaining("xmpp.port");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> FinesseSettings.from(config(Map.of("nodes.secondary.url", "ftp://x", "xmpp.resource", "desktop",
                "http.max-concurrent", "0", "deployment-type", "PCCE", "bogus", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodes.primary.url").hasMessageContaining("nodes.secondary.url")
                .hasMessageContaining("xmpp.resource").hasMessageContaining("http.max-concurrent")
                .hasMessageContaining("deployment-type").hasMessageContaining("bogus");
    }

    @Test
    void theFactoryIsFoundByName() {
        assertThat(ServiceLoader.load(AcdAdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .map(AcdAdapterFactory::name)).contains("finesse");
    }

    @Test
    void secretsAreMaskedWhenTheConfigurationIsShown() {
        AdapterConfig c = config(Map.of("nodes.primary.url", "https://a", "system.password", "pw-123", "tls.trust-store-password", "tp-9"));
        assertThat(c.toString()).doesNotContain("pw-123").doesNotContain("tp-9");
    }

    @Test
    void theDeploymentPageListsEveryKey() throws Exception {
        String page = java.nio.file.Files.readString(Path.of("..", "docs", "FINESSE.md"));
        assertThat(FinesseSettings.KEYS).allSatisfy(k -> assertThat(page).contains("| `" + k.name() + "` |"));
    }
}
