package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSourceTest {
    private static final SourceContext NEWS = SourceContext.defaults("news");
    @TempDir
    static Path dir;
    private static byte[] clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = Files.readAllBytes(TsFixtures.clip(dir, "clip.ts", 2));
    }

    /** Reads until -1 (or a failure, kept in {@code failure}). */
    private static byte[] drain(Source source, AtomicReference<IOException> failure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7 * 188];
        try {
            int n;
            while ((n = source.read(buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            failure.set(e);
        }
        return out.toByteArray();
    }

    @Test
    void streamsTheBodyAndCountsItsBytes() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer().handle("/live.ts", ex -> {
            // chunked, written in pieces the size of a small network write, as a live server would
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                for (int off = 0; off < clip.length; off += 1000) {
                    out.write(clip, off, Math.min(1000, clip.length - off));
                    out.flush();
                }
            }
        }); Source source = SourceFactory.create(server.uri("http", "/live.ts"), NEWS)) {
            source.open();
            AtomicReference<IOException> failure = new AtomicReference<>();
            assertThat(drain(source, failure)).isEqualTo(clip);
            assertThat(failure.get()).isNull();
            assertThat(source.bytesRead()).isEqualTo(clip.length);
        }
    }

    @Test
    void followsRedirectsAndSendsTheUserAgentAndCredentials() throws Exception {
        AtomicReference<String> agent = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handle("/old.ts", ex -> {
                ex.getResponseHeaders().set("Location", "/new.ts");
                LocalHttpServer.send(ex, 302, "text/plain", new byte[0]);
            }).handle("/new.ts", ex -> {
                agent.set(ex.getRequestHeaders().getFirst("User-Agent"));
                auth.set(ex.getRequestHeaders().getFirst("Authorization"));
                LocalHttpServer.send(ex, 200, "video/mp2t", clip);
            });
            String uri = server.uri("http", "/old.ts").toString().replace("//", "//ops:pa%3Ass@");
            try (Source source = SourceFactory.create(uri, NEWS)) {
                assertThat(source.toString()).contains("//ops:***@127.0.0.1").doesNotContain("pa%3Ass");
                source.open();
                assertThat(drain(source, new AtomicReference<>())).isEqualTo(clip);
            }
        }
        assertThat(agent.get()).isEqualTo("Headwater");
        assertThat(auth.get()).isEqualTo("Basic b3BzOnBhOnNz"); // ops:pa:ss
    }

    @Test
    void credentialsNeverFollowARedirectToAnotherHost() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>("not called");
        try (LocalHttpServer server = new LocalHttpServer()) {
            String elsewhere = server.uri("http", "/cdn.ts").toString().replace("127.0.0.1", "localhost");
            server.handle("/old.ts", ex -> {
                ex.getResponseHeaders().set("Location", elsewhere);
                LocalHttpServer.send(ex, 302, "text/plain", new byte[0]);
            }).handle("/cdn.ts", ex -> {
                auth.set(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                LocalHttpServer.send(ex, 200, "video/mp2t", clip);
            });
            String uri = server.uri("http", "/old.ts").toString().replace("//", "//ops:secret@");
            try (Source source = SourceFactory.create(uri, NEWS)) {
                source.open();
                assertThat(drain(source, new AtomicReference<>())).isEqualTo(clip);
            }
        }
        assertThat(auth.get()).as("Authorization at the other host").isEqualTo("null");
    }

    @Test
    void aStatusOtherThan200FailsOpenWithTheStatus() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer().handle("/gone.ts",
                ex -> LocalHttpServer.send(ex, 404, "text/html", "<h1>no</h1>".getBytes()));
                Source source = SourceFactory.create(server.uri("http", "/gone.ts"), NEWS)) {
            assertThatThrownBy(source::open)
                    .isInstanceOf(IOException.class)
                    .hasMessage("source '" + server.uri("http", "/gone.ts") + "' of channel news answered HTTP 404 for "
                            + server.uri("http", "/gone.ts"));
        }
    }

    @Test
    void aRefusedConnectionFailsOpenWithTheCause() throws Exception {
        LocalHttpServer server = new LocalHttpServer();
        var uri = server.uri("http", "/live.ts");
        server.close();
        try (Source source = SourceFactory.create(uri, NEWS)) {
            assertThatThrownBy(source::open)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("source '" + uri + "' of channel news failed requesting " + uri + ": ")
                    .hasMessageContaining("ConnectException");
        }
    }

    @Test
    void garbageIsDeliveredAsItCameForTheDemuxerToCount() throws Exception {
        byte[] garbage = new byte[50_000];
        new Random(7).nextBytes(garbage);
        try (LocalHttpServer server = new LocalHttpServer().handle("/noise.ts",
                ex -> LocalHttpServer.send(ex, 200, "text/html", garbage));
                Source source = SourceFactory.create(server.uri("http", "/noise.ts"), NEWS)) {
            source.open();
            AtomicReference<IOException> failure = new AtomicReference<>();
            assertThat(drain(source, failure)).isEqualTo(garbage);
            assertThat(failure.get()).isNull();
        }
    }

    @Test
    void aServerThatClosesMidPacketEndsTheSourceAfterTheBytesItSent() throws Exception {
        int sent = 10 * 188 + 77;
        try (LocalHttpServer server = new LocalHttpServer().handle("/cut.ts", ex -> {
            ex.sendResponseHeaders(200, clip.length); // promises the whole clip
            var out = ex.getResponseBody();
            out.write(clip, 0, sent);
            out.flush();
            ex.getHttpContext().getServer().stop(0); // then the connection goes away mid-packet
        }); Source source = SourceFactory.create(server.uri("http", "/cut.ts"), NEWS)) {
            source.open();
            AtomicReference<IOException> failure = new AtomicReference<>();
            byte[] got = drain(source, failure);
            assertThat(got).isEqualTo(Arrays.copyOf(clip, sent));
            assertThat(failure.get()).isNotNull()
                    .hasMessageStartingWith("source '" + server.uri("http", "/cut.ts")
                            + "' of channel news failed while streaming");
        }
    }

    @Test
    void aStallingServerTimesOutAndCloseUnblocksTheRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalHttpServer server = new LocalHttpServer().handle("/stall.ts", ex -> {
            ex.sendResponseHeaders(200, 0);
            var out = ex.getResponseBody();
            out.write(clip, 0, 188);
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS); // then nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        })) {
            // 1. with the read timeout: a precise timeout
            try (Source source = SourceFactory.create(server.uri("http", "/stall.ts"),
                    NEWS.withReadTimeout(Duration.ofMillis(300)))) {
                source.open();
                assertThat(source.read(new byte[4096], 0, 4096)).isEqualTo(188);
                assertThatThrownBy(() -> source.read(new byte[4096], 0, 4096))
                        .isInstanceOf(SocketTimeoutException.class)
                        .hasMessage("source '" + server.uri("http", "/stall.ts")
                                + "' of channel news sent nothing for 300 ms");
            }
            // 2. without (a long one): close() from another thread unblocks the read in progress
            Source source = SourceFactory.create(server.uri("http", "/stall.ts"),
                    NEWS.withReadTimeout(Duration.ofMinutes(5)));
            source.open();
            assertThat(source.read(new byte[4096], 0, 4096)).isEqualTo(188);
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return source.read(new byte[4096], 0, 4096);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(100); // let the read block (the result is the same if it has not started yet)
            source.close();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(source.bytesRead()).isEqualTo(188);
        } finally {
            release.countDown();
        }
    }
}
