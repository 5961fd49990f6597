package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.Main;
import headwater.app.wiring.DataDirLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: texts, exit codes, and one-line failures without stack traces. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void help_lists_the_commands_and_exits_0() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out.toString())
                .contains("Usage: headwater [-hV] [COMMAND]")
                .contains("serve", "demo", "HEADWATER_SERVER_PORT", "headwater.example.yml");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void serve_help_names_every_option() {
        assertThat(run(Map.of(), "serve", "--help")).isZero();

        assertThat(out.toString()).contains("--config=FILE", "--host=HOST", "--port=PORT", "--data-dir=DIR");
    }

    @Test
    void demo_help_names_its_options() {
        assertThat(run(Map.of(), "help", "demo")).isZero();

        assertThat(out.toString()).contains("Usage: headwater demo", "--port=PORT", "--data-dir=DIR", "Ctrl-C");
    }

    @Test
    void version_names_the_build() {
        assertThat(run(Map.of(), "--version")).isZero();

        // Run from classes there is no jar manifest; the launcher's jar carries Implementation-Version.
        assertThat(out.toString()).startsWith("headwater " + ManifestVersion.version() + System.lineSeparator());
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_exit_code_2() {
        assertThat(run(Map.of(), "serve", "--prot", "9000")).isEqualTo(2);

        assertThat(err.toString()).startsWith("Unknown options: '--prot', '9000'").contains("Usage: headwater serve");
    }

    @Test
    void a_port_that_is_not_a_number_is_a_usage_error() {
        assertThat(run(Map.of(), "demo", "--port", "http")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value for option '--port': 'http' is not an int");
    }

    @Test
    void no_command_shows_the_usage_with_exit_code_2() {
        assertThat(run(Map.of())).isEqualTo(2);

        assertThat(err.toString()).startsWith("headwater: a command is missing").contains("Commands:");
    }

    @Test
    void a_bad_configuration_fails_with_exit_code_1_and_messages_but_no_stack_trace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yml"), """
                server:
                  prot: 8080
                hls:
                  targetDuration: 45s
                """);

        int code = run(Map.of("HEADWATER_HEALTH_BACKOFF_MAX", "1x"), "serve", "--config", file.toString(), "--port", "70000");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(String.join(System.lineSeparator(),
                "headwater: invalid configuration:",
                "  " + file + ":2: unknown key 'server.prot'; did you mean 'server.port'?",
                "  --port: server.port must be between 0 and 65535, got 70000",
                "  " + file + ":4: hls.targetDuration must be between 1s and 30s, got 45s",
                "  $HEADWATER_HEALTH_BACKOFF_MAX: health.backoffMax must be a whole number and a unit (ms, s, m, h, d),"
                        + " such as 500ms, 4s, 10m, 1h or 1d, got '1x'",
                ""));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void serve_refuses_a_data_directory_another_server_holds(@TempDir Path dir) {
        try (DataDirLock held = DataDirLock.acquire(dir)) {
            int code = run(Map.of("HEADWATER_FFMPEG_PATH", "/bin/true"), "serve", "--data-dir", dir.toString(), "--port", "0");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("headwater: a Headwater server is already running on the data directory "
                    + dir + " (pid " + ProcessHandle.current().pid() + "); stop it first, or give this one another"
                    + " --data-dir" + System.lineSeparator());
        }
    }

    @Test
    void a_missing_config_file_is_named() {
        assertThat(run(Map.of(), "serve", "--config", "/nonexistent/headwater.yml")).isEqualTo(1);

        assertThat(err.toString()).contains("/nonexistent/headwater.yml: no such file (given by --config)");
    }
}
