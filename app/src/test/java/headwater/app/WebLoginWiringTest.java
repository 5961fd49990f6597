package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.app.wiring.ServerTrust;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with web logins: an administrator made by {@code headwater admin create} while the server runs logs
 * in over HTTPS with its password and a TOTP code from the key the command wrote, reaches the admin API with the
 * session cookie and its CSRF token, and logs out. The database holds the TOTP key only sealed.
 */
class WebLoginWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final String PASSWORD = "a long and private passphrase";
    private HttpClient http;

    @Test
    void an_admin_made_by_the_cli_logs_in_with_totp_over_https(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        HeadwaterConfig config = HeadwaterConfig.defaults().withServer(new ServerConfig("127.0.0.1", 0))
                .withDataDir(data);
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG);
             HttpClient https = HttpClient.newBuilder().sslContext(ServerTrust.context(config)).build()) {
            http = https;
            assertThat(server.adminApiUrl().getScheme()).isEqualTo("https");
            URI setupPage = server.baseUrl().resolve("setup/");
            assertThat(get(setupPage, "").statusCode()).as("no admin yet: the first-run page is open").isEqualTo(200);
            Path uriFile = dir.resolve("alice.otpauth");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"admin", "create", "--username", "alice", "--password-stdin",
                            "--totp-uri-out", uriFile.toString(), "--data-dir", data.toString()}, Map.of(),
                    new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Administrator alice created").doesNotContain(PASSWORD)
                    .containsPattern("(?m)^  [a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(uriFile))).isEqualTo("rw-------");
            String uri = Files.readString(uriFile).strip();
            TotpKey key = TotpKey.ofBase32(uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1"));
            String sealed = server.database().read(h -> h.createQuery("SELECT totp_seed FROM account")
                    .mapTo(String.class).one());
            assertThat(sealed).doesNotContain(key.base32()).doesNotContain(HexFormat.of().formatHex(key.bytes()));

            assertThat(get(setupPage, "").statusCode()).as("an admin exists: the page is closed").isEqualTo(404);
            URI api = server.adminApiUrl();
            String totp = Totp.code(key, Totp.step(Instant.now()));
            HttpResponse<String> login = post(api.resolve("auth/login"), null, null,
                    "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\",\"totp\":\"" + totp + "\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("__Host-hw_session=").contains("Secure").containsIgnoringCase("HttpOnly")
                    .contains("SameSite=Strict");
            String cookie = setCookie.split(";", 2)[0];
            String csrf = json(login).path("csrfToken").asText();

            JsonNode me = json(get(api.resolve("auth/me"), cookie));
            assertThat(me.path("username").asText()).isEqualTo("alice");
            assertThat(me.path("role").asText()).isEqualTo("ADMIN");
            assertThat(get(api.resolve("channels"), cookie).statusCode()).isEqualTo(200);
            assertThat(post(api.resolve("auth/login"), null, null, "{\"username\":\"alice\",\"password\":\""
                    + PASSWORD + "\",\"totp\":\"" + totp + "\"}").statusCode()).as("the code is used up").isEqualTo(401);

            assertThat(post(api.resolve("auth/logout"), cookie, null, "{}").statusCode()).isEqualTo(403);
            assertThat(post(api.resolve("auth/logout"), cookie, csrf, "{}").statusCode()).isEqualTo(204);
            assertThat(get(api.resolve("auth/me"), cookie).statusCode()).isEqualTo(401);
            java.util.List<String> audited = new java.util.ArrayList<>();
            server.auditLog().forEach(entry -> audited.add(entry.event().action()));
            assertThat(audited).as("the durable, hash-chained audit log").contains("login", "login.failed",
                    "logout");
        }
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String cookie, String csrf, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonMapper.builder().build().readTree(response.body());
    }
}
