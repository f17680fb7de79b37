package org.genericconnector.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.WrapUpPolicy;
import org.junit.jupiter.api.Test;

class PopulationLoaderTest {
    private final PopulationLoader loader = new PopulationLoader();

    @Test
    void theDefaultPopulationIsRealistic() {
        Directory directory = DirectoryBuilder.build(loader.load(Path.of("../conf/sandbox.yaml")));
        assertThat(directory.teams()).hasSize(2);
        assertThat(directory.agents()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(directory.agents().stream().filter(Directory.AgentProfile::isSupervisor))
                .extracting(a -> a.supervisedTeamIds().get(0)).containsExactly("10", "20");
        assertThat(directory.queues()).hasSize(3);
        assertThat(directory.notReadyReasons()).isNotEmpty();
        assertThat(directory.logoutReasons()).isNotEmpty();
        assertThat(directory.wrapUpReasons()).isNotEmpty();
        assertThat(directory.phonebooks()).anyMatch(Directory.Phonebook::global).anyMatch(p -> !p.global());
        assertThat(directory.campaigns()).hasSize(1);
        assertThat(directory.agents()).extracting(Directory.AgentProfile::wrapUpPolicy).contains(WrapUpPolicy.values());
    }

    @Test
    void thePackagedCopyIsTheSameFile() throws Exception {
        assertThat(loader.loadDefault()).isEqualTo(loader.load(Path.of("../conf/sandbox.yaml")));
    }

    @Test
    void anUnknownKeyIsNamedWithWhereItIs() {
        assertThatThrownBy(() -> read("""
                teams: [{id: "1", name: A, colour: red}]
                """)).hasMessageContaining("unknown key 'colour'").hasMessageContaining("teams[0]")
                .hasMessageContaining("known keys there: id, name");
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        assertThatThrownBy(() -> read("""
                teams: [{id: "1", name: A}]
                queues: [{name: Q, teams: ["9"]}]
                agents:
                  - {id: "7", loginName: a, firstName: A, lastName: B, password: p, extension: "70x", team: "2", wrapUpMode: SOMETIMES}
                  - {id: "7", loginName: b, firstName: C, lastName: D, extension: "701", team: "1", role: agent, supervisedTeams: ["1"]}
                """))
                .hasMessageContaining("queues[0].teams: no team with id '9'")
                .hasMessageContaining("agents[1]: '7' appears twice")
                .hasMessageContaining("agents[0].extension: must be digits")
                .hasMessageContaining("agents[0].team: no team with id '2'")
                .hasMessageContaining("agents[0].wrapUpMode: must be one of")
                .hasMessageContaining("agents[1].password: missing")
                .hasMessageContaining("agents[1].supervisedTeams: only a supervisor supervises teams");
    }

    @Test
    void aBadValueTypeIsReported() {
        assertThatThrownBy(() -> read("teams: 5\n")).hasMessageContaining("bad value at 'teams'");
    }

    @Test
    void passwordsDoNotShowInToString() {
        PopulationFile file = loader.loadDefault();
        assertThat(file.agents().get(0).toString()).doesNotContain("sample-").contains("****");
        assertThat(DirectoryBuilder.build(file).agents().get(0).toString()).doesNotContain("sample-");
    }

    private PopulationFile read(String yaml) throws Exception {
        return loader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
