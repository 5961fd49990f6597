package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.Main;
import headwater.app.protect.DataDirCipher;
import headwater.domain.identity.Account;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.identity.JdbiAccountRepository;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater admin create}: interactive with the app's first code, scripted, and what it refuses. */
class AdminCreateCommandTest {

    private static final Pattern KEY = Pattern.compile("Key  ([A-Z2-7 ]+)");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new StringWriter(), args);
    }

    private Result run(java.io.InputStream in, StringWriter out, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", dir.toString())).toArray(String[]::new);
        StringWriter err = new StringWriter();
        int code = Main.run(all, Map.of(), in, new PrintWriter(out, true), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void interactively_the_first_code_from_the_app_confirms_the_enrolment() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        StringWriter out = new StringWriter();
        typing.write("a long and private passphrase\na long and private passphrase\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(in, out, "admin", "create",
                "--username", "alice"));
        String key = null;
        for (int i = 0; i < 600 && key == null; i++) {
            Matcher matcher = KEY.matcher(out.toString());
            if (matcher.find()) {
                key = matcher.group(1);
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(key).as(out.toString()).isNotNull();
        typing.write("000000\n".getBytes(StandardCharsets.UTF_8));
        String code = Totp.code(TotpKey.ofBase32(key), Totp.step(Instant.now()));
        typing.write((code + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();

        Result result = running.get();

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("otpauth://totp/Headwater:alice?secret=", "Administrator alice created with TOTP")
                .doesNotContain("a long and private passphrase");
        assertThat(result.out().lines().filter(l -> l.matches("  [a-z2-7]{4}(-[a-z2-7]{4}){3}"))).hasSize(10);
        Account alice = stored("alice");
        assertThat(alice.totpEnrolled()).isTrue();
    }

    @Test
    void scripted_with_a_generated_password_and_the_key_in_a_new_owner_only_file() throws Exception {
        Path uri = dir.resolve("ops.otpauth");

        Result result = run("", "admin", "create", "--username", "ops", "--generate-password", "--totp-uri-out",
                uri.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("Password \\(shown this once\\): [A-Za-z0-9]{6}(-[A-Za-z0-9]{6}){3}");
        assertThat(Files.readString(uri)).startsWith("otpauth://totp/Headwater:ops?secret=");
        assertThat(stored("ops").totpEnrolled()).isTrue();
        Result again = run("", "admin", "create", "--username", "other", "--generate-password", "--totp-uri-out",
                uri.toString());
        assertThat(again.code()).isNotZero();
        assertThat(again.err()).contains("exists already");
    }

    @Test
    void weak_passwords_and_taken_names_are_refused_and_nothing_is_stored() {
        Result common = run("password1234\n", "admin", "create", "--username", "bob", "--password-stdin",
                "--totp-uri-out", dir.resolve("bob").toString());
        Result withName = run("bob is the best admin\n", "admin", "create", "--username", "bob", "--password-stdin",
                "--totp-uri-out", dir.resolve("bob").toString());
        Result ok = run("a perfectly fine passphrase\n", "admin", "create", "--username", "bob", "--password-stdin",
                "--totp-uri-out", dir.resolve("bob1").toString());
        Result taken = run("another fine passphrase\n", "admin", "create", "--username", "BOB", "--password-stdin",
                "--totp-uri-out", dir.resolve("bob2").toString());

        assertThat(common.code()).isNotZero();
        assertThat(common.err()).contains("common and breached").doesNotContain("password1234");
        assertThat(withName.err()).contains("contains the user name");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(taken.code()).isNotZero();
        assertThat(taken.err()).contains("username");
        assertThat(Files.exists(dir.resolve("bob"))).isFalse();
    }

    private Account stored(String username) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            return new JdbiAccountRepository(database, DataDirCipher.of(dir, database)).findByUsername(username)
                    .orElseThrow();
        }
    }
}
