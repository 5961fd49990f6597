package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.config.SessionsConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.session.LimitPolicy;
import headwater.domain.catalog.ChannelDraft;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session control end to end: sessions opened through the admin API of a real server, their URLs fetched over HTTP.
 * The connection limit under both policies, zapping, a ghost that goes idle, an operator's end (of an HLS session,
 * and of a running MPEG-TS stream, which closes), a channel outside the subscriber's packages, a token used for another
 * channel, a full egress capacity, and a plan capped at SD.
 */
class SessionControlTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HeadwaterConfig config(SessionsConfig sessions, long egressBitsPerSecond) throws Exception {
        Path file = Files.write(dir.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        List<ChannelConfig> channels = List.of(
                new ChannelConfig("news", "News", List.of(file.toUri()), Optional.empty(), Optional.empty(), Set.of("basic")),
                new ChannelConfig("music", "Music", List.of(file.toUri()), Optional.empty(), Optional.empty(), Set.of("basic")),
                new ChannelConfig("sport", "Sport", List.of(file.toUri()), Optional.empty(), Optional.empty(), Set.of("sports")));
        return new HeadwaterConfig(new ServerConfig("127.0.0.1", 0).withEgressCapacity(egressBitsPerSecond),
                dir.resolve("data"), defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1),
                defaults.health(), channels, defaults.metrics(), defaults.database(), defaults.outbound())
                .withSessions(sessions);
    }

    private static SessionsConfig policy(LimitPolicy policy) {
        SessionsConfig d = SessionsConfig.defaults();
        return new SessionsConfig(d.lifetime(), policy, d.bindToAddress(), d.retryAfter(), d.defaultBitsPerSecond());
    }

    @Test
    void refuse_new_zapping_idle_ghosts_operator_end_and_packages() throws Exception {
        try (HeadwaterServer server = start(LimitPolicy.REFUSE_NEW, 10_000_000_000L)) {
            Api api = playing(server, 1);

            HttpResponse<String> first = api.open("news", "tv-1");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            URI news = api.url(first);
            assertThat(get(news)).isEqualTo(200);
            assertThat(get(news.resolve("media.m3u8"))).isEqualTo(200);

            HttpResponse<String> second = api.open("news", "phone-1");
            assertThat(second.statusCode()).as("one connection: the second device is refused").isEqualTo(403);
            assertThat(JSON.readTree(second.body()).get("detail").asText()).endsWith("connection-limit");

            HttpResponse<String> sport = api.open("sport", "tv-1");
            assertThat(sport.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(sport.body()).get("detail").asText()).endsWith("not-in-packages");
            URI otherChannel = URI.create(news.toString().replace("/live/news/", "/live/sport/"));
            assertThat(get(otherChannel)).as("a token opens its own channel only").isEqualTo(403);
            URI prefix = URI.create(news.toString().replace("/live/news/", "/live/new/"));
            assertThat(get(prefix)).isEqualTo(403);

            HttpResponse<String> zapped = api.open("music", "tv-1");
            assertThat(zapped.statusCode()).as("the same device zaps in its own slot").isEqualTo(201);
            URI music = api.url(zapped);
            assertThat(get(music)).isEqualTo(200);
            assertThat(get(news)).as("the session it replaced").isEqualTo(403);

            String musicId = JSON.readTree(zapped.body()).get("id").asText();
            JsonNode listed = api.list();
            assertThat(listed.get("total").asInt()).isEqualTo(1);
            assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(musicId);
            assertThat(api.end(musicId)).isEqualTo(204);
            assertThat(get(music)).as("ended by the operator").isEqualTo(403);
            assertThat(api.end(musicId)).isEqualTo(404);

            HttpResponse<String> ghost = api.open("news", "tv-1");
            assertThat(ghost.statusCode()).isEqualTo(201);
            URI ghostUrl = api.url(ghost);
            assertThat(get(ghostUrl)).isEqualTo(200);
            // The TV stops asking: after two target durations (at least three reports) it is idle, and its slot free.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.open("news", "phone-1").statusCode() == 201);
            assertThat(get(ghostUrl)).as("the ghost came back, but its slot is taken").isEqualTo(403);

            String metrics = http.send(HttpRequest.newBuilder(server.metricsUrl()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("headwater_sessions_refused_total{node=\"" + server.sessions().nodeId()
                    + "\",reason=\"connection-limit\"}", "reason=\"not-in-packages\"", "reason=\"wrong-scope\"",
                    "headwater_sessions_ended_total", "reason=\"operator\"", "reason=\"replaced\"",
                    "headwater_egress_reserved_bits_per_second");
        }
    }

    @Test
    void end_oldest_ends_the_first_session_which_gets_403_on_its_next_request() throws Exception {
        try (HeadwaterServer server = start(LimitPolicy.END_OLDEST, 10_000_000_000L)) {
            Api api = playing(server, 2);

            URI oldest = api.url(api.open("news", "tv-1"));
            URI second = api.url(api.open("music", "tv-2"));
            assertThat(get(oldest)).isEqualTo(200);
            HttpResponse<String> third = api.open("news", "phone-1");
            assertThat(third.statusCode()).as(third.body()).isEqualTo(201);

            assertThat(get(oldest)).as("evicted").isEqualTo(403);
            assertThat(get(second)).isEqualTo(200);
            assertThat(get(api.url(third))).isEqualTo(200);
            assertThat(api.list().get("total").asInt()).isEqualTo(2);
        }
    }

    @Test
    void an_operator_end_closes_a_running_mpeg_ts_stream() throws Exception {
        try (HeadwaterServer server = start(LimitPolicy.REFUSE_NEW, 10_000_000_000L)) {
            Api api = playing(server, 1);
            HttpResponse<String> opened = api.post("sessions", "{\"username\": \"alice\", \"channelId\": \"news\","
                    + " \"format\": \"ts\", \"deviceKey\": \"stb\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            JsonNode session = JSON.readTree(opened.body());
            URI stream = server.baseUrl().resolve(session.get("urls").get("stream").asText().substring(1));

            HttpResponse<InputStream> playing = http.send(HttpRequest.newBuilder(stream).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(playing.statusCode()).isEqualTo(200);
            CompletableFuture<Long> untilClosed = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = playing.body()) {
                    return in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    return -1L;
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> api.list().get("items").get(0).get("bytes").asLong() > 0
                    || server.sessions().service().cached(session.get("id").asText()).orElseThrow().bytes() > 0);
            assertThat(untilClosed).isNotDone();

            assertThat(api.end(session.get("id").asText())).isEqualTo(204);

            untilClosed.get(20, TimeUnit.SECONDS);
            assertThat(get(stream)).isEqualTo(403);
        }
    }

    @Test
    void a_bound_session_plays_only_from_its_address_as_a_trusted_proxy_forwards_it() throws Exception {
        SessionsConfig d = SessionsConfig.defaults();
        HeadwaterConfig base = config(new SessionsConfig(d.lifetime(), LimitPolicy.REFUSE_NEW, true, d.retryAfter(),
                d.defaultBitsPerSecond()), 10_000_000_000L);
        ServerConfig behindProxy = new ServerConfig("127.0.0.1", 0,
                List.of(headwater.security.outbound.Cidr.parse("127.0.0.1/32")), "edge-1", 10_000_000_000L);
        try (HeadwaterServer server = HeadwaterServer.start(base.withServer(behindProxy), NO_FFMPEG)) {
            Api api = playing(server, 1);
            URI playlist = api.url(api.post("sessions", "{\"username\": \"alice\", \"channelId\": \"news\","
                    + " \"format\": \"hls\", \"clientAddress\": \"203.0.113.9\"}"));

            assertThat(get(playlist, "203.0.113.9")).as("forwarded by the trusted proxy").isEqualTo(200);
            assertThat(get(playlist, "198.51.100.1, 203.0.113.9")).as("the right-most untrusted entry").isEqualTo(200);
            assertThat(get(playlist, "198.51.100.1")).as("another client").isEqualTo(403);
            assertThat(get(playlist)).as("the proxy itself").isEqualTo(403);
        }
    }

    @Test
    void a_full_egress_capacity_answers_503_with_retry_after() throws Exception {
        try (HeadwaterServer server = start(LimitPolicy.REFUSE_NEW, 1)) {
            Api api = new Api(server);
            customers(api, 5);

            HttpResponse<String> busy = api.open("news", "tv-1");

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("10");
            assertThat(api.list().get("total").asInt()).isZero();
            String metrics = http.send(HttpRequest.newBuilder(server.metricsUrl()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("reason=\"capacity\"");
        }
    }

    @Test
    void a_plan_capped_at_sd_is_served_the_sd_rendition() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("hd.ts"), Fixtures.bytes(Fixtures.H264_AAC_720P));
        Files.write(media.resolve("sd.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = start(LimitPolicy.REFUSE_NEW, 10_000_000_000L)) {
            Api api = new Api(server);
            JdbiChannelRepository channels = new JdbiChannelRepository(server.database(), Clock.systemUTC());
            channels.create(ChannelDraft.of("news-hd", 1, "News HD").withSources(List.of(origin.url("/hd.ts"))));
            channels.create(ChannelDraft.of("news-sd", 2, "News SD").withSources(List.of(origin.url("/sd.ts"))));
            channels.setRenditions("news-hd", List.of("news-sd"));
            assertThat(api.post("packages", "{\"id\": \"premium\", \"name\": \"Premium\", \"channelIds\": [\"news-hd\"]}")
                    .statusCode()).isEqualTo(201);
            assertThat(api.post("plans", """
                    {"id": "sd-only", "name": "SD only", "packageIds": ["premium"], "maxConnections": 2, "maxQuality": "SD",
                     "price": {"minorUnits": 499, "currency": "EUR"}, "period": {"length": 1, "unit": "MONTHS"}}""")
                    .statusCode()).isEqualTo(201);
            assertThat(api.post("subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"correct horse\","
                    + " \"maxConnections\": 2, \"planId\": \"sd-only\"}").statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> server.renditions().rendition("news-hd").isPresent()
                    && server.renditions().rendition("news-sd").isPresent());

            HttpResponse<String> opened = api.open("news-hd", "tv-1");

            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            assertThat(JSON.readTree(opened.body()).get("rendition").asText()).isEqualTo("news-sd");
            URI playlist = api.url(opened);
            assertThat(playlist.getPath()).endsWith("/live/news-hd/index.m3u8");
            String body = http.send(HttpRequest.newBuilder(playlist).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).as("the SD rendition's output under the HD channel's URL").contains("RESOLUTION=320x180")
                    .doesNotContain("RESOLUTION=1280x720");
        }
    }

    private HeadwaterServer start(LimitPolicy policy, long egressBitsPerSecond) throws Exception {
        return HeadwaterServer.start(config(policy(policy), egressBitsPerSecond), NO_FFMPEG);
    }

    /** The customers of {@link #customers}, once the channels have segments to play. */
    private Api playing(HeadwaterServer server, int maxConnections) throws Exception {
        Api api = new Api(server);
        customers(api, maxConnections);
        assertThat(server.awaitSegments(2, Duration.ofSeconds(60))).isTrue();
        return api;
    }

    /** Packages basic (news, music by configuration) and sports (sport), and alice on basic. */
    private static void customers(Api api, int maxConnections) throws Exception {
        assertThat(api.post("packages", "{\"id\": \"basic\", \"name\": \"Basic\"}").statusCode()).isEqualTo(201);
        assertThat(api.post("packages", "{\"id\": \"sports\", \"name\": \"Sports\"}").statusCode()).isEqualTo(201);
        assertThat(api.post("subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"correct horse\","
                + " \"maxConnections\": " + maxConnections + ", \"packageIds\": [\"basic\"]}").statusCode()).isEqualTo(201);
    }

    private int get(URI uri, String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The admin API of a server, with its first key. */
    private final class Api {
        private final HeadwaterServer server;
        private final String key;

        Api(HeadwaterServer server) {
            this.server = server;
            this.key = AdminTokens.admin(server);
        }

        HttpResponse<String> open(String channel, String device) throws Exception {
            return post("sessions", "{\"username\": \"alice\", \"channelId\": \"" + channel + "\", \"format\": \"hls\","
                    + " \"deviceKey\": \"" + device + "\"}");
        }

        URI url(HttpResponse<String> opened) throws Exception {
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            return server.baseUrl().resolve(JSON.readTree(opened.body()).get("urls").get("multivariant").asText().substring(1));
        }

        JsonNode list() throws Exception {
            return JSON.readTree(send(request("sessions").GET()).body());
        }

        int end(String id) throws Exception {
            return send(request("sessions/" + id).DELETE()).statusCode();
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(server.adminApiUrl().resolve(path)).header("Authorization", "Bearer " + key);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
