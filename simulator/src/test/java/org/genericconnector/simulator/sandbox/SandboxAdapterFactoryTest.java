package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory as the connector finds it, and its settings. */
class SandboxAdapterFactoryTest {

    @TempDir
    Path dir;

    @Test
    void theConnectorFindsTheSandboxThroughServiceLoader() {
        AcdAdapterFactory factory = ServiceLoader.load(AcdAdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("sandbox")).findFirst().orElseThrow();
        try (AcdAdapter adapter = factory.create(new AdapterConfig(Map.of("simulated-time", "true"), dir))) {
            assertThat(adapter.scenarioControl()).isPresent();
            assertThat(adapter.scenarioControl().orElseThrow().handle("status"))
                    .startsWith("OK time=2026-01-05T08:00:00Z agents=22 logged-in=0 ready=0");
        }
    }

    @Test
    void withoutAPopulationFileThePackagedCopyIsUsed() {
        try (AcdAdapter adapter = new SandboxAdapterFactory().create(AdapterConfig.empty())) {
            assertThat(((SandboxAdapter) adapter).contactCenter().directory().agents()).hasSize(22);
        }
    }

    @Test
    void aPopulationFileIsReadRelativeToTheConfigFolder() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), """
                teams: [{id: "1", name: Only}]
                queues: [{name: Q, teams: ["1"]}]
                agents:
                  - {id: "7", loginName: a, firstName: A, lastName: B, password: sample, extension: "700", team: "1"}
                """);
        try (AcdAdapter adapter = new SandboxAdapterFactory().create(new AdapterConfig(Map.of("population", "small.yaml"), dir))) {
            assertThat(((SandboxAdapter) adapter).contactCenter().directory().agents()).hasSize(1);
        }
    }

    @Test
    void sandbox_yamlBesideTheConnectorConfigurationIsTheDefault() throws IOException {
        // The base folder is the one connector.yaml lives in (conf/), so the default sits beside it.
        Files.copy(Path.of("../conf/sandbox.yaml"), dir.resolve("sandbox.yaml"));
        SandboxSettings settings = SandboxSettings.from(new AdapterConfig(Map.of(), dir));
        assertThat(settings.population()).contains(dir.resolve("sandbox.yaml"));
    }

    @Test
    void badSettingsAreReportedByName() {
        assertThatThrownBy(() -> SandboxSettings.from(new AdapterConfig(Map.of("licence-limit", "3"), dir)))
                .hasMessageContaining("licence-limit");
        assertThatThrownBy(() -> SandboxSettings.from(new AdapterConfig(Map.of("license-limit", "many"), dir)))
                .hasMessageContaining("license-limit");
        assertThatThrownBy(() -> SandboxSettings.from(new AdapterConfig(Map.of("seed", "x"), dir))).hasMessageContaining("seed");
        assertThatThrownBy(() -> SandboxSettings.from(new AdapterConfig(Map.of("ring-timeout", "soon"), dir)))
                .hasMessageContaining("ring-timeout");
        assertThatThrownBy(() -> SandboxSettings.from(new AdapterConfig(Map.of("population", "missing.yaml"), dir)))
                .hasMessageContaining("population");
    }

    @Test
    void everySettingIsDescribed() {
        assertThat(SandboxSettings.KEYS).allSatisfy(key -> {
            assertThat(key.description()).isNotBlank();
            assertThat(key.defaultValue()).isNotBlank();
        });
    }
}
