package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The standalone process's options: no usable default secret, the rest parsed as documented. */
class AmiFaceMainTest {
    @Test
    void aSecretIsRequired() {
        assertThatThrownBy(() -> AmiFaceMain.parse(new String[] {"--port", "5038"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AMI_SECRET");
    }

    @Test
    void theSecretMayComeFromTheEnvironment() {
        AmiFaceMain.Options options = AmiFaceMain.parse(new String[] {"--user", "admin"}, Map.of("AMI_SECRET", "s3cret"));
        assertThat(options.options().users()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("admin");
            assertThat(u.secret()).isEqualTo("s3cret");
        });
        assertThat(options.options().port()).isEqualTo(5038);
        assertThat(options.controlPort()).isEqualTo(-1);
    }

    @Test
    void everyOptionIsParsed() {
        AmiFaceMain.Options options = AmiFaceMain.parse(new String[] {"--port", "0", "--bind", "127.0.0.1", "--secret", "x",
                "--population", "conf/sandbox.yaml", "--seed", "7", "--ring-timeout", "20s", "--simulated-time",
                "--control-port", "5039", "--readonly-user", "ro", "--channelvars", "GC_CV1,GC_CV2"}, Map.of());
        assertThat(options.options().port()).isZero();
        assertThat(options.options().population()).contains(Path.of("conf/sandbox.yaml"));
        assertThat(options.options().seed()).isEqualTo(7);
        assertThat(options.options().ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.options().simulatedTime()).isTrue();
        assertThat(options.options().users()).extracting(AmiUser::name).containsExactly("cti", "ro");
        assertThat(options.controlPort()).isEqualTo(5039);
        assertThat(options.options().channelVars()).containsExactly("GC_CV1", "GC_CV2");
    }

    @Test
    void unknownOptionsAndBadNumbersAreRejected() {
        assertThatThrownBy(() -> AmiFaceMain.parse(new String[] {"--secret", "x", "--bogus", "1"}, Map.of()))
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> AmiFaceMain.parse(new String[] {"--secret", "x", "--port", "abc"}, Map.of()))
                .hasMessageContaining("--port");
    }

    @Test
    void aUsersSecretNeverShowsInItsText() {
        assertThat(AmiUser.fullAccess("cti", "s3cret").toString()).doesNotContain("s3cret");
    }
}
