package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.Main;
import headwater.app.protect.DataDirCipher;
import headwater.app.wiring.TokenKeys;
import headwater.domain.session.SigningKey;
import headwater.security.token.TokenKey;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater token-key list|rotate|edge} on the store a running server uses; secrets never printed. */
class TokenKeyCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", dir.toString())).toArray(String[]::new);
        int code = Main.run(all, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void a_rotation_from_the_command_line_reaches_a_running_server() {
        assertThat(run("token-key", "list")).isEqualTo(new Result(0, "(none)" + NL, ""));
        try (Database database = Database.open(DatabaseConfig.sqlite(dir));
                TokenKeys server = TokenKeys.start(TokenKeys.signingKeys(database, DataDirCipher.of(dir, database), TokenKeys.DEFAULT_LIFETIME,
                        Clock.systemUTC()), Duration.ofMillis(100))) {
            Result listed = run("token-key", "list");
            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out()).startsWith("ID  STATE    CREATED").contains(NL + "1   signing  ");

            Result rotated = run("token-key", "rotate");
            assertThat(rotated.code()).as(rotated.err()).isZero();
            assertThat(rotated.out()).contains(NL + "2   pending  ").doesNotContain(NL + "1 ");

            await().atMost(Duration.ofSeconds(30)).until(() -> server.get().accepted().size() == 2);
            assertThat(server.get().accepted()).extracting(TokenKey::id).containsExactly("1", "2");
            assertThat(server.get().signing().id()).isEqualTo("1");

            Result json = run("token-key", "list", "--json");
            assertThat(json.out()).contains("\"state\" : \"signing\"", "\"state\" : \"pending\"", "\"retired\" : \"");
            for (SigningKey key : server.signingKeys().list()) {
                String hex = HexFormat.of().formatHex(key.secret());
                assertThat(json.out() + listed.out() + rotated.out()).doesNotContain(hex.substring(0, 12));
            }
            assertThat(json.out()).doesNotContain("secret");

            Result edge = run("token-key", "edge");
            List<SigningKey> stored = server.signingKeys().list();
            assertThat(edge).isEqualTo(new Result(0, "set $headwater_token_keys \"1:"
                    + HexFormat.of().formatHex(stored.get(0).secret()) + " 2:"
                    + HexFormat.of().formatHex(stored.get(1).secret()) + "\";" + NL, ""));
        }
    }
}
