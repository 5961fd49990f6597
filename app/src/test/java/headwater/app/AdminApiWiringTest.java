package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API mounted on the server's port: the first start makes a key (shown once; later starts make none), the
 * key is required, and a channel created through the API goes live in the headend like one from the CLI.
 */
class AdminApiWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void first_start_makes_no_credential_a_token_opens_the_api_and_api_channels_go_live(@TempDir Path dir)
            throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(), defaults.metrics(), defaults.database(), defaults.outbound());

        String key;
        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            long tokens = server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM api_token")
                    .mapTo(Long.class).one());
            assertThat(tokens).as("first start makes no token").isZero();
            key = AdminTokens.admin(server);
            URI api = server.adminApiUrl();
            assertThat(api.toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/api/v1/");

            assertThat(send(HttpRequest.newBuilder(api.resolve("openapi.json")).build()).statusCode()).isEqualTo(200);
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(api.resolve("channels")).build());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");

            String body = "{\"id\": \"sport\", \"number\": 7, \"name\": \"Sport\", \"sources\": [\""
                    + origin.url("/loop.ts") + "\"]}";
            HttpResponse<String> created = send(HttpRequest.newBuilder(api.resolve("channels"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            // A subscriber entitled to the channel opens a session through the API; its URL plays.
            assertThat(post(api.resolve("packages"), key, "{\"id\": \"sports\", \"name\": \"Sports\", \"channelIds\": [\"sport\"]}")
                    .statusCode()).isEqualTo(201);
            assertThat(post(api.resolve("subscribers"), key, "{\"id\": \"s1\", \"username\": \"alice\","
                    + " \"password\": \"correct horse\", \"packageIds\": [\"sports\"]}").statusCode()).isEqualTo(201);
            String open = "{\"username\": \"alice\", \"channelId\": \"sport\", \"format\": \"hls\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> post(api.resolve("sessions"), key, open).statusCode() == 201);
            HttpResponse<String> session = post(api.resolve("sessions"), key, open);
            assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
            String path = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(session.body())
                    .get("urls").get("multivariant").asText();
            URI playlist = server.baseUrl().resolve(path.substring(1));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    send(HttpRequest.newBuilder(playlist).build()).statusCode() == 200);
            HttpResponse<String> sessions = send(HttpRequest.newBuilder(api.resolve("sessions?subscriber=s1"))
                    .header("Authorization", "Bearer " + key).build());
            assertThat(sessions.body()).as("the same device re-opening replaced its session").contains("\"total\":1");
            // A playlist token made through the API opens the subscriber's M3U, as the Xtream apps use it.
            HttpResponse<String> issued = post(api.resolve("subscribers/s1/playlist-tokens"), key,
                    "{\"label\": \"living-room TV\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            String playlistToken = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(issued.body()).get("token").asText();
            HttpResponse<String> m3u = send(HttpRequest.newBuilder(server.baseUrl().resolve(
                    "get.php?token=" + playlistToken + "&type=m3u_plus&output=m3u8")).build());
            assertThat(m3u.statusCode()).as(m3u.body()).isEqualTo(200);
            assertThat(m3u.body()).startsWith("#EXTM3U").contains("Sport");
            HttpResponse<String> kept = send(HttpRequest.newBuilder(api.resolve("subscribers/s1/playlist-tokens"))
                    .header("Authorization", "Bearer " + key).build());
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("living-room TV").doesNotContain(playlistToken);
            // The subscriber's TOTP is wired to the same store as the portal login: none yet, nothing to reset.
            HttpResponse<String> totp = send(HttpRequest.newBuilder(api.resolve("subscribers/s1/totp"))
                    .header("Authorization", "Bearer " + key).build());
            assertThat(totp.statusCode()).as(totp.body()).isEqualTo(200);
            assertThat(totp.body()).contains("\"enrolled\":false");
            HttpResponse<String> reset = send(HttpRequest.newBuilder(api.resolve("subscribers/s1/totp"))
                    .header("Authorization", "Bearer " + key).DELETE().build());
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(404);
            HttpResponse<String> listed = send(HttpRequest.newBuilder(api.resolve("channels"))
                    .header("Authorization", "Bearer " + key).build());
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("\"sport\"");
        }
        try (HeadwaterServer again = HeadwaterServer.start(config, NO_FFMPEG)) {
            assertThat(send(HttpRequest.newBuilder(again.adminApiUrl().resolve("channels"))
                    .header("Authorization", "Bearer " + key).build()).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> post(URI uri, String key, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
