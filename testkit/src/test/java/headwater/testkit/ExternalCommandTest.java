package headwater.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalCommandTest {

    @Test
    void capturesBothStreamsWithoutAShell() {
        CommandResult result = ExternalCommand.run(
                List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderrLines()).containsExactly("err");
        assertThatThrownBy(result::orThrow).hasMessageContaining("exited with 3").hasMessageContaining("err");
    }

    @Test
    void argumentsAreNotInterpretedByAShell() {
        CommandResult result = ExternalCommand.run(List.of("echo", "$HOME; rm -rf x"), Duration.ofSeconds(10));

        assertThat(result.orThrow().stdout()).isEqualTo("$HOME; rm -rf x\n");
    }

    @Test
    void killsAProcessThatOutlivesItsTimeout() {
        assertThatThrownBy(() -> ExternalCommand.run(List.of("sleep", "30"), Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish within PT0.2S");
    }
}
