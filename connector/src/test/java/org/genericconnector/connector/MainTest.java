package org.genericconnector.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownKeyStopsStartUpWithExitCode2NamingTheKeyAndTheFile() throws Exception {
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, "acd:\n  type: sandbox\ncommands:\n  topik: x\n");
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Main.run(yaml));
        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("unknown key 'commands.topik'").contains(yaml.toString());
    }

    @Test
    void aMissingConfigurationFileIsReported() {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Main.run(dir.resolve("absent.yaml")));
        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("absent.yaml").contains("--config");
    }
}
