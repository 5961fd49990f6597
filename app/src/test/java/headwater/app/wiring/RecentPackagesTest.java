package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Package;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages read once per max age for the Xtream listings; a write through it is seen at once. */
class RecentPackagesTest {

    @Test
    void answers_from_its_last_read_until_it_is_older_than_the_max_age(@TempDir Path dir) {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-21T15:00:00Z"));
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiPackageRepository store = new JdbiPackageRepository(database);
            RecentPackages recent = new RecentPackages(store, clock, Duration.ofSeconds(2));
            store.create(new Package("basic", "Basic", Set.of()));

            assertThat(recent.find("basic")).map(Package::name).contains("Basic");
            store.update(store.get("basic").version(), store.get("basic").withName("Basic TV"));
            assertThat(recent.find("basic")).as("within the max age").map(Package::name).contains("Basic");
            assertThat(recent.list()).extracting(Package::name).containsExactly("Basic TV");
            clock.advance(Duration.ofMillis(2_001));
            assertThat(recent.find("basic")).as("older than the max age").map(Package::name).contains("Basic TV");

            recent.update(store.get("basic").version(), store.get("basic").withName("Basic+"));
            assertThat(recent.find("basic")).as("its own write").map(Package::name).contains("Basic+");
            assertThat(recent.find("none")).isEmpty();
        }
    }
}
