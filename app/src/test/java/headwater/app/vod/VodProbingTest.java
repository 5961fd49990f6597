package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.NotFoundException;
import headwater.domain.vod.Episode;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probing stored films and episodes end to end: real ffprobe, real media, the real store on SQLite. */
class VodProbingTest {

    @TempDir
    static Path media;
    static Path mp4;
    static FfprobeMediaProbe probe;

    @TempDir
    Path data;
    Database database;
    JdbiMovieRepository movies;
    JdbiSeriesRepository series;
    VodProbing probing;

    @BeforeAll
    static void makeMedia() {
        mp4 = VodMedia.withAnyFfmpeg().mp4(media.resolve("film.mp4"));
        probe = new FfprobeMediaProbe(FfprobeLocator.forThisProcess(Optional.empty()).locate().executable(),
                FfprobeMediaProbe.DEFAULT_TIMEOUT);
    }

    @BeforeEach
    void openStore() {
        database = Database.open(DatabaseConfig.sqlite(data));
        movies = new JdbiMovieRepository(database, Clock.systemUTC());
        series = new JdbiSeriesRepository(database, Clock.systemUTC());
        probing = new VodProbing(probe, movies, series);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void stores_what_ffprobe_reads_from_a_films_source() {
        Movie stored = movies.create(MovieDraft.of("film", "Film", mp4.toUri()));

        Movie probed = probing.probeMovie("film");

        assertThat(probed.version()).isEqualTo(stored.version() + 1);
        assertThat(probed.mediaInfo()).isEqualTo(probe.probe(mp4.toUri()));
        assertThat(movies.get("film")).isEqualTo(probed);
        assertThat(probed.mediaInfo().video().width()).isEqualTo(320);
    }

    @Test
    void stores_what_ffprobe_reads_from_an_episodes_source() {
        series.create(SeriesDraft.of("show", "Show"));
        series.saveSeason(Season.of("show", 1));
        Episode stored = series.createEpisode(EpisodeDraft.of("show-1x1", "show", 1, 1, "Pilot", mp4.toUri()));

        Episode probed = probing.probeEpisode("show-1x1");

        assertThat(probed.mediaInfo()).isEqualTo(probe.probe(mp4.toUri()));
        assertThat(probed.version()).isEqualTo(stored.version() + 1);
        assertThat(series.getEpisode("show-1x1")).isEqualTo(probed);
    }

    @Test
    void a_source_that_is_not_media_stores_nothing(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("film.mkv"), "not a film");
        Movie stored = movies.create(MovieDraft.of("film", "Film", notes.toUri()));

        assertThatThrownBy(() -> probing.probeMovie("film")).isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("it is not a media file");
        assertThat(movies.get("film")).isEqualTo(stored);
        assertThatThrownBy(() -> probing.probeMovie("ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("movie ghost does not exist");
    }

    @Test
    void an_episode_retitled_during_the_probe_keeps_its_new_title_and_gets_the_media() {
        series.create(SeriesDraft.of("show", "Show"));
        series.saveSeason(Season.of("show", 1));
        series.createEpisode(EpisodeDraft.of("show-1x1", "show", 1, 1, "Pilot", mp4.toUri()));
        VodProbing racing = new VodProbing(source -> {
            Episode now = series.getEpisode("show-1x1");
            series.updateEpisode(now.version(), now.draft().withTitle("The Pilot"));
            return probe.probe(source);
        }, movies, series);

        Episode probed = racing.probeEpisode("show-1x1");

        assertThat(probed.title()).isEqualTo("The Pilot");
        assertThat(probed.mediaInfo()).isEqualTo(probe.probe(mp4.toUri()));
        assertThat(series.getEpisode("show-1x1")).isEqualTo(probed);
    }

    @Test
    void a_change_during_the_probe_keeps_the_change_and_adds_the_media() {
        Movie stored = movies.create(MovieDraft.of("film", "Film", mp4.toUri()));
        VodProbing racing = new VodProbing(source -> {
            Movie now = movies.get("film");
            movies.update(now.version(), now.draft().withName("Renamed while probing"));
            return probe.probe(source);
        }, movies, series);

        Movie probed = racing.probeMovie("film");

        assertThat(probed.name()).isEqualTo("Renamed while probing");
        assertThat(probed.mediaInfo()).isEqualTo(probe.probe(mp4.toUri()));
        assertThat(probed.version()).isEqualTo(stored.version() + 2);
    }
}
