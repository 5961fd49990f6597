package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A viewer that plays correctly while a test attacks the server: it fetches the media playlist and a segment over and
 * over, checking every byte, and records anything that goes wrong.
 */
final class WellBehavedViewer implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger rounds = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    WellBehavedViewer(int port, String channelPath, String playlist, long sequence, byte[] segment) {
        URI playlistUri = URI.create("http://127.0.0.1:" + port + channelPath + "/media.m3u8");
        URI segmentUri = URI.create("http://127.0.0.1:" + port + channelPath + "/" + sequence + ".ts");
        thread = Thread.ofPlatform().daemon().name("well-behaved-viewer").start(() -> {
            while (running) {
                try {
                    HttpResponse<String> list = client.send(HttpRequest.newBuilder(playlistUri)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    HttpResponse<byte[]> bytes = client.send(HttpRequest.newBuilder(segmentUri)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (list.statusCode() != 200 || !list.body().equals(playlist)) {
                        failures.add("playlist: " + list.statusCode());
                    } else if (bytes.statusCode() != 200 || !Arrays.equals(bytes.body(), segment)) {
                        failures.add("segment: " + bytes.statusCode() + ", " + bytes.body().length + " bytes");
                    } else {
                        rounds.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (running) {
                        failures.add(e.toString());
                    }
                }
            }
        });
    }

    /** Waits for a few more correct rounds and asserts that nothing failed so far. */
    void assertUnaffected() {
        int now = rounds.get();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> rounds.get() >= now + 3 || !failures.isEmpty());
        assertThat(failures).as("the well-behaved viewer's failures").isEmpty();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        client.close();
    }
}
