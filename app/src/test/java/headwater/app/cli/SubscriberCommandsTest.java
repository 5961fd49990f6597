package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.app.Main;
import headwater.api.Argon2PasswordHasher;
import headwater.domain.subscriber.Subscriber;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater subscriber ...} in-process on a temporary data directory: outputs, exit codes, and the password. */
class SubscriberCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void subscribers_are_added_listed_disabled_and_removed_and_the_password_is_never_printed() throws Exception {
        Main.run(new String[] {"package", "add", "basic", "--data-dir", dir.toString()}, Map.of(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        Result bob = run("", "subscriber", "add", "--username", "bob", "--password", "correct horse", "--id", "bob",
                "--max-connections", "2", "--package", "basic", "--expires", "2027-01-31");
        assertThat(bob.code()).as(bob.err()).isZero();
        assertThat(bob.out()).isEqualTo(String.join(NL,
                "USERNAME  ID   STATUS  EXPIRES               CONNECTIONS  PACKAGES  VERSION",
                "bob       bob  ACTIVE  2027-02-01T00:00:00Z  2            basic     1") + NL);
        Result alice = run("s3cret from stdin\nignored second line\n", "subscriber", "add", "--username", "Alice@home",
                "--password-stdin", "--json");
        assertThat(alice.code()).as(alice.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(alice.out());
        assertThat(json.get("username").asText()).isEqualTo("Alice@home");
        assertThat(json.get("id").asText()).matches("s-[0-9a-f]{16}");
        assertThat(json.get("expires").isNull()).isTrue();
        assertThat(alice.out()).doesNotContain("argon2", "s3cret", "password");
        assertThat(bob.out() + bob.err() + alice.err()).doesNotContain("correct horse", "argon2");

        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            var subscribers = new JdbiSubscriberRepository(database, Clock.systemUTC());
            Subscriber stored = subscribers.findByUsername("alice@HOME").orElseThrow();
            var hasher = new Argon2PasswordHasher();
            assertThat(hasher.verify("s3cret from stdin".toCharArray(), stored.passwordHash())).isTrue();
            assertThat(hasher.verify("correct horse".toCharArray(), subscribers.get("bob").passwordHash())).isTrue();
            assertThat(subscribers.get("bob").expiry()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        }

        assertThat(run("", "subscriber", "add", "--username", "BOB", "--password", "x").err())
                .startsWith("headwater: subscriber username").contains("BOB");
        Result noPassword = run("", "subscriber", "add", "--username", "carol");
        assertThat(noPassword.code()).isEqualTo(2);
        assertThat(noPassword.err()).startsWith("Error: Missing required argument (specify one of these):"
                + " (--password=PASSWORD | --password-stdin)");
        Result both = run("pw\n", "subscriber", "add", "--username", "carol", "--password", "pw", "--password-stdin");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).doesNotContain("pw,").startsWith("Error: --password=PASSWORD, --password-stdin are mutually exclusive");
        Result badExpiry = run("", "subscriber", "add", "--username", "carol", "--password", "pw", "--expires", "soon");
        assertThat(badExpiry.code()).isEqualTo(2);
        assertThat(badExpiry.err()).startsWith("Invalid value for option '--expires': 'soon' is not " + ExpiryConverter.EXPECTED);
        Result emptyStdin = run("", "subscriber", "add", "--username", "carol", "--password-stdin");
        assertThat(emptyStdin.code()).isEqualTo(1);
        assertThat(emptyStdin.err()).isEqualTo("headwater: --password-stdin: standard input ended before a password line" + NL);
        Result unknownPackage = run("", "subscriber", "add", "--username", "carol", "--password", "pw", "--package", "gold");
        assertThat(unknownPackage.code()).isEqualTo(1);
        assertThat(unknownPackage.err()).startsWith("headwater: subscriber ").contains("gold");

        Result disabled = run("", "subscriber", "disable", "bob");
        assertThat(disabled.code()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("bob       bob  DISABLED");
        Result active = run("", "subscriber", "list", "--status", "ACTIVE");
        assertThat(active.out()).contains("Alice@home").doesNotContain("bob ");
        assertThat(run("", "subscriber", "disable", "nobody").err())
                .isEqualTo("headwater: subscriber with username nobody does not exist" + NL);

        assertThat(run("", "subscriber", "rm", "bob").out()).isEqualTo("removed subscriber bob" + NL);
        assertThat(run("", "subscriber", "rm", "bob").code()).isEqualTo(1);
        Result left = run("", "subscriber", "list", "--json");
        assertThat(new ObjectMapper().readTree(left.out())).hasSize(1);
        assertThat(run("", "subscriber").code()).isEqualTo(2);
    }
}
