package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.HeadwaterServer;
import headwater.app.Main;
import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.store.apitoken.JdbiApiTokenRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater session open|list|end} against a running server, through its admin API. */
class SessionCommandTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run headwater(HeadwaterServer server, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = server.dataDir().toString();
        all[args.length + 2] = "--server";
        all[args.length + 3] = server.baseUrl().toString();
        int code = Main.run(all, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void opens_lists_and_ends_sessions_of_the_running_server() throws Exception {
        Path file = Files.write(dir.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(new ChannelConfig("news", "News", List.of(file.toUri()), Optional.empty(), Optional.empty(),
                        Set.of("basic"))),
                defaults.metrics(), defaults.database(), defaults.outbound());
        HttpClient http = HttpClient.newHttpClient();
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            new JdbiPackageRepository(server.database()).create(Package.of("basic", "Basic"));
            new JdbiSubscriberRepository(server.database(), Clock.systemUTC()).create(
                    SubscriberDraft.of("s1", "alice", new PasswordHash(HASH)).withPackageIds(Set.of("basic")));
            assertThat(server.awaitSegments(2, Duration.ofSeconds(60))).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> headwater(server, "session", "open", "--subscriber",
                    "alice", "--channel", "news", "--device", "stb-1").code() == 0);
            Run opened = headwater(server, "session", "open", "--subscriber", "alice", "--channel", "news",
                    "--device", "stb-1", "--format", "ts");
            assertThat(opened.code()).as(opened.err()).isZero();
            Matcher stream = Pattern.compile("stream\\s+(\\S+)").matcher(opened.out());
            assertThat(stream.find()).as(opened.out()).isTrue();
            String id = opened.out().split("\\s+")[1];

            Run listed = headwater(server, "session", "list");
            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out()).contains(id, "s1", "news", "stb-1", "ts");

            Run denied = headwater(server, "session", "open", "--subscriber", "alice", "--channel", "news",
                    "--device", "phone");
            assertThat(denied.code()).isEqualTo(1);
            assertThat(denied.err()).contains("connection-limit");

            Run ended = headwater(server, "session", "end", id);
            assertThat(ended.code()).as(ended.err()).isZero();
            HttpResponse<Void> after = http.send(HttpRequest.newBuilder(URI.create(stream.group(1))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(after.statusCode()).isEqualTo(403);
            assertThat(headwater(server, "session", "end", id).code()).isEqualTo(1);
            assertThat(new JdbiApiTokenRepository(server.database()).list())
                    .as("the commands' tokens are removed").allMatch(k -> !k.name().startsWith("cli-session-"));
        }
    }

    @Test
    void opens_archive_windows_films_and_episodes() throws Exception {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(), List.of(), defaults.metrics(),
                defaults.database(), defaults.outbound());
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            new JdbiChannelRepository(server.database(), Clock.systemUTC()).create(
                    ChannelDraft.of("news", 1, "News").withArchiveDays(1));
            new JdbiChannelRepository(server.database(), Clock.systemUTC()).create(ChannelDraft.of("live", 2, "Live"));
            new JdbiMovieRepository(server.database(), Clock.systemUTC()).create(
                    MovieDraft.of("heat", "Heat", URI.create("file:///films/heat.mkv")));
            JdbiSeriesRepository series = new JdbiSeriesRepository(server.database(), Clock.systemUTC());
            series.create(SeriesDraft.of("wire", "The Wire"));
            series.saveSeason(Season.of("wire", 1));
            series.createEpisode(EpisodeDraft.of("wire-1x01", "wire", 1, 1, "The Target",
                    URI.create("file:///wire/101.avi")));
            new JdbiPackageRepository(server.database()).create(new Package("basic", "Basic", Set.of("news", "live"),
                    Set.of("heat"), Set.of("wire")));
            new JdbiSubscriberRepository(server.database(), Clock.systemUTC()).create(
                    SubscriberDraft.of("s1", "alice", new PasswordHash(HASH)).withPackageIds(Set.of("basic"))
                            .withMaxConnections(5));
            server.channelDirectory().rebuild();
            String start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS).toString();

            Run window = headwater(server, "session", "open", "--subscriber", "alice", "--channel", "news",
                    "--archive-start", start, "--archive-minutes", "20", "--format", "ts", "--device", "tv");
            assertThat(window.code()).as(window.err()).isZero();
            assertThat(window.out()).contains("news archive " + start + " +1200s as news")
                    .containsPattern("stream\\s+\\S+/archive/news/" + Instant.parse(start).getEpochSecond() + "-1200\\.ts");
            Run film = headwater(server, "session", "open", "--subscriber", "alice", "--movie", "heat", "--device",
                    "tablet");
            assertThat(film.code()).as(film.err()).isZero();
            assertThat(film.out()).contains("movie heat as heat").containsPattern("file\\s+\\S+/movie/heat\\.mkv");
            Run episode = headwater(server, "session", "open", "--subscriber", "alice", "--episode", "wire-1x01");
            assertThat(episode.code()).as(episode.err()).isZero();
            assertThat(episode.out()).containsPattern("file\\s+\\S+/episode/wire-1x01\\.avi");

            Run noArchive = headwater(server, "session", "open", "--subscriber", "alice", "--channel", "live",
                    "--archive-start", start, "--archive-minutes", "20");
            assertThat(noArchive.code()).isEqualTo(1);
            assertThat(noArchive.err()).contains("outside-archive");
            Run tooOld = headwater(server, "session", "open", "--subscriber", "alice", "--channel", "news",
                    "--archive-start", Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString(),
                    "--archive-minutes", "20");
            assertThat(tooOld.err()).contains("outside-archive");
            Run unknownFilm = headwater(server, "session", "open", "--subscriber", "alice", "--movie", "alien");
            assertThat(unknownFilm.err()).contains("target-unknown");
            Run both = headwater(server, "session", "open", "--subscriber", "alice", "--movie", "heat", "--channel",
                    "news");
            assertThat(both.code()).isEqualTo(2);
            Run lonely = headwater(server, "session", "open", "--subscriber", "alice", "--movie", "heat",
                    "--archive-minutes", "5");
            assertThat(lonely.code()).isEqualTo(1);
            assertThat(lonely.err()).contains("--archive-start");

            Run listed = headwater(server, "session", "list");
            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("news archive " + start + " +1200s", "movie heat", "episode wire-1x01");
        }
    }

    @Test
    void says_so_when_no_server_answers() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"session", "list", "--data-dir", dir.resolve("data").toString(), "--server",
                "http://127.0.0.1:9/"}, Map.of(), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no Headwater server answers at http://127.0.0.1:9/");
    }
}
