package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlsSourceTest {
    private static final SourceContext NEWS = SourceContext.defaults("news");
    @TempDir
    static Path dir;
    private static final List<byte[]> segments = new ArrayList<>();

    /** Six one-second TS segments cut by ffmpeg's own HLS muxer. */
    @BeforeAll
    static void makeSegments() throws Exception {
        TsFixtures.ffmpeg(dir, "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25", "-f", "lavfi", "-i", "sine",
                "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "hls", "-hls_time", "1", "-hls_list_size", "0",
                "-hls_segment_filename", "seg%d.ts", "index.m3u8");
        for (int i = 0; Files.exists(dir.resolve("seg" + i + ".ts")); i++) {
            segments.add(Files.readAllBytes(dir.resolve("seg" + i + ".ts")));
        }
        assertThat(segments).hasSizeGreaterThanOrEqualTo(6);
    }

    /** A live media playlist listing {@code [first..last]}, with relative segment URIs. */
    private static String playlist(int first, int last, boolean end) {
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n")
                .append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        for (int i = first; i <= last; i++) {
            b.append("#EXTINF:1.000,\nseg").append(i).append(".ts\n");
        }
        return b.append(end ? "#EXT-X-ENDLIST\n" : "").toString();
    }

    /** Serves the segments, and at /live/index.m3u8 the playlist that the n-th request (from 0) gets. */
    private static LocalHttpServer server(IntFunction<String> playlistOfRequest, int goneSegment) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        LocalHttpServer server = new LocalHttpServer();
        server.handle("/live/index.m3u8", ex -> LocalHttpServer.send(ex, 200, "application/vnd.apple.mpegurl",
                playlistOfRequest.apply(requests.getAndIncrement()).getBytes(StandardCharsets.UTF_8)));
        server.handle("/live/", ex -> {
            String name = ex.getRequestURI().getPath().substring("/live/".length());
            int i = Integer.parseInt(name.replaceAll("\\D", ""));
            if (i == goneSegment || i >= segments.size()) {
                LocalHttpServer.send(ex, 404, "text/plain", "gone".getBytes());
            } else {
                LocalHttpServer.send(ex, 200, "video/mp2t", segments.get(i));
            }
        });
        return server;
    }

    private static byte[] drain(Source source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = source.read(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] concat(int... indexes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i : indexes) {
            out.writeBytes(segments.get(i));
        }
        return out.toByteArray();
    }

    @Test
    void followsTheBestVariantAndItsAdvancingWindowInOrder() throws Exception {
        // request r lists a window of three segments ending at r + 2; the stream ends with segment 5
        try (LocalHttpServer server = server(r -> playlist(Math.max(0, r), Math.min(5, r + 2), r + 2 >= 5), -1)) {
            server.handle("/master.m3u8", ex -> LocalHttpServer.send(ex, 200, "application/vnd.apple.mpegurl", """
                    #EXTM3U
                    #EXT-X-STREAM-INF:BANDWIDTH=150000,RESOLUTION=160x90
                    low/index.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=160x90
                    live/index.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=160x90
                    low/index.m3u8
                    """.getBytes(StandardCharsets.UTF_8)));
            String uri = "hls+" + server.uri("http", "/master.m3u8");
            try (HlsSource source = (HlsSource) SourceFactory.create(uri, NEWS)) {
                source.open();
                byte[] got = drain(source);
                assertThat(Arrays.mismatch(got, concat(0, 1, 2, 3, 4, 5))).as("first difference").isEqualTo(-1);
                assertThat(source.segmentsDelivered()).isEqualTo(6);
                assertThat(source.segmentsSkipped()).isZero();
                assertThat(source.bytesRead()).isEqualTo(got.length);
                TsFixtures.assertPackets(got, got.length);
            }
        }
    }

    @Test
    void skipsAheadWhenTheWindowMovedPastAndCountsGoneSegments() throws Exception {
        // the first load lists 0..1; the next already starts at 3 (2 fell out); segment 4 answers 404
        try (LocalHttpServer server = server(r -> r == 0 ? playlist(0, 1, false) : playlist(3, 5, true), 4);
                HlsSource source = (HlsSource) SourceFactory.create("hls+" + server.uri("http", "/live/index.m3u8"),
                        NEWS)) {
            source.open();
            byte[] got = drain(source);
            assertThat(Arrays.mismatch(got, concat(0, 1, 3, 5))).as("first difference").isEqualTo(-1);
            assertThat(source.segmentsDelivered()).isEqualTo(4);
            assertThat(source.segmentsSkipped()).isEqualTo(2);
        }
    }

    @Test
    void startsThreeSegmentsFromTheLiveEdge() throws Exception {
        try (LocalHttpServer server = server(r -> playlist(0, 5, true), -1);
                HlsSource source = (HlsSource) SourceFactory.create("hls+" + server.uri("http", "/live/index.m3u8"),
                        NEWS)) {
            source.open();
            assertThat(Arrays.mismatch(drain(source), concat(3, 4, 5))).as("first difference").isEqualTo(-1);
        }
    }

    @Test
    void closeUnblocksAReadWaitingForTheNextReload() throws Exception {
        try (LocalHttpServer server = server(r -> playlist(0, 0, false), -1)) {
            HlsSource source = (HlsSource) SourceFactory.create("hls+" + server.uri("http", "/live/index.m3u8"), NEWS);
            source.open();
            byte[] buf = new byte[segments.get(0).length];
            int n = 0;
            while (n < buf.length) {
                n += source.read(buf, n, buf.length - n);
            }
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return source.read(new byte[188], 0, 188); // the playlist never grows: reloads forever
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(100);
            source.close();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        }
    }

    @Test
    void sendsCredentialsToThePlaylistHostOnly() throws Exception {
        java.util.Map<String, String> auth = new java.util.concurrent.ConcurrentHashMap<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            String cdn = server.uri("http", "/cdn/").toString().replace("127.0.0.1", "localhost");
            server.handle("/live/index.m3u8", ex -> {
                auth.put("playlist", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                String body = "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nseg0.ts\n#EXTINF:1,\n" + cdn
                        + "seg1.ts\n#EXT-X-ENDLIST\n";
                LocalHttpServer.send(ex, 200, "application/vnd.apple.mpegurl", body.getBytes(StandardCharsets.UTF_8));
            });
            server.handle("/live/seg0.ts", ex -> {
                auth.put("same host", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                LocalHttpServer.send(ex, 200, "video/mp2t", segments.get(0));
            });
            server.handle("/cdn/seg1.ts", ex -> {
                auth.put("cdn", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                LocalHttpServer.send(ex, 200, "video/mp2t", segments.get(1));
            });
            String uri = "hls+" + server.uri("http", "/live/index.m3u8").toString().replace("//", "//ops:secret@");
            try (Source source = SourceFactory.create(uri, NEWS)) {
                source.open();
                assertThat(Arrays.mismatch(drain(source), concat(0, 1))).as("first difference").isEqualTo(-1);
            }
        }
        String basic = "Basic b3BzOnNlY3JldA=="; // ops:secret
        assertThat(auth).containsEntry("playlist", basic).containsEntry("same host", basic).containsEntry("cdn", "null");
    }

    @Test
    void refusesPlaylistsItCannotFollow() throws Exception {
        String fmp4 = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2,\nseg0.m4s\n";
        String aes = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-KEY:METHOD=AES-128,URI=\"k.bin\"\n#EXTINF:2,\nseg0.ts\n";
        String local = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nfile:///etc/passwd\n";
        String html = "<html><body>Not found</body></html>";
        try (LocalHttpServer server = new LocalHttpServer()) {
            for (var body : List.of(fmp4, aes, local, html)) {
                server.handle("/p" + body.length() + ".m3u8",
                        ex -> LocalHttpServer.send(ex, 200, "text/plain", body.getBytes(StandardCharsets.UTF_8)));
            }
            String prefix = "hls+" + server.uri("http", "/p");
            assertThatThrownBy(() -> SourceFactory.create(prefix + fmp4.length() + ".m3u8", NEWS).open())
                    .isInstanceOf(IOException.class)
                    .hasMessageEndingWith("is fMP4 (EXT-X-MAP URI=\"" + server.uri("http", "/init.mp4")
                            + "\"): only MPEG-TS segments can be followed");
            assertThatThrownBy(() -> SourceFactory.create(prefix + aes.length() + ".m3u8", NEWS).open())
                    .hasMessageEndingWith("is encrypted (EXT-X-KEY METHOD=AES-128): only clear segments can be followed");
            assertThatThrownBy(() -> SourceFactory.create(prefix + local.length() + ".m3u8", NEWS).open())
                    .hasMessageEndingWith("segment 0 URI 'file:///etc/passwd' is not http(s): refused");
            assertThatThrownBy(() -> SourceFactory.create(prefix + html.length() + ".m3u8", NEWS).open())
                    .hasMessageContaining("cannot be read: ");
            assertThatThrownBy(() -> SourceFactory.create("hls+" + server.uri("http", "/none.m3u8"), NEWS).open())
                    .hasMessageEndingWith("playlist " + server.uri("http", "/none.m3u8") + " answered HTTP 404");
        }
    }
}
