package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start and stop, idle connections, failing catalogs, and many concurrent requests. */
class ServerLifecycleTest {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycleTest.class);
    private static final String BROKEN = "b123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";
    private static final String OK = "c123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    @Test
    void reportsBoundPortRefusesSecondStartAndClosesIdempotently() {
        DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1).withPort(0),
                new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "");
        int port = server.start();

        assertThat(port).isPositive();
        assertThat(server.port()).isEqualTo(port);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        server.close();
        server.close();
        assertThat(server.port()).isEqualTo(-1);
    }

    @Test
    void busyPortIsReportedWithHostAndPort() {
        try (DeliveryServer first = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1), new InMemoryCatalog(),
                TestGate.REFUSE_ALL, () -> "")) {
            int port = first.start("127.0.0.1", 0);
            DeliveryServer second = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1),
                    new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "");
            assertThatThrownBy(() -> second.start("127.0.0.1", port))
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        DeliveryOptions options = DeliveryOptions.defaults().withEventLoops(1).withPort(0)
                .withIdleTimeout(Duration.ofSeconds(1));
        try (DeliveryServer server = new DeliveryServer(options, new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "")) {
            int port = server.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(20_000);
                InputStream in = socket.getInputStream();
                assertThat(in.read()).as("server closed the idle connection").isEqualTo(-1);
            }
        }
    }

    @Test
    void failingChannelGives500AndTheServerGoesOn() throws Exception {
        InMemoryCatalog healthy = new InMemoryCatalog();
        healthy.add("ok").playlists("#EXTM3U\n", "#EXTM3U\n");
        LiveCatalog catalog = id -> {
            if (id.equals("broken")) {
                throw new IllegalStateException("headend lost channel broken");
            }
            return healthy.channel(id);
        };
        TestGate gate = new TestGate();
        gate.grant(BROKEN, "broken");
        gate.grant(OK, "ok");
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1), catalog, gate,
                () -> { throw new IllegalStateException("registry closed"); });
             HttpClient client = HttpClient.newHttpClient()) {
            int port = server.start("127.0.0.1", 0);

            assertThat(get(client, port, "/s/" + BROKEN + "/live/broken/index.m3u8").statusCode()).isEqualTo(500);
            assertThat(get(client, port, "/metrics").statusCode()).isEqualTo(500);
            assertThat(get(client, port, "/s/" + OK + "/live/ok/index.m3u8").statusCode()).isEqualTo(200);
        }
    }

    /**
     * Not a benchmark (that is bench/ against nginx): many concurrent keep-alive requests, each checked byte for
     * byte, so that races between event loops and sendfile would show. The rate goes to the log for curiosity.
     */
    @Test
    void manyConcurrentRangeRequestsAllGetTheRightBytes() throws Exception {
        byte[] segment = new byte[256 * 1024];
        new Random(7).nextBytes(segment);
        Path file = Files.write(dir.resolve("7.ts"), segment);
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.add("load").playlists("#EXTM3U\n", "#EXTM3U\n").segments.put(7L, new SegmentFile(file, segment.length));
        TestGate gate = new TestGate();
        String token = TestGate.newToken();
        TestViewer viewer = gate.grant(token, "load");
        int clients = 8;
        int requestsEach = 60;
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), catalog, gate,
                () -> "");
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            int port = server.start("127.0.0.1", 0);
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int good = 0;
                    try (HttpClient client = HttpClient.newHttpClient()) {
                        for (int i = 0; i < requestsEach; i++) {
                            int first = random.nextInt(segment.length);
                            int last = first + random.nextInt(segment.length - first);
                            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/s/" + token + "/live/load/7.ts"))
                                    .header("Range", "bytes=" + first + "-" + last).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 206
                                    && Arrays.equals(response.body(), Arrays.copyOfRange(segment, first, last + 1))) {
                                good++;
                            }
                        }
                    }
                    return good;
                }));
            }
            int good = 0;
            for (Future<Integer> result : results) {
                good += result.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("{} range requests in {} s ({} req/s) through java.net.http", clients * requestsEach,
                    String.format("%.2f", seconds), String.format("%.0f", clients * requestsEach / seconds));
            assertThat(good).isEqualTo(clients * requestsEach);
        }
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
