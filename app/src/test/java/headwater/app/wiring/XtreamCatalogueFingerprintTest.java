package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.vod.MovieDraft;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.vod.JdbiMovieRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Xtream catalogue stamp over a real store: unchanged while nothing changes, different after any change the
 * listings show (channel, category, package channels, package films), and read at most once per interval.
 */
class XtreamCatalogueFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void changes_with_every_part_of_the_listings_and_only_then() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
            JdbiCategoryRepository categories = new JdbiCategoryRepository(database);
            JdbiPackageRepository packages = new JdbiPackageRepository(database);
            JdbiMovieRepository movies = new JdbiMovieRepository(database, Clock.systemUTC());
            XtreamCatalogueFingerprint stamp = new XtreamCatalogueFingerprint(database, Duration.ZERO, System::nanoTime);
            channels.create(ChannelDraft.of("news", 1, "News"));
            categories.create(Category.of("films", "Films", CategoryKind.VOD));
            movies.create(MovieDraft.of("heat", "Heat", URI.create("file:///media/heat.mkv")));
            packages.create(new Package("basic", "Basic", Set.of("news")));

            Object before = stamp.current();
            assertThat(stamp.current()).as("nothing changed").isEqualTo(before);

            Category films = categories.find("films").orElseThrow();
            categories.update(films.version(), films.withName("Movies"));
            Object renamed = stamp.current();
            assertThat(renamed).as("a category renamed").isNotEqualTo(before);

            channels.create(ChannelDraft.of("sport", 2, "Sport"));
            Object added = stamp.current();
            assertThat(added).as("a channel added").isNotEqualTo(renamed);

            packages.addChannels("basic", Set.of("sport"));
            Object member = stamp.current();
            assertThat(member).as("a package gained a channel").isNotEqualTo(added);

            Package basic = packages.find("basic").orElseThrow();
            packages.update(basic.version(), new Package("basic", "Basic", basic.channelIds(), Set.of("heat"),
                    Set.of()));
            assertThat(stamp.current()).as("a package gained a film").isNotEqualTo(member);
        }
    }

    @Test
    void reads_the_store_at_most_once_per_interval() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
            AtomicLong nanos = new AtomicLong();
            XtreamCatalogueFingerprint stamp = new XtreamCatalogueFingerprint(database, Duration.ofSeconds(1),
                    nanos::get);
            Object first = stamp.current();
            channels.create(ChannelDraft.of("news", 1, "News"));
            nanos.addAndGet(Duration.ofMillis(999).toNanos());
            assertThat(stamp.current()).as("within the interval: the last reading").isEqualTo(first);
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertThat(stamp.current()).as("after the interval: read again").isNotEqualTo(first);
        }
    }
}
