package org.genericconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.genericconnector.simulator.config.PopulationFile;
import org.genericconnector.simulator.config.PopulationLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationTest {
    @Test
    void aGeneratedPopulationLoadsInTheSandboxFormat(@TempDir Path dir) throws Exception {
        Population p = new Population(2500);
        PopulationFile file = new PopulationLoader().load(p.write(dir.resolve("population.yaml")));
        assertThat(file.agents()).hasSize(2500);
        assertThat(file.teams()).hasSize(3);
        assertThat(file.agents().get(2499).id()).isEqualTo(p.agentId(2499));
        assertThat(Files.size(dir.resolve("population.yaml"))).isPositive();
    }
}
