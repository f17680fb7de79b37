package org.genericconnector.protocol.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AdapterConfigTest {
    private final AdapterConfig config = new AdapterConfig(Map.of(
            "nodes.primary.url", "https://fin-a:8445", "timeout", "500ms", "retry", "PT2S", "limit", "20",
            "tls.verify", "yes", "nodes.primary.password", "hunter2", "trust-store", "certs/ts.p12"), Path.of("/etc/gc"));

    @Test
    void readsTypedSettingsWithFallbacks() {
        assertThat(config.require("nodes.primary.url")).isEqualTo("https://fin-a:8445");
        assertThat(config.getDuration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.getDuration("retry", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.getDuration("absent", Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.getInt("limit", 1)).isEqualTo(20);
        assertThat(config.getLong("limit", 1)).isEqualTo(20L);
        assertThat(config.getBoolean("tls.verify", false)).isTrue();
        assertThat(config.getPath("trust-store")).contains(Path.of("/etc/gc/certs/ts.p12"));
    }

    @Test
    void badValuesNameTheirKey() {
        AdapterConfig bad = new AdapterConfig(Map.of("limit", "many", "timeout", "soon", "tls.verify", "perhaps"), Path.of("."));
        assertThatThrownBy(() -> bad.getInt("limit", 1)).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> bad.getDuration("timeout", Duration.ZERO)).hasMessageContaining("'timeout'");
        assertThatThrownBy(() -> bad.getBoolean("tls.verify", true)).hasMessageContaining("'tls.verify'");
        assertThatThrownBy(() -> bad.require("absent")).hasMessageContaining("'absent'");
    }

    @Test
    void secretsAreMaskedWhenPrinted() {
        assertThat(config.toString()).doesNotContain("hunter2").contains("nodes.primary.password=****");
    }
}
