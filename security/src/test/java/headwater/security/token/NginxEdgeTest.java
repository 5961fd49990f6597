package headwater.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.testkit.Tools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge check of docs/05-playback-tokens.md, run: Debian's nginx with njs loads {@code docs/edge/*} as documented
 * and must agree with {@link PlaybackTokens} on valid, tampered, expired, other-scope and other-key tokens. Skipped
 * with a message when nginx or its js module is missing, failed instead under {@code CI=true}.
 */
class NginxEdgeTest {

    private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_js_module.so");
    private static final Path EDGE = Path.of("..", "docs", "edge").toAbsolutePath().normalize();
    private static final TokenKey ONE = new TokenKey("1", HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    private static final TokenKey TWO = new TokenKey("2", HexFormat.of().parseHex(
            "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"));
    private static final TokenKey UNKNOWN = new TokenKey("3", new byte[32]);
    private static final String SID = "00112233445566778899aabbccddeeff";

    @TempDir
    static Path dir;
    private static Process nginx;
    private static int port;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Path executable = Tools.require(Tools.onPath("nginx").orElse(Path.of("/usr/sbin/nginx")), "nginx-light");
        if (!Files.isRegularFile(MODULE)) {
            String message = MODULE + " is missing; install Debian's package: apt-get install libnginx-mod-http-js";
            if (Tools.underCi()) {
                Assertions.fail("CI=true and a required tool is missing: " + message);
            }
            Assumptions.abort("skipped: " + message + " (under CI=true this fails instead)");
        }
        Files.createDirectories(dir.resolve("www/live/news"));
        Files.createDirectories(dir.resolve("www/live/ch1"));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("www/live/news/7.ts"), "segment 7");
        Files.writeString(dir.resolve("www/live/news/media.m3u8"), "#EXTM3U\n");
        Files.writeString(dir.resolve("www/live/news.ts"), "stream");
        Files.writeString(dir.resolve("www/live/ch1/1.ts"), "ch1");
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String keys = ONE.id() + ":" + HexFormat.of().formatHex(ONE.secret()) + " " + TWO.id() + ":"
                + HexFormat.of().formatHex(TWO.secret());
        String conf = """
                load_module %1$s;
                pid %2$s/nginx.pid;
                error_log %2$s/logs/error.log info;
                master_process off;
                events { worker_connections 64; }
                http {
                    access_log %2$s/logs/access.log;
                    client_body_temp_path %2$s/tmp-body;
                    proxy_temp_path %2$s/tmp-proxy;
                    fastcgi_temp_path %2$s/tmp-fastcgi;
                    uwsgi_temp_path %2$s/tmp-uwsgi;
                    scgi_temp_path %2$s/tmp-scgi;
                    js_path "%3$s";
                    include %3$s/headwater-edge.conf;
                    server {
                        listen 127.0.0.1:%4$d;
                        root %2$s/www;
                        set $headwater_token_keys "%5$s";
                        include %3$s/headwater-location.conf;
                    }
                }
                """.formatted(MODULE, dir, EDGE, port, keys);
        Files.writeString(dir.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(executable.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf")
                .toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        awaitListening();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void awaitListening() throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (!nginx.isAlive()) {
                Assertions.fail("nginx exited: " + Files.readString(dir.resolve("logs/stdout.log"))
                        + readIfPresent(dir.resolve("logs/error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        Assertions.fail("nginx did not listen on " + port + ": " + readIfPresent(dir.resolve("logs/error.log")));
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String token(TokenKey key, long expires, String scope) {
        return PlaybackTokens.of(TokenKeyRing.of(key)).sign(SID, expires, scope);
    }

    private static long inAnHour() {
        return Instant.now().getEpochSecond() + 3600;
    }

    @Test
    void valid_tokens_of_every_accepted_key_open_their_channel() throws Exception {
        for (TokenKey key : List.of(ONE, TWO)) {
            String token = token(key, inAnHour(), "live/news");
            HttpResponse<String> segment = get("/s/" + token + "/live/news/7.ts");
            assertThat(segment.statusCode()).as(token).isEqualTo(200);
            assertThat(segment.body()).isEqualTo("segment 7");
            assertThat(segment.headers().firstValue("Content-Type")).contains("video/mp2t");
            assertThat(get("/s/" + token + "/live/news/media.m3u8").statusCode()).isEqualTo(200);
            assertThat(get("/s/" + token + "/live/news.ts").body()).isEqualTo("stream");
        }
        assertThat(get("/s/" + token(ONE, inAnHour(), "live/ch1") + "/live/ch1/1.ts").statusCode()).isEqualTo(200);
    }

    @Test
    void tampered_expired_other_scope_and_unknown_key_tokens_get_403() throws Exception {
        String valid = token(ONE, inAnHour(), "live/news");
        char last = valid.charAt(valid.length() - 1);
        String tampered = valid.substring(0, valid.length() - 1) + (last == '0' ? '1' : '0');
        List<String> refused = List.of(
                "/s/" + tampered + "/live/news/7.ts",
                "/s/" + token(ONE, Instant.now().getEpochSecond() - 1, "live/news") + "/live/news/7.ts",
                "/s/" + token(ONE, inAnHour(), "live/ch1") + "/live/news/7.ts",
                "/s/" + token(ONE, inAnHour(), "live/ch10") + "/live/ch1/1.ts",
                "/s/" + token(UNKNOWN, inAnHour(), "live/news") + "/live/news/7.ts",
                "/s/" + valid.toUpperCase() + "/live/news/7.ts",
                "/s/" + valid.substring(0, 60) + "/live/news/7.ts",
                "/s/" + "a".repeat(5000) + "/live/news/7.ts",
                "/s/" + valid + "/live/%6eews/7.ts",
                "/s/" + valid + "/live/news/../news/7.ts",
                "/s//live/news/7.ts");
        for (String path : refused) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(403);
        }
        String log = Files.readString(dir.resolve("logs/error.log"));
        assertThat(log).doesNotContain("js exception");
    }
}
