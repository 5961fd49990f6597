package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS on the server's port: media over TLS, HSTS on every response, and a new certificate without a restart. */
class HttpsServerTest {

    @TempDir
    Path dir;

    @Test
    void servesSegmentsAndPlaylistsOverTlsWithHsts() throws Exception {
        ServerCertificate certificate = TestCertificates.make(dir, "first");
        byte[] segment = new byte[300_000];
        new Random(7).nextBytes(segment);
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryCatalog.Channel news = catalog.add("news").playlists("#EXTM3U\n", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n");
        news.segments.put(7L, new SegmentFile(Files.write(dir.resolve("7.ts"), segment), segment.length));
        TestGate gate = new TestGate();
        String token = TestGate.newToken();
        gate.grant(token, "news");
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), catalog, gate,
                () -> "").https(new HttpsSettings(certificate, Duration.ofDays(365)));
             HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.trusting(certificate)).build()) {
            int port = server.start("127.0.0.1", 0);
            String base = "https://127.0.0.1:" + port;

            HttpResponse<byte[]> sent = client.send(HttpRequest.newBuilder(URI.create(base + "/s/" + token
                    + "/live/news/7.ts")).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> playlist = client.send(HttpRequest.newBuilder(URI.create(base + "/s/" + token
                    + "/live/news/media.m3u8")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(server.scheme()).isEqualTo("https");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.body()).isEqualTo(segment);
            assertThat(playlist.body()).contains("#EXT-X-TARGETDURATION:4");
            assertThat(sent.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
            for (HttpResponse<?> response : new HttpResponse<?>[] {sent, playlist, health}) {
                assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            }
        }
    }

    @Test
    void presentsANewCertificateToNewConnectionsWithoutARestart() throws Exception {
        ServerCertificate first = TestCertificates.make(dir, "first");
        ServerCertificate second = TestCertificates.make(dir, "second");
        SSLContext trustsBoth = TestCertificates.trusting(first, second);
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2),
                new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "")
                .https(new HttpsSettings(first, HttpsSettings.DEFAULT_HSTS_MAX_AGE))) {
            int port = server.start("127.0.0.1", 0);
            try (SSLSocket before = (SSLSocket) trustsBoth.getSocketFactory().createSocket("127.0.0.1", port)) {
                assertThat(presented(before)).isEqualTo(first.chain().getFirst());

                server.updateCertificate(second);

                for (int connection = 0; connection < 4; connection++) {
                    try (SSLSocket after = (SSLSocket) trustsBoth.getSocketFactory().createSocket("127.0.0.1", port)) {
                        assertThat(presented(after)).isEqualTo(second.chain().getFirst());
                    }
                }
                assertThat(presented(before)).isEqualTo(first.chain().getFirst());
            }
        }
    }

    @Test
    void aPlainPortNeedsHttpsAndAnUpdateNeedsAStartedHttpsServer() throws Exception {
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1),
                new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "").plainHttp(new PlainHttpPort(0, false))) {
            assertThatThrownBy(() -> server.start("127.0.0.1", 0))
                    .hasMessage("a plain HTTP port for media is only for a server that serves HTTPS");
            assertThatThrownBy(() -> server.updateCertificate(TestCertificates.make(dir, "x")))
                    .hasMessage("the delivery server does not serve HTTPS");
        }
    }

    private static X509Certificate presented(SSLSocket socket) throws Exception {
        socket.startHandshake();
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
}
