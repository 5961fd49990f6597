package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.audit.AuditEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server records into the hash-chained log, lists it on GET /api/v1/audit and counts failures in metrics. */
class AuditWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @Test
    void events_recorded_by_the_server_are_listed_by_the_api(@TempDir Path dir) throws Exception {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(), List.of(), defaults.metrics(),
                defaults.database(), defaults.outbound());
        HttpClient http = HttpClient.newHttpClient();
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            server.auditLog().record(new AuditEvent(Instant.now(), "anonymous", "eve\r\nforged", "192.0.2.7",
                    "login.failed", "-", "-", null, null, "refused"));
            String key = AdminTokens.admin(server);

            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(server.adminApiUrl().resolve(
                    "audit?action=login.*")).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).contains("\"seq\":1", "\"actor\":\"eve\\\\r\\\\nforged\"", "\"hash\":\"");

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("headwater_audit_failures 0.0");
        }
    }
}
