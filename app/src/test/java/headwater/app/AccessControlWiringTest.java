package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.api.ApiTokens;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.audit.AuditEntry;
import headwater.domain.audit.AuditQuery;
import headwater.domain.identity.Role;
import headwater.store.apitoken.JdbiApiTokenRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access-control attacks against the real server over HTTP: a reseller probing another's subscriber (404), setting
 * privileged fields (403 privileged-field), support changing things (403), a revoked token (401), each refused
 * mutation in the server's durable audit log.
 */
class AccessControlWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_running_server_confines_each_caller(@TempDir Path dir) throws Exception {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(), List.of(), defaults.metrics(),
                defaults.database(), defaults.outbound());
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            URI api = server.adminApiUrl();
            String admin = AdminTokens.admin(server);
            assertThat(send(api, admin, "POST", "resellers", "{\"id\": \"r1\", \"name\": \"One\"}").statusCode())
                    .isEqualTo(201);
            assertThat(send(api, admin, "POST", "resellers", "{\"id\": \"r2\", \"name\": \"Two\"}").statusCode())
                    .isEqualTo(201);
            assertThat(send(api, admin, "POST", "subscribers", "{\"id\": \"s1\", \"username\": \"alice\","
                    + " \"password\": \"correct horse\", \"resellerId\": \"r1\"}").statusCode()).isEqualTo(201);
            String r2 = AdminTokens.issue(server.database(), Role.RESELLER, "r2", ApiScope.SUBSCRIBERS_READ,
                    ApiScope.SUBSCRIBERS_WRITE);
            String support = AdminTokens.issue(server.database(), Role.SUPPORT, null, ApiScope.SUBSCRIBERS_READ);

            assertThat(send(api, r2, "GET", "subscribers/s1", null).statusCode()).isEqualTo(404);
            assertThat(send(api, r2, "DELETE", "subscribers/s1", null).statusCode()).isEqualTo(404);
            HttpResponse<String> escalate = send(api, r2, "POST", "subscribers", "{\"id\": \"s9\", \"username\":"
                    + " \"mallory\", \"password\": \"correct horse\", \"resellerId\": \"r1\", \"maxConnections\": 99}");
            assertThat(escalate.statusCode()).isEqualTo(403);
            assertThat(escalate.body()).contains("privileged-field", "resellerId", "maxConnections");
            assertThat(send(api, support, "GET", "subscribers/s1", null).statusCode()).isEqualTo(200);
            assertThat(send(api, support, "DELETE", "subscribers/s1", null).statusCode()).isEqualTo(403);

            ApiTokens tokens = new ApiTokens(new JdbiApiTokenRepository(server.database()), Clock.systemUTC());
            String revoked = tokens.issue("leaked", Role.ADMIN, java.util.Set.of(ApiScope.ADMIN), null, "test", null)
                    .secret();
            assertThat(send(api, revoked, "GET", "subscribers", null).statusCode()).isEqualTo(200);
            assertThat(tokens.revoke("leaked")).isPresent();
            assertThat(send(api, revoked, "GET", "subscribers", null).statusCode()).isEqualTo(401);
            assertThat(send(api, admin, "GET", "subscribers/s1", null).statusCode()).as("s1 unharmed").isEqualTo(200);

            AuditQuery all = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    0, 100);
            await().until(() -> server.auditLog().find(all).stream()
                    .filter(e -> e.event().outcome().startsWith("refused:")).count() >= 2);
            List<AuditEntry> entries = server.auditLog().find(all);
            assertThat(entries).extracting(e -> e.event().action() + " " + e.event().outcome())
                    .contains("subscribers.delete refused:forbidden", "subscribers.create refused:privileged-field",
                            "subscribers.delete failed:not-found");
        }
    }

    private HttpResponse<String> send(URI api, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).header("Authorization",
                "Bearer " + token);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
