package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Package;
import headwater.domain.session.VodEntry;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.VideoTrack;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VOD directory over a real SQLite catalogue: a film as stored, an episode enabled and packaged as its series,
 * the probed bitrate, and package changes seen after the channel directory's rebuild.
 */
class StoreVodDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void films_and_episodes_as_entitlement_sees_them() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiMovieRepository movies = new JdbiMovieRepository(database, Clock.systemUTC());
            JdbiSeriesRepository series = new JdbiSeriesRepository(database, Clock.systemUTC());
            JdbiPackageRepository packages = new JdbiPackageRepository(database);
            MediaInfo probed = new MediaInfo(Duration.ofMinutes(95), "matroska,webm",
                    new VideoTrack("h264", 1920, 1080, 25), List.of(), 4_200_000L, List.of());
            movies.create(MovieDraft.of("film", "Film", URI.create("file:///srv/film.mkv")).withMediaInfo(probed));
            movies.create(MovieDraft.of("hidden", "Hidden", URI.create("file:///srv/hidden.mp4")).withEnabled(false));
            series.create(SeriesDraft.of("show", "Show"));
            series.create(SeriesDraft.of("off", "Off").withEnabled(false));
            series.saveSeason(Season.of("show", 1));
            series.saveSeason(Season.of("off", 1));
            series.createEpisode(EpisodeDraft.of("show-s01e01", "show", 1, 1, "Pilot",
                    URI.create("https://cdn.example/pilot.mp4")).withMediaInfo(probed));
            series.createEpisode(EpisodeDraft.of("off-s01e01", "off", 1, 1, "Gone",
                    URI.create("file:///srv/gone.mp4")));
            Package basic = packages.create(new Package("basic", "Basic", Set.of(), Set.of("film", "hidden"),
                    Set.of("show", "off")));

            try (CatalogueChannels channels = new CatalogueChannels(List.of(),
                    new JdbiChannelRepository(database, Clock.systemUTC()), packages)) {
                channels.rebuild();
                StoreVodDirectory directory = new StoreVodDirectory(movies, series, channels::vodPackages);

                assertThat(directory.movie("film")).contains(new VodEntry("film", true, Set.of("basic"), 4_200_000));
                assertThat(directory.movie("hidden")).contains(new VodEntry("hidden", false, Set.of("basic"), 0));
                assertThat(directory.movie("show-s01e01")).as("an episode is no film").isEmpty();
                assertThat(directory.movie("absent")).isEmpty();
                assertThat(directory.episode("show-s01e01"))
                        .contains(new VodEntry("show-s01e01", true, Set.of("basic"), 4_200_000));
                assertThat(directory.episode("off-s01e01")).as("its series is disabled")
                        .contains(new VodEntry("off-s01e01", false, Set.of("basic"), 0));
                assertThat(directory.episode("film")).as("a film is no episode").isEmpty();

                packages.update(basic.version(), basic.withMovieIds(Set.of()).withSeriesIds(Set.of("off")));
                channels.rebuild();

                assertThat(directory.movie("film").orElseThrow().packageIds()).isEmpty();
                assertThat(directory.episode("show-s01e01").orElseThrow().packageIds()).isEmpty();
            }
        }
    }
}
