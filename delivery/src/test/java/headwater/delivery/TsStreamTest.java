package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The continuous MPEG-TS stream: fan-out in order, clean stop on disconnect, slow viewers dropped. */
class TsStreamTest {

    private static final int PACKET = 188;

    private static final String TOKEN = "0123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";
    private static final String STREAM = "/s/" + TOKEN + "/live/news-hd.ts";

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final TestGate gate = new TestGate();
    private TestViewer session;
    private InMemoryTsFeed feed;
    private DeliveryServer server;
    private int port;
    private HttpClient client;

    @BeforeEach
    void start() {
        feed = catalog.add("news-hd").feed;
        session = gate.grant(TOKEN, "news-hd");
        start(DeliveryOptions.defaults().withEventLoops(2));
        client = HttpClient.newHttpClient();
    }

    private void start(DeliveryOptions options) {
        if (server != null) {
            server.close();
        }
        server = new DeliveryServer(options, catalog, gate, () -> "");
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    /** {@code count} TS packets whose payload bytes carry the running {@code first + i} counter. */
    private static byte[] packets(int first, int count) {
        byte[] bytes = new byte[count * PACKET];
        for (int i = 0; i < count; i++) {
            int offset = i * PACKET;
            bytes[offset] = 0x47;
            int n = first + i;
            for (int j = 1; j < PACKET; j++) {
                bytes[offset + j] = (byte) (n + j);
            }
        }
        return bytes;
    }

    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).as("bytes received").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("offset of the first wrong byte").isEqualTo(-1);
    }

    private CompletableFuture<HttpResponse<InputStream>> open() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STREAM))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void twoViewersReceiveTheFedBytesInOrder() throws Exception {
        CompletableFuture<HttpResponse<InputStream>> first = open();
        CompletableFuture<HttpResponse<InputStream>> second = open();
        HttpResponse<InputStream> a = first.get(10, TimeUnit.SECONDS);
        HttpResponse<InputStream> b = second.get(10, TimeUnit.SECONDS);
        eventually().until(() -> feed.subscribers() == 2);
        assertThat(server.stats().streamViewers()).isEqualTo(2);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int chunk = 0; chunk < 200; chunk++) {
            byte[] bytes = packets(chunk * 7, 7);
            expected.writeBytes(bytes);
            feed.push(bytes);
        }
        feed.end("channel news-hd stopped");

        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(a.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(a.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        try (InputStream inA = a.body(); InputStream inB = b.body()) {
            assertSameBytes(inA.readAllBytes(), expected.toByteArray());
            assertSameBytes(inB.readAllBytes(), expected.toByteArray());
        }
        eventually().until(() -> server.stats().streamViewers() == 0);
        assertThat(server.stats().droppedViewers()).isZero();
        assertThat(session.bytes()).as("bytes counted to the session").isEqualTo(2L * expected.size());
        assertThat(gate.lastFormat()).isEqualTo(StreamFormat.TS);
    }

    @Test
    void streamEndsAtTheNextChunkOnceTheSessionHasEnded() throws Exception {
        HttpResponse<InputStream> response = open().get(10, TimeUnit.SECONDS);
        eventually().until(() -> feed.subscribers() == 1);
        byte[] before = packets(0, 7);
        feed.push(before);
        eventually().until(() -> session.bytes() >= before.length);

        session.end(); // e.g. an operator ended it, or a newer device took the slot
        feed.push(packets(7, 7));

        try (InputStream in = response.body()) {
            assertSameBytes(in.readAllBytes(), before);
        }
        eventually().until(() -> feed.subscribers() == 0);
        assertThat(feed.cancelledTotal()).isEqualTo(1);
        assertThat(server.stats().streamViewers()).isZero();
        assertThat(server.stats().droppedViewers()).isZero();
        HttpResponse<Void> again = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STREAM))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(again.statusCode()).as("an ended session is refused on its next request").isEqualTo(403);
    }

    @Test
    void disconnectingViewerIsUnsubscribed() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + STREAM + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            eventually().until(() -> feed.subscribers() == 1);
            feed.push(packets(0, 10));
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(head).isEqualTo("HTTP/1.1 200");
        }

        eventually().until(() -> feed.subscribers() == 0);
        assertThat(feed.cancelledTotal()).isEqualTo(1);
        feed.push(packets(10, 10)); // nobody left: must not fail
        assertThat(server.stats().streamViewers()).isZero();
        assertThat(server.stats().droppedViewers()).isZero();
    }

    @Test
    void slowViewerIsDroppedWithoutHurtingAnother() throws Exception {
        // Small per-viewer buffers so that a viewer that never reads is dropped after a few MiB, not tens.
        start(DeliveryOptions.defaults().withEventLoops(2).withStreamBuffers(16 * 1024, 256 * 1024));
        HttpResponse<InputStream> fast = open().get(10, TimeUnit.SECONDS);
        AtomicLong fastRead = new AtomicLong();
        ByteArrayOutputStream fastBytes = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().name("fast-viewer").start(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = fast.body()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (fastBytes) {
                        fastBytes.write(buffer, 0, n);
                    }
                    fastRead.addAndGet(n);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            slow.getOutputStream().write(("GET " + STREAM + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            eventually().until(() -> feed.subscribers() == 2);

            // Feed at the pace of the fast viewer until the slow one, which never reads, is dropped.
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int chunk = 0;
            long fed = 0;
            while (feed.subscribers() == 2 && fed < 64L * 1024 * 1024) {
                byte[] bytes = packets(chunk * 350, 350); // ~64 KiB
                feed.push(bytes);
                expected.writeBytes(bytes);
                fed += bytes.length;
                chunk++;
                long target = fed;
                eventually().until(() -> fastRead.get() >= target);
            }
            assertThat(feed.subscribers()).as("slow viewer dropped after %d bytes", fed).isEqualTo(1);
            assertThat(feed.cancelledTotal()).isEqualTo(1);
            assertThat(server.stats().droppedViewers()).isEqualTo(1);
            assertThat(server.stats().streamViewers()).isEqualTo(1);

            // The fast viewer goes on receiving, in order, and the stream ends cleanly.
            for (int i = 0; i < 10; i++) {
                byte[] bytes = packets((chunk + i) * 350, 350);
                feed.push(bytes);
                expected.writeBytes(bytes);
                fed += bytes.length;
                long target = fed;
                eventually().until(() -> fastRead.get() >= target);
            }
            feed.end("channel news-hd stopped");
            reader.join(20_000);
            assertThat(reader.isAlive()).isFalse();
            synchronized (fastBytes) {
                assertSameBytes(fastBytes.toByteArray(), expected.toByteArray());
            }

            // The server closed the slow viewer's connection: draining it ends in EOF, not a timeout.
            slow.setSoTimeout(20_000);
            long drained = slow.getInputStream().transferTo(OutputStreamSink.INSTANCE);
            assertThat(drained).isLessThan(fed);
        }
    }

    @Test
    void closingTheServerUnsubscribesEveryViewer() throws Exception {
        HttpResponse<InputStream> viewer = open().get(10, TimeUnit.SECONDS);
        eventually().until(() -> feed.subscribers() == 1);

        server.close();

        eventually().until(() -> feed.subscribers() == 0);
        assertThat(feed.cancelledTotal()).isEqualTo(1);
        viewer.body().close();
    }

    @Test
    void headOfStreamDoesNotSubscribe() throws Exception {
        HttpResponse<Void> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STREAM))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(feed.subscribedTotal()).isZero();
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
