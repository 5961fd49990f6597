package headwater.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's package, plan and subscriber: made once, with a generated password shown only then. */
class DemoAccountTest {

    @Test
    void is_made_once_with_a_generated_password(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            Argon2PasswordHasher hasher = new Argon2PasswordHasher();
            JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(database, Clock.systemUTC());

            DemoAccount first = DemoAccount.ensure(new JdbiPackageRepository(database), new JdbiPlanRepository(database),
                    subscribers, hasher, 6);
            DemoAccount again = DemoAccount.ensure(new JdbiPackageRepository(database), new JdbiPlanRepository(database),
                    subscribers, hasher, 6);

            String password = first.newPassword().orElseThrow();
            assertThat(password).hasSize(16).matches("[a-z2-9]+");
            assertThat(hasher.verify(password.toCharArray(), subscribers.get("demo").passwordHash())).isTrue();
            assertThat(first.toString()).doesNotContain(password);
            assertThat(again.newPassword()).as("shown once").isEmpty();
            assertThat(again.subscriber().id()).isEqualTo("demo");
            assertThat(first.subscriber().draft().planId()).isEqualTo("demo");
            assertThat(first.subscriber().draft().maxConnections()).isEqualTo(6);
            assertThat(new JdbiPlanRepository(database).get("demo").packageIds()).isEqualTo(Set.of("demo"));
            assertThat(DemoAccount.password()).isNotEqualTo(password);
        }
    }
}
