package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-event-loop open-file cache behind segment sendfile. */
class OpenSegmentsTest {

    private static final long FOREVER = Long.MAX_VALUE / 2;

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final Context loop = vertx.getOrCreateContext();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the cache's event loop and waits for its result. */
    private <T> T onLoop(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.runOnContext(v -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    private <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private SegmentFile segment(String name, int size) throws IOException {
        return new SegmentFile(Files.write(dir.resolve(name), new byte[size]), size);
    }

    @Test
    void aMissOpensOnceAndLaterRequestsShareTheChannel() throws Exception {
        OpenSegments files = new OpenSegments(vertx, 8, FOREVER);
        SegmentFile file = segment("1.ts", 100);

        assertThat(onLoop(() -> files.cached(file, 0))).isNull();
        List<Future<OpenSegments.Entry>> both = onLoop(() -> List.of(files.open(file), files.open(file)));
        Future<OpenSegments.Entry> second = both.get(1);
        OpenSegments.Entry opened = await(both.get(0));
        OpenSegments.Entry hit = onLoop(() -> files.cached(file, 1));

        assertThat(await(second)).as("concurrent misses share one open").isSameAs(opened);
        assertThat(hit).isSameAs(opened);
        assertThat(hit.channel().size()).isEqualTo(100);
        assertThat(onLoop(files::size)).isEqualTo(1);
    }

    @Test
    void anEvictedFileClosesWhenItsLastSendHasFinished() throws Exception {
        OpenSegments files = new OpenSegments(vertx, 1, FOREVER);
        SegmentFile a = segment("a.ts", 10);
        SegmentFile b = segment("b.ts", 10);

        OpenSegments.Entry inFlight = await(onLoop(() -> files.open(a)));
        OpenSegments.Entry other = await(onLoop(() -> files.open(b))); // evicts a, still being sent

        assertThat(inFlight.isOpen()).as("a send still uses it").isTrue();
        assertThat(onLoop(() -> files.cached(a, 0))).isNull();
        onLoop(() -> {
            inFlight.release();
            return null;
        });
        assertThat(inFlight.isOpen()).isFalse();
        assertThat(other.isOpen()).isTrue();
    }

    @Test
    void oldEntriesAndChangedSizesAreOpenedAgain() throws Exception {
        OpenSegments files = new OpenSegments(vertx, 8, 1_000);
        SegmentFile file = segment("2.ts", 10);
        OpenSegments.Entry entry = await(onLoop(() -> files.open(file)));
        onLoop(() -> {
            entry.release();
            return null;
        });

        assertThat(onLoop(() -> files.cached(file, System.nanoTime() + 2_000))).as("older than the validity").isNull();
        assertThat(entry.isOpen()).isFalse();

        OpenSegments.Entry again = await(onLoop(() -> files.open(file)));
        SegmentFile resized = new SegmentFile(file.path(), 11);
        assertThat(onLoop(() -> files.cached(resized, System.nanoTime()))).isNull();
        assertThat(again.isOpen()).as("retired but still retained by its send").isTrue();
    }

    /** A fast open may complete before its completion handler is registered; no stale open may be left behind. */
    @Test
    void everyMissAfterARetiredEntryGetsAnOpenChannel() throws Exception {
        OpenSegments files = new OpenSegments(vertx, 8, FOREVER);
        SegmentFile file = segment("r.ts", 10);
        for (int i = 0; i < 300; i++) {
            OpenSegments.Entry entry = await(onLoop(() -> files.open(file)));
            assertThat(entry.isOpen()).as("open number %d", i).isTrue();
            onLoop(() -> {
                entry.release();
                return files.cached(new SegmentFile(file.path(), 11), 0); // another size: retired and closed
            });
            assertThat(entry.isOpen()).isFalse();
        }
    }

    @Test
    void sweepAndCloseReleaseIdleFiles() throws Exception {
        OpenSegments files = new OpenSegments(vertx, 8, 1_000);
        OpenSegments.Entry swept = await(onLoop(() -> files.open(uncheckedSegment("s.ts"))));
        onLoop(() -> {
            swept.release();
            files.sweep(System.nanoTime() + 10_000);
            return null;
        });
        assertThat(swept.isOpen()).isFalse();

        OpenSegments forever = new OpenSegments(vertx, 8, FOREVER);
        OpenSegments.Entry kept = await(onLoop(() -> forever.open(uncheckedSegment("k.ts"))));
        onLoop(() -> {
            kept.release();
            forever.close();
            return null;
        });
        assertThat(kept.isOpen()).isFalse();
    }

    @Test
    void aMissingFileFailsTheOpen() throws Exception {
        OpenSegments files = new OpenSegments(vertx, 8, FOREVER);
        Future<OpenSegments.Entry> open = onLoop(() -> files.open(new SegmentFile(dir.resolve("gone.ts"), 5)));

        assertThat(open.toCompletionStage().toCompletableFuture()).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(NoSuchFileException.class);
        assertThat(onLoop(files::size)).isZero();
    }

    private SegmentFile uncheckedSegment(String name) {
        try {
            return segment(name, 10);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Through the server: many requests for one segment keep at most one descriptor per event loop. */
    @Test
    void theServerKeepsOneDescriptorPerEventLoopAndReleasesThemOnClose() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux) to count open descriptors");
        SegmentFile file = segment("9.ts", 64 * 1024);
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.add("ch").segments.put(9L, file);
        TestGate gate = new TestGate();
        String token = TestGate.newToken();
        gate.grant(token, "ch");
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), catalog, gate,
                () -> "");
             HttpClient client = HttpClient.newHttpClient()) {
            int port = server.start("127.0.0.1", 0);
            for (int i = 0; i < 40; i++) {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/s/" + token + "/live/ch/9.ts")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
            }
            assertThat(descriptorsOf(file.path())).isBetween(1L, 2L);
            server.close();
            assertThat(descriptorsOf(file.path())).isZero();
        }
    }

    private static long descriptorsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
