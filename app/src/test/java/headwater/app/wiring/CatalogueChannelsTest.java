package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.session.ChannelEntry;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.SeriesDraft;
import headwater.headend.Headend;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel directory over a real SQLite catalogue: channel to packages and renditions, configuration channels in
 * the packages they name, and a rebuild whenever the catalogue sync sees channels, renditions or package memberships
 * change.
 */
class CatalogueChannelsTest {

    @TempDir
    Path dir;

    private static final ChannelConfig RADIO = new ChannelConfig("radio", "Radio",
            List.of(URI.create("udp://239.1.1.9:5000")), Optional.empty(), Optional.empty(), Set.of("basic", "audio"));

    @Test
    void indexes_packages_and_renditions_and_follows_the_catalogue() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir));
             Headend headend = new Headend(dir.resolve("data"), (spec, uri) -> {
                 throw new IllegalArgumentException("nothing plays in this test");
             }, new SimpleMeterRegistry())) {
            JdbiChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
            JdbiPackageRepository packages = new JdbiPackageRepository(database);
            channels.create(ChannelDraft.of("news-hd", 1, "News HD"));
            channels.create(ChannelDraft.of("news-sd", 2, "News SD"));
            Channel off = channels.create(ChannelDraft.of("off", 3, "Off").withEnabled(false));
            channels.create(ChannelDraft.of("radio", 4, "The configuration's id"));
            channels.setRenditions("news-hd", List.of("news-sd"));
            packages.create(new Package("basic", "Basic", Set.of("news-sd", "radio")));
            packages.create(new Package("premium", "Premium", Set.of("news-hd", "news-sd")));

            HeadwaterConfig config = HeadwaterConfig.defaults().withChannels(List.of(RADIO));
            try (CatalogueChannels directory = new CatalogueChannels(config.channels(), channels, packages)) {
                assertThat(directory.channel("radio")).as("the configuration's, before any read")
                        .contains(new ChannelEntry("radio", true, Set.of("basic", "audio"), List.of()));
                assertThat(directory.channel("news-hd")).isEmpty();

                CatalogueSync sync = new CatalogueSync(config, channels, () -> CatalogueFingerprint.read(database),
                        headend, new HeadendCatalog(List.of()));
                sync.whenChannelsChange(directory);
                sync.syncOnce();
                await().atMost(Duration.ofSeconds(10)).until(() -> directory.channel("news-hd").isPresent());

                assertThat(directory.channel("news-hd"))
                        .contains(new ChannelEntry("news-hd", true, Set.of("premium"), List.of("news-sd")));
                assertThat(directory.channel("news-sd"))
                        .contains(new ChannelEntry("news-sd", true, Set.of("basic", "premium"), List.of()));
                assertThat(directory.channel("off")).contains(new ChannelEntry("off", false, Set.of(), List.of()));
                assertThat(directory.channel("radio")).as("configuration and catalogue packages together")
                        .contains(new ChannelEntry("radio", true, Set.of("basic", "audio"), List.of()));
                assertThat(directory.channel("absent")).isEmpty();
                assertThat(directory.size()).isEqualTo(4);

                packages.addChannels("basic", List.of("off"));
                sync.pollOnce();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        directory.channel("off").orElseThrow().packageIds().equals(Set.of("basic")));

                channels.setRenditions("news-hd", List.of());
                sync.pollOnce();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        directory.channel("news-hd").orElseThrow().renditionIds().isEmpty());

                channels.update(off.version(), off.draft().withEnabled(true));
                packages.delete("premium");
                sync.pollOnce();
                await().atMost(Duration.ofSeconds(10)).until(() -> directory.channel("off").orElseThrow().enabled());
                assertThat(directory.channel("news-sd").orElseThrow().packageIds()).containsExactly("basic");

                channels.delete("news-sd");
                sync.pollOnce();
                await().atMost(Duration.ofSeconds(10)).until(() -> directory.channel("news-sd").isEmpty());
            }
        }
    }

    @Test
    void indexes_archive_days_and_the_packages_films_and_series() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
            JdbiPackageRepository packages = new JdbiPackageRepository(database);
            JdbiMovieRepository movies = new JdbiMovieRepository(database, Clock.systemUTC());
            JdbiSeriesRepository series = new JdbiSeriesRepository(database, Clock.systemUTC());
            channels.create(ChannelDraft.of("news", 1, "News").withArchiveDays(3));
            channels.create(ChannelDraft.of("radio", 2, "The configuration's id").withArchiveDays(1));
            movies.create(MovieDraft.of("film", "Film", URI.create("file:///srv/film.mkv")));
            series.create(SeriesDraft.of("show", "Show"));
            packages.create(new Package("basic", "Basic", Set.of("news"), Set.of("film"), Set.of("show")));
            packages.create(new Package("films", "Films", Set.of(), Set.of("film"), Set.of()));

            try (CatalogueChannels directory = new CatalogueChannels(List.of(RADIO), channels, packages)) {
                assertThat(directory.vodPackages()).isEqualTo(VodPackages.NONE);
                directory.rebuild();

                assertThat(directory.channel("news"))
                        .contains(new ChannelEntry("news", true, Set.of("basic"), List.of(), 3));
                assertThat(directory.channel("radio")).as("the configuration's, with the catalogue's archive days")
                        .contains(new ChannelEntry("radio", true, Set.of("basic", "audio"), List.of(), 1));
                assertThat(directory.vodPackages().ofMovie("film")).containsExactlyInAnyOrder("basic", "films");
                assertThat(directory.vodPackages().ofSeries("show")).containsExactly("basic");
                assertThat(directory.vodPackages().ofMovie("show")).isEmpty();
                assertThat(directory.vodPackages().ofSeries("absent")).isEmpty();
            }
        }
    }

    @Test
    void a_rebuild_that_cannot_read_the_store_keeps_the_previous_index() {
        Database database = Database.open(DatabaseConfig.sqlite(dir));
        JdbiChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
        JdbiPackageRepository packages = new JdbiPackageRepository(database);
        channels.create(ChannelDraft.of("news", 1, "News"));
        try (CatalogueChannels directory = new CatalogueChannels(List.of(RADIO), channels, packages)) {
            directory.rebuild();
            assertThat(directory.size()).isEqualTo(2);
            database.close();

            assertThatThrownBy(directory::rebuild).as("the store is closed").isInstanceOf(RuntimeException.class);
            assertThat(directory.channel("news")).isPresent();
            assertThat(directory.channel("radio")).isPresent();
        }
    }
}
