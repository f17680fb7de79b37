package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

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
        assertThat(s.xmppPort()).isEqualTo(5222);
        assertThat(s.xmppSecurity()).isEqualTo("if-possible");
        assertThat(s.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.maxConcurrent()).isEqualTo(64);
        assertThat(s.deploymentType()).isEmpty();
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
