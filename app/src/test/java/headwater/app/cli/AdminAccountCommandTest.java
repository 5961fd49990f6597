package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater admin account create|list|disable} on a real data directory (SQLite). */
class AdminAccountCommandTest {

    private static final String PASSPHRASE = "support staff passphrase";

    @TempDir
    Path dir;

    private CliRun run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--data-dir", dir.toString())).toArray(String[]::new);
        int code = Main.run(all, Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void accounts_are_made_listed_without_secrets_and_disabled_but_the_last_admin_stays() {
        CliRun admin = run("", "admin", "account", "create", "--username", "root", "--role", "admin",
                "--generate-password");
        assertThat(admin.code()).as(admin.err()).isZero();
        assertThat(admin.out()).contains("Password (shown this once): ", "created account root");

        CliRun support = run(PASSPHRASE + "\n", "admin", "account", "create", "--username", "helpdesk", "--role",
                "support", "--password-stdin");
        assertThat(support.code()).as(support.err()).isZero();

        CliRun list = run("", "admin", "account", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("helpdesk", "SUPPORT", "root", "ADMIN", "not enrolled")
                .doesNotContain(PASSPHRASE).doesNotContain("argon2");
        CliRun json = run("", "admin", "account", "list", "--json");
        assertThat(json.out()).contains("\"username\" : \"helpdesk\"", "\"totpEnrolled\" : false")
                .doesNotContain("argon2");

        CliRun last = run("", "admin", "account", "disable", "root");
        assertThat(last.code()).isNotZero();
        assertThat(last.err()).contains("root is the last active ADMIN and may not be disabled");

        CliRun disabled = run("", "admin", "account", "disable", "helpdesk");
        assertThat(disabled.code()).as(disabled.err()).isZero();
        assertThat(run("", "admin", "account", "list").out()).contains("DISABLED");
    }

    @Test
    void weak_passwords_unknown_roles_and_resellers_are_refused_with_the_reason() {
        CliRun weak = run("password1234\n", "admin", "account", "create", "--username", "bob", "--role", "support",
                "--password-stdin");
        assertThat(weak.code()).isNotZero();
        assertThat(run("", "admin", "account", "list").out()).doesNotContain("bob");

        CliRun subscriber = run(PASSPHRASE + "\n", "admin", "account", "create", "--username", "bob", "--role",
                "subscriber", "--password-stdin");
        assertThat(subscriber.code()).isNotZero();
        assertThat(subscriber.err()).contains("is not a role: support, reseller or admin");

        CliRun noReseller = run(PASSPHRASE + "\n", "admin", "account", "create", "--username", "shop", "--role",
                "reseller", "--password-stdin");
        assertThat(noReseller.code()).isNotZero();
        assertThat(noReseller.err()).contains("--reseller");
        CliRun unknownReseller = run(PASSPHRASE + "\n", "admin", "account", "create", "--username", "shop",
                "--role", "reseller", "--reseller", "nobody", "--password-stdin");
        assertThat(unknownReseller.code()).isNotZero();
        assertThat(unknownReseller.err()).contains("nobody");

        CliRun neither = run("", "admin", "account", "create", "--username", "x", "--role", "support");
        assertThat(neither.code()).isNotZero();
    }
}
