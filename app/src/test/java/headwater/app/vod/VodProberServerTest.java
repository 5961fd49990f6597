package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.HeadwaterServer;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.OutboundConfig;
import headwater.app.config.ServerConfig;
import headwater.app.config.VodConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.vod.Episode;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.VideoTrack;
import headwater.security.outbound.Cidr;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.testkit.LoopbackHttpServer;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background prober in a running server, on a temporary data directory with real ffmpeg-made films and the real
 * ffprobe: films and episodes stored without media info get it, a changed source is probed again, a file that is not
 * media and a URL the outbound policy refuses get none and are not probed again at every scan, and an allowed URL is
 * probed over HTTP.
 */
class VodProberServerTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final Duration SCAN = Duration.ofSeconds(1);

    @TempDir
    static Path media;
    static Path mp4;
    static Path mkv;

    @BeforeAll
    static void makeMedia() throws Exception {
        VodMedia ffmpeg = VodMedia.withAnyFfmpeg();
        mp4 = ffmpeg.mp4(media.resolve("film.mp4"));
        mkv = ffmpeg.mkv(media.resolve("episode.mkv"));
    }

    private static HeadwaterConfig config(Path dir, OutboundConfig outbound) {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        return new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"), defaults.ffmpeg(),
                defaults.demo(), defaults.hls(), defaults.health(), List.of(), defaults.metrics(), defaults.database(),
                outbound, VodConfig.defaults().withScanInterval(SCAN));
    }

    @Test
    void films_and_episodes_get_their_media_info_and_bad_sources_are_reported_once(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a film\n".repeat(100));
        try (HeadwaterServer server = HeadwaterServer.start(config(dir, OutboundConfig.defaults()), NO_FFMPEG)) {
            JdbiMovieRepository movies = new JdbiMovieRepository(server.database(), Clock.systemUTC());
            JdbiSeriesRepository series = new JdbiSeriesRepository(server.database(), Clock.systemUTC());
            movies.create(MovieDraft.of("film", "A Film", mp4.toUri()));
            movies.create(MovieDraft.of("notes", "Not A Film", notes.toUri()));
            movies.create(MovieDraft.of("lan", "On The LAN", URI.create("http://10.1.2.3/films/lan.mp4")));
            series.create(SeriesDraft.of("show", "A Show"));
            series.saveSeason(Season.of("show", 1));
            series.createEpisode(EpisodeDraft.of("show-s1e1", "show", 1, 1, "Pilot", mkv.toUri()));

            await().atMost(Duration.ofSeconds(60)).until(() -> movies.get("film").mediaInfo() != null);
            MediaInfo film = movies.get("film").mediaInfo();
            assertThat(film.video()).isEqualTo(new VideoTrack("h264", 320, 240, 25.0));
            assertThat(film.audio()).hasSize(1);
            assertThat(film.audio().getFirst().codec()).isEqualTo("aac");
            await().atMost(Duration.ofSeconds(60)).until(() -> series.getEpisode("show-s1e1").mediaInfo() != null);
            Episode episode = series.getEpisode("show-s1e1");
            assertThat(episode.mediaInfo().video().width()).isEqualTo(640);
            assertThat(episode.mediaInfo().audioLanguages()).containsExactly("eng", "deu");

            Counter failed = server.registry().get("headwater.vod.probes").tag("result", "failed").counter();
            await().atMost(Duration.ofSeconds(60)).until(() -> failed.count() == 2.0);
            await().during(SCAN.multipliedBy(4)).atMost(SCAN.multipliedBy(6))
                    .until(() -> failed.count() == 2.0);
            assertThat(movies.get("notes").mediaInfo()).as("not media").isNull();
            assertThat(movies.get("lan").mediaInfo()).as("refused by the outbound policy").isNull();

            Movie before = movies.get("film");
            movies.update(before.version(), before.draft().withSource(mkv.toUri()));
            await().atMost(Duration.ofSeconds(60)).until(() -> movies.get("film").mediaInfo().video().width() == 640);

            Movie renamed = movies.get("notes");
            movies.update(renamed.version(), renamed.draft().withSource(mp4.toUri()));
            await().atMost(Duration.ofSeconds(60)).until(() -> movies.get("notes").mediaInfo() != null);
            assertThat(failed.count()).isEqualTo(2.0);
            assertThat(server.registry().get("headwater.vod.probes").tag("result", "stored").counter().count())
                    .isEqualTo(4.0);
        }
    }

    @Test
    void an_http_source_is_probed_when_the_policy_allows_its_address(@TempDir Path dir) throws Exception {
        OutboundConfig loopback = new OutboundConfig(false, List.of(Cidr.parse("127.0.0.1/32")));
        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = HeadwaterServer.start(config(dir, loopback), NO_FFMPEG)) {
            JdbiMovieRepository movies = new JdbiMovieRepository(server.database(), Clock.systemUTC());
            movies.create(MovieDraft.of("remote", "Remote", origin.url("/film.mp4")));

            await().atMost(Duration.ofSeconds(60)).until(() -> movies.get("remote").mediaInfo() != null);
            assertThat(movies.get("remote").mediaInfo().video()).isEqualTo(new VideoTrack("h264", 320, 240, 25.0));
            assertThat(origin.requests()).anyMatch(request -> request.contains("/film.mp4"));
        }
    }
}
