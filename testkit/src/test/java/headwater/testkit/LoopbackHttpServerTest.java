package headwater.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackHttpServerTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesFilesUnderItsDirectoryWithMediaTypes() throws Exception {
        Files.writeString(dir.resolve("a.m3u8"), "#EXTM3U\n");
        Files.write(dir.resolve("a.ts"), new byte[188]);
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir)) {
            assertThat(server.url("/").getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> playlist = get(server.url("/a.m3u8"));
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.body()).isEqualTo("#EXTM3U\n");
            assertThat(playlist.headers().firstValue("content-type")).hasValue("application/vnd.apple.mpegurl");
            assertThat(get(server.url("/a.ts")).headers().firstValue("content-type")).hasValue("video/mp2t");
            assertThat(server.requests()).containsExactly("/a.m3u8", "/a.ts");
        }
    }

    @Test
    void servesNothingOutsideItsDirectory() throws Exception {
        Path inner = Files.createDirectory(dir.resolve("inner"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(inner)) {
            assertThat(get(server.url("/../secret.txt")).statusCode()).isEqualTo(404);
            assertThat(get(server.url("/%2e%2e/secret.txt")).statusCode()).isEqualTo(404);
            assertThat(get(server.url("/missing.ts")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePlayerPageTakesTheStreamFromItsQuery() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.playerOnly()) {
            URI page = server.playerPage("http://127.0.0.1:9/live/a b.m3u8");
            assertThat(page.getRawQuery()).isEqualTo("src=http%3A%2F%2F127.0.0.1%3A9%2Flive%2Fa+b.m3u8");

            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<video", "muted", "autoplay", "get('src')");
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
