package org.genericconnector.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigKeysTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void everyKeyHasANameTypeAndDescriptionAndNoNameIsDeclaredTwice() {
        Set<String> names = new HashSet<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(key.description()).as("description of " + key).isNotBlank().endsWith(".");
            assertThat(key.type()).as("type of " + key).isNotBlank();
            assertThat(key.defaultValue()).as("default of " + key).isNotNull();
            assertThat(names.add(key.name())).as("declared twice: " + key).isTrue();
        }
    }

    @Test
    void theConfigurationReferenceIsUpToDate() throws IOException {
        Path doc = REPO.resolve("docs/CONFIGURATION.md");
        if (Boolean.getBoolean("gc.writeDocs")) {
            Files.writeString(doc, ConfigReference.markdown());
        }
        assertThat(Files.readString(doc))
                .as("docs/CONFIGURATION.md is generated: run the build with -Dgc.writeDocs=true -Dtest=ConfigKeysTest")
                .isEqualTo(ConfigReference.markdown());
    }

    @Test
    void theShippedConnectorYamlIsValidAndSetsEveryDeclaredKey() throws Exception {
        Path yaml = REPO.resolve("conf/connector.yaml");
        ConnectorConfig config = ConfigLoader.load(yaml, Map.of());
        assertThat(config.get(ConfigKeys.ACD_TYPE)).isEqualTo("sandbox");
        String text = Files.readString(yaml);
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            String leaf = key.name().substring(key.name().lastIndexOf('.') + 1);
            assertThat(text).as("conf/connector.yaml mentions " + key).contains(leaf + ":");
        }
    }

    @Test
    void anUnknownKeyAndABadValueAreBothReportedWithTheKeyAndTheFile() throws IOException {
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, "broker:\n  prot: 1\n  port: many\nsessions:\n  destination-expiry: soon\n");
        assertThatThrownBy(() -> ConfigLoader.load(yaml, Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("unknown key 'broker.prot' in " + yaml)
                .hasMessageContaining("key 'broker.port' in " + yaml + " must be a whole number")
                .hasMessageContaining("key 'sessions.destination-expiry' in " + yaml);
    }

    @Test
    void environmentVariablesOverrideKeysAndFillPlaceholders() throws Exception {
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, "broker:\n  user: ${GC_TEST_USER}\n  password: secret-in-file\nacd:\n  type: sandbox\n"
                + "  sandbox:\n    seed: ${SEED:7}\n  finesse:\n    url: http://ignored\n");
        ConnectorConfig config = ConfigLoader.load(yaml, Map.of("GC_TEST_USER", "gc", "GC_BROKER_PASSWORD", "from-env",
                "GC_SESSIONS_DESTINATION_EXPIRY", "2m"));
        assertThat(config.get(ConfigKeys.BROKER_USER)).isEqualTo("gc");
        assertThat(config.get(ConfigKeys.BROKER_PASSWORD)).isEqualTo("from-env");
        assertThat(config.get(ConfigKeys.DESTINATION_EXPIRY)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.adapterConfig().get("seed")).contains("7");
        assertThat(config.adapterConfig().asMap()).doesNotContainKey("url");
        assertThat(config.toString()).doesNotContain("from-env");
    }

    @Test
    void aMissingEnvironmentVariableIsReported() throws IOException {
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, "broker:\n  password: ${GC_NOT_SET_ANYWHERE}\n");
        assertThatThrownBy(() -> ConfigLoader.load(yaml, Map.of()))
                .hasMessageContaining("broker.password").hasMessageContaining("GC_NOT_SET_ANYWHERE");
    }
}
