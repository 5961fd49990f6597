package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.api.Argon2PasswordHasher;
import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.config.TlsConfig;
import headwater.app.demo.DemoAccount;
import headwater.app.demo.DemoCatalogue;
import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoGuide;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.app.wiring.ServerTrust;
import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.Playlist;
import headwater.domain.m3u.PlaylistEntry;
import headwater.store.Database;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.testkit.Ffprobe;
import headwater.testkit.ProbedMedia;
import headwater.testkit.Tools;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end as an IPTV app uses the server, with real tools: the demo's setup (a real ffmpeg-made channel, AES-128
 * encrypted as the demo's are, with a day of catch-up, a film, a series episode, a guide) on a real server; ffprobe
 * plays a live channel, a catch-up window
 * and the VOD items through the URLs player_api.php and get.php hand out, every URL of get.php's M3U plays, and
 * xmltv.php validates against the XMLTV DTD with the imported guide in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XtreamEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESHIFT = DateTimeFormatter.ofPattern("yyyy-MM-dd:HH-mm")
            .withZone(ZoneOffset.UTC);
    private static final Duration SEGMENT = Duration.ofSeconds(2);
    /** How long the test waits for something the server does in the background (segments, archive). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private HeadwaterServer server;
    private String password;
    private Instant started;
    private final DemoLoop loop = DemoLoop.standard().get(1);
    /** Trusts the server's self-signed certificate (made at its start), as an app told to trust it would. */
    private HttpClient http;
    /** ffprobe and ffmpeg check the server's certificate against it. */
    private static List<String> tlsOptions;

    @BeforeAll
    void start() throws Exception {
        Ffmpeg ffmpeg = new Ffmpeg(Tools.requireFfmpeg(), FfmpegOrigin.PATH, "test");
        Tools.requireFfprobe();
        DemoMedia media = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()),
                DemoFont.locate(Optional.empty(), DemoFont.COMMON), dir.resolve("demo"), Duration.ofSeconds(6));
        Path file = media.render(List.of(loop)).getFirst();
        Path film = media.film(loop);
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(),
                List.of(new ChannelConfig(loop.id(), loop.name(), List.of(file.toUri()), Optional.empty(),
                        Optional.of(SEGMENT), Set.of(DemoAccount.ID), 1).withEncrypted(defaults.demo().encrypted())),
                defaults.metrics(), defaults.database(), defaults.outbound()).withTls(TlsConfig.defaults());
        started = Instant.now();
        server = HeadwaterServer.start(config, ffmpeg);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(ServerTrust.context(config)).build();
        tlsOptions = List.of("-ca_file", server.tls().orElseThrow().certificateFile().toString(), "-tls_verify", "1");
        Database db = server.database();
        Clock clock = Clock.systemUTC();
        DemoAccount account = DemoAccount.ensure(new JdbiPackageRepository(db), new JdbiPlanRepository(db),
                new JdbiSubscriberRepository(db, clock), new Argon2PasswordHasher(), 4);
        password = account.newPassword().orElseThrow();
        JdbiChannelRepository channels = new JdbiChannelRepository(db, clock);
        DemoCatalogue.ensure(new JdbiCategoryRepository(db), channels, new JdbiPackageRepository(db),
                new JdbiMovieRepository(db, clock), new JdbiSeriesRepository(db, clock), List.of(loop), 1, film, film);
        DemoGuide.refresh(dir.resolve("guide"), List.of(loop), new JdbiGuideSourceRepository(db, clock),
                new JdbiGuideStore(db, clock), channels, clock);
        server.channelDirectory().rebuild();
        assertThat(server.awaitSegments(3, PATIENCE)).as("three live segments").isTrue();
    }

    @AfterAll
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void player_api_logs_the_demo_subscriber_in_and_refuses_a_wrong_password() throws Exception {
        JsonNode info = json("/player_api.php?" + credentials());
        JsonNode refused = json("/player_api.php?username=demo&password=wrong");

        assertThat(info.path("user_info").path("auth").asInt()).isEqualTo(1);
        assertThat(info.path("user_info").path("status").asText()).isEqualTo("Active");
        assertThat(info.path("server_info").path("url").asText()).isEqualTo("127.0.0.1");
        assertThat(info.path("server_info").path("port").asText()).isEqualTo(String.valueOf(server.port()));
        assertThat(info.path("server_info").path("server_protocol").asText()).isEqualTo("https");
        assertThat(info.path("server_info").path("https_port").asText()).isEqualTo(String.valueOf(server.port()));
        assertThat(refused.path("user_info").path("auth").asInt()).isZero();
    }

    @Test
    void ffprobe_plays_the_live_channel_player_api_lists_as_ts_and_as_hls() throws Exception {
        JsonNode stream = liveStream();
        String base = server.xtreamUrl() + "/live/demo/" + password + "/" + stream.path("stream_id").asInt();

        assertThat(stream.path("name").asText()).isEqualTo(loop.name());
        assertThat(status(base + ".ts")).isEqualTo(302);
        assertPlays(base + ".ts", 640);
        assertPlays(base + ".m3u8", 640);
    }

    @Test
    void ffprobe_plays_the_film_and_the_episode_through_the_urls_the_api_describes() throws Exception {
        JsonNode film = first(json("/player_api.php?" + credentials() + "&action=get_vod_streams"));
        String filmUrl = server.xtreamUrl() + "/movie/demo/" + password + "/" + film.path("stream_id").asInt() + "."
                + film.path("container_extension").asText();
        JsonNode series = first(json("/player_api.php?" + credentials() + "&action=get_series"));
        JsonNode info = json("/player_api.php?" + credentials() + "&action=get_series_info&series_id="
                + series.path("series_id").asInt());
        JsonNode episode = info.path("episodes").path("1").path(0);
        String episodeUrl = server.xtreamUrl() + "/series/demo/" + password + "/" + episode.path("id").asText() + "."
                + episode.path("container_extension").asText();

        assertThat(film.path("name").asText()).isEqualTo("Demo film");
        ProbedMedia probed = assertPlays(filmUrl, 640);
        assertThat(probed.duration()).as("the whole film").isGreaterThan(5.0);
        assertPlays(episodeUrl, 640);
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(location(filmUrl)))
                .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).as("seeking: a byte range").isEqualTo(206);
        assertThat(range.body()).hasSize(100);
    }

    @Test
    void ffprobe_plays_a_catch_up_window_through_the_timeshift_urls() throws Exception {
        int id = liveStream().path("stream_id").asInt();
        String start = TIMESHIFT.format(started.truncatedTo(ChronoUnit.MINUTES));
        String timeshift = server.xtreamUrl() + "/timeshift/demo/" + password + "/5/" + start + "/" + id;
        awaitArchive(timeshift + ".m3u8");

        assertPlays(timeshift + ".m3u8", 640);
        assertPlays(timeshift + ".ts", 640);
        String query = server.xtreamUrl() + "/streaming/timeshift.php?" + credentials() + "&stream=" + id
                + "&start=" + start + "&duration=5";
        assertPlays(query, 640);
        JsonNode listed = liveStream();
        assertThat(listed.path("tv_archive").asInt()).as("the archive holds something now").isEqualTo(1);
        assertThat(listed.path("tv_archive_duration").asInt()).isEqualTo(1);
    }

    @Test
    void every_url_of_the_m3u_plays_in_both_outputs() throws Exception {
        awaitArchive(null);
        for (String output : List.of("ts", "m3u8")) {
            String text = text("/get.php?" + credentials() + "&type=m3u_plus&output=" + output);
            Playlist playlist = new M3uParser().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .playlist();

            assertThat(playlist.header().epgUrls()).as(text).anyMatch(url -> url.contains("/xmltv.php?"));
            assertThat(playlist.entries()).as(text).hasSize(3);
            PlaylistEntry live = playlist.entries().getFirst();
            assertThat(live.attributes().get("tvg-id")).contains(loop.id());
            assertThat(live.attributes().get("catchup")).as(text).contains("xc");
            for (PlaylistEntry entry : playlist.entries()) {
                assertThat(entry.url()).endsWith(entry == live ? "." + output : ".mp4");
                assertPlays(entry.url(), 640);
            }
        }
    }

    @Test
    void xmltv_validates_against_the_dtd_and_holds_the_imported_guide() throws Exception {
        Path dtd = Path.of("/usr/share/xmltv/xmltv.dtd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dtd) || Tools.underCi(),
                "xmltv-util's DTD is not installed");
        HttpResponse<byte[]> plain = get("/xmltv.php?" + credentials());
        HttpResponse<byte[]> gzip = get("/xmltv.php?" + credentials() + "&gzip=1");
        Path file = Files.write(dir.resolve("xmltv.xml"), plain.body());

        Process xmllint = new ProcessBuilder("xmllint", "--noout", "--dtdvalid", dtd.toString(), file.toString())
                .redirectErrorStream(true).start();
        String errors = new String(xmllint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(xmllint.waitFor()).as(errors).isZero();
        String xml = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<channel id=\"" + loop.id() + "\">")
                .contains("channel=\"" + loop.id() + "\"")
                .contains(loop.name() + " at ");
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(xml);
        }
    }

    // ---------------------------------------------------------------- helpers

    private String credentials() {
        return "username=demo&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private JsonNode liveStream() throws Exception {
        return first(json("/player_api.php?" + credentials() + "&action=get_live_streams"));
    }

    private static JsonNode first(JsonNode array) {
        assertThat(array.isArray() && !array.isEmpty()).as("a non-empty list: %s", array).isTrue();
        return array.get(0);
    }

    /** Plays {@code url} (following the redirect) with ffprobe: its video, and a few seconds decoded cleanly. */
    private static ProbedMedia assertPlays(String url, int width) {
        assertThat(url).startsWith("https://");
        ProbedMedia media = Ffprobe.streams(url, tlsOptions);
        assertThat(media.video()).as("video of %s: %s", url, media).isPresent();
        assertThat(media.video().get().width()).as(url).isEqualTo(width);
        assertThat(media.audio()).as("audio of %s", url).isPresent();
        assertThat(Ffprobe.decodeErrors(url, Duration.ofSeconds(3), tlsOptions)).as("decoding %s", url).isEmpty();
        return media;
    }

    /** Waits until the channel's archive serves a window (the first segments are recorded once they are finished). */
    private void awaitArchive(String timeshiftPlaylist) throws Exception {
        String url = timeshiftPlaylist;
        if (url == null) {
            int id = liveStream().path("stream_id").asInt();
            url = server.xtreamUrl() + "/timeshift/demo/" + password + "/5/"
                    + TIMESHIFT.format(started.truncatedTo(ChronoUnit.MINUTES)) + "/" + id + ".m3u8";
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Integer> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(location(url))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            seen.add(response.statusCode());
            if (response.statusCode() == 200 && countSegments(response.body()) >= 3
                    && liveStream().path("tv_archive").asInt() == 1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the archive never served three segments of " + url + ": " + seen);
    }

    private static int countSegments(byte[] playlist) {
        Matcher m = Pattern.compile("(?m)^#EXTINF").matcher(new String(playlist, StandardCharsets.UTF_8));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Where an Xtream media URL redirects to. */
    private String location(String url) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(url).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(server.xtreamUrl() + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(pathAndQuery.replace(password, "***")).isEqualTo(200);
        return response;
    }

    private String text(String pathAndQuery) throws Exception {
        return new String(get(pathAndQuery).body(), StandardCharsets.UTF_8);
    }

    private JsonNode json(String pathAndQuery) throws Exception {
        return JSON.readTree(get(pathAndQuery).body());
    }
}
