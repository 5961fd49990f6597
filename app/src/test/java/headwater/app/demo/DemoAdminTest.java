package headwater.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.app.protect.DataDirCipher;
import headwater.security.password.PasswordPolicy;
import headwater.security.totp.TotpKey;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.identity.JdbiAccountRepository;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's administrator: made once with a generated, policy-abiding password and TOTP, shown once. */
class DemoAdminTest {

    @Test
    void the_first_start_makes_an_enrolled_admin_and_later_starts_show_nothing_again(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiAccountRepository accounts = new JdbiAccountRepository(database, DataDirCipher.of(dir, database));
            Argon2PasswordHasher hasher = new Argon2PasswordHasher();

            DemoAdmin first = DemoAdmin.ensure(accounts, hasher, Clock.systemUTC());
            DemoAdmin again = DemoAdmin.ensure(accounts, hasher, Clock.systemUTC());

            String password = first.newPassword().orElseThrow();
            assertThat(PasswordPolicy.operators().refusal(password, DemoAdmin.USERNAME)).isEmpty();
            assertThat(hasher.verify(password.toCharArray(), first.account().passwordHash())).isTrue();
            assertThat(first.account().totpEnrolled()).isTrue();
            assertThat(TotpKey.ofBase32(first.totpKey().orElseThrow()).bytes())
                    .isEqualTo(first.account().totp().seed().bytes());
            assertThat(again.newPassword()).isEmpty();
            assertThat(again.totpKey()).isEmpty();
            assertThat(again.account().id()).isEqualTo(first.account().id());
            assertThat(first.toString()).doesNotContain(password);
        }
    }
}
