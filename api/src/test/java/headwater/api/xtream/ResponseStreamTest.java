package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker writing a large answer through {@link ResponseStream}: backpressure, and a client that goes away. */
class ResponseStreamTest {

    private static final int TOTAL = 32 * 1024 * 1024;

    private Vertx vertx;
    private int port;
    private final CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    private final AtomicLong written = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> vertx.executeBlocking(() -> {
                    request.response().setChunked(true);
                    byte[] block = new byte[10_000];
                    for (int i = 0; i < block.length; i++) {
                        block[i] = (byte) ('a' + i % 26);
                    }
                    try (ResponseStream out = new ResponseStream(request.response())) {
                        for (int sent = 0; sent < TOTAL; sent += block.length) {
                            int n = Math.min(block.length, TOTAL - sent);
                            out.write(block, 0, n);
                            written.addAndGet(n);
                        }
                        outcome.complete(null);
                    } catch (IOException e) {
                        outcome.complete(e);
                    }
                    return null;
                }, false));
        port = server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void every_byte_arrives_in_order() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/")).build(), HttpResponse.BodyHandlers.ofInputStream());
            long count = 0;
            long misplaced = -1;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n && misplaced < 0; i++) {
                        if (buffer[i] != (byte) ('a' + (count + i) % 10_000 % 26)) {
                            misplaced = count + i;
                        }
                    }
                    count += n;
                }
            }
            assertThat(count).isEqualTo(TOTAL);
            assertThat(misplaced).as("first byte out of order").isEqualTo(-1);
        }
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void a_client_that_stops_reading_and_leaves_ends_the_writer_with_an_io_exception() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setReceiveBufferSize(4096);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readNBytes(100);
        }
        assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(written.get()).as("the writer stopped early, it did not buffer everything").isLessThan(TOTAL);
    }
}
