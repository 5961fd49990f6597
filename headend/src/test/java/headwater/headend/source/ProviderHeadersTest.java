package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import headwater.media.ts.TsPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A provider that answers only requests with its User-Agent and Referer (403 otherwise), as IPTV providers do, against
 * http, hls and ffmpeg sources whose URI fragment carries those headers the way the M3U import writes them.
 */
class ProviderHeadersTest {
    private static final SourceContext NEWS = SourceContext.defaults("news");
    static final String AGENT = "VLC/3.0.18 LibVLC/3.0.18";
    static final String REFERER = "https://portal.example/";
    /** As the M3U import writes {@code |User-Agent=VLC/3.0.18 LibVLC/3.0.18&Referer=https://portal.example/}. */
    static final String FRAGMENT = "#user-agent=VLC%2F3.0.18%20LibVLC%2F3.0.18&referer=https%3A%2F%2Fportal.example%2F";

    @TempDir
    static Path dir;
    private static byte[] clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = Files.readAllBytes(TsFixtures.clip(dir, "clip.ts", 2));
    }

    /** What one request carried. */
    record Seen(String path, String agent, String referer, String cookie, String token) {
        static Seen of(HttpExchange ex) {
            var h = ex.getRequestHeaders();
            return new Seen(ex.getRequestURI().toString(), h.getFirst("User-Agent"), h.getFirst("Referer"),
                    h.getFirst("Cookie"), h.getFirst("X-Token"));
        }
    }

    /** Sends {@code body} when the provider's User-Agent and Referer came, 403 otherwise; records every request. */
    static void gated(HttpExchange ex, List<Seen> seen, String type, byte[] body) throws IOException {
        Seen s = Seen.of(ex);
        seen.add(s);
        if (AGENT.equals(s.agent()) && REFERER.equals(s.referer())) {
            LocalHttpServer.send(ex, 200, type, body);
        } else {
            LocalHttpServer.send(ex, 403, "text/plain", "forbidden".getBytes(StandardCharsets.UTF_8));
        }
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

    @Test
    void httpSourceSendsTheFragmentsHeadersButNeverTheFragment() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handle("/live.ts", ex -> gated(ex, seen, "video/mp2t", clip));
            String plain = server.uri("http", "/live.ts").toString();
            try (Source source = SourceFactory.create(plain + FRAGMENT, NEWS)) {
                source.open();
                assertThat(drain(source)).isEqualTo(clip);
            }
            assertThat(seen).containsExactly(new Seen("/live.ts", AGENT, REFERER, null, null));

            seen.clear();
            try (Source source = SourceFactory.create(plain, NEWS)) {
                assertThatThrownBy(source::open).isInstanceOf(IOException.class)
                        .hasMessage("source '" + plain + "' of channel news answered HTTP 403 for " + plain);
            }
            assertThat(seen).as("without a fragment: the default User-Agent, no Referer")
                    .containsExactly(new Seen("/live.ts", "Headwater", null, null, null));
        }
    }

    @Test
    void aRedirectWithinTheOriginKeepsEveryHeader() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handle("/old.ts", ex -> {
                seen.add(Seen.of(ex));
                ex.getResponseHeaders().set("Location", "/live.ts");
                LocalHttpServer.send(ex, 302, "text/plain", new byte[0]);
            }).handle("/live.ts", ex -> gated(ex, seen, "video/mp2t", clip));
            String uri = server.uri("http", "/old.ts") + FRAGMENT + "&cookie=session%3D1&x-token=t0k";
            try (Source source = SourceFactory.create(uri, NEWS)) {
                assertThat(source.toString()).contains("cookie=***").contains("x-token=t0k");
                source.open();
                assertThat(drain(source)).isEqualTo(clip);
            }
        }
        Seen redirected = new Seen("/live.ts", AGENT, REFERER, "session=1", "t0k");
        assertThat(seen).containsExactly(new Seen("/old.ts", AGENT, REFERER, "session=1", "t0k"), redirected);
    }

    @Test
    void aRedirectToAnotherOriginDropsCredentialsAndReferer() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            String cdn = server.uri("http", "/cdn.ts").toString().replace("127.0.0.1", "localhost");
            server.handle("/old.ts", ex -> {
                seen.add(Seen.of(ex));
                ex.getResponseHeaders().set("Location", cdn);
                LocalHttpServer.send(ex, 302, "text/plain", new byte[0]);
            }).handle("/cdn.ts", ex -> {
                seen.add(Seen.of(ex));
                LocalHttpServer.send(ex, 200, "video/mp2t", clip);
            });
            String uri = server.uri("http", "/old.ts") + FRAGMENT + "&cookie=session%3D1&x-token=t0k";
            try (Source source = SourceFactory.create(uri, NEWS)) {
                source.open();
                assertThat(drain(source)).isEqualTo(clip);
            }
        }
        // the JDK client's rule on a redirect to another origin: Authorization, Cookie, Origin and Referer stay behind
        assertThat(seen).containsExactly(new Seen("/old.ts", AGENT, REFERER, "session=1", "t0k"),
                new Seen("/cdn.ts", AGENT, null, null, "t0k"));
    }

    @Test
    void hlsSourceSendsThemForThePlaylistAndForSegmentsOnAnotherOriginWithoutCredentials() throws Exception {
        int third = clip.length / TsPacket.SIZE / 3 * TsPacket.SIZE;
        List<byte[]> parts = List.of(Arrays.copyOfRange(clip, 0, third), Arrays.copyOfRange(clip, third, 2 * third),
                Arrays.copyOfRange(clip, 2 * third, clip.length));
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            String cdn = server.uri("http", "/cdn/").toString().replace("127.0.0.1", "localhost");
            StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                    + "#EXT-X-MEDIA-SEQUENCE:0\n");
            for (int i = 0; i < parts.size(); i++) {
                playlist.append("#EXTINF:0.667,\n").append(cdn).append("seg").append(i).append(".ts\n");
            }
            playlist.append("#EXT-X-ENDLIST\n");
            server.handle("/live/index.m3u8", ex -> gated(ex, seen, "application/vnd.apple.mpegurl",
                    playlist.toString().getBytes(StandardCharsets.UTF_8)));
            server.handle("/cdn/", ex -> {
                int i = ex.getRequestURI().getPath().charAt("/cdn/seg".length()) - '0';
                gated(ex, seen, "video/mp2t", parts.get(i));
            });
            String plain = "hls+" + server.uri("http", "/live/index.m3u8");
            try (Source source = SourceFactory.create(plain + FRAGMENT + "&cookie=session%3D1", NEWS)) {
                source.open();
                assertThat(drain(source)).isEqualTo(clip);
            }
            assertThat(seen).containsExactly(new Seen("/live/index.m3u8", AGENT, REFERER, "session=1", null),
                    new Seen("/cdn/seg0.ts", AGENT, REFERER, null, null),
                    new Seen("/cdn/seg1.ts", AGENT, REFERER, null, null),
                    new Seen("/cdn/seg2.ts", AGENT, REFERER, null, null));

            try (Source source = SourceFactory.create(plain, NEWS)) {
                assertThatThrownBy(source::open).isInstanceOf(IOException.class).hasMessage("source '" + plain
                        + "' of channel news: playlist " + plain.substring(4) + " answered HTTP 403");
            }
        }
    }

    @Test
    void ffmpegTakesUserAgentAndRefererForAnHttpInput() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handle("/live.ts", ex -> gated(ex, seen, "video/mp2t", clip));
            String uri = "ffmpeg:" + server.uri("http", "/live.ts") + FRAGMENT;
            try (FfmpegSource source = (FfmpegSource) SourceFactory.create(uri, NEWS)) {
                assertThat(source.input().command(Path.of("ffmpeg"))).containsSubsequence(
                        "-user_agent", AGENT, "-referer", REFERER, "-i", server.uri("http", "/live.ts").toString());
                source.open();
                byte[] ts = drain(source);
                assertThat(ts.length).isGreaterThan(100 * TsPacket.SIZE);
                TsFixtures.assertPackets(ts, ts.length);
            }
        }
        assertThat(seen).isNotEmpty().allSatisfy(s -> {
            assertThat(s.agent()).isEqualTo(AGENT);
            assertThat(s.referer()).isEqualTo(REFERER);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            "http://h.example/x.ts#user-agent=a%0D%0AX-Evil:%201 ¦ has header 'user-agent' whose value holds CR at "
                    + "index 1: refused (header injection)",
            "hls+https://h.example/x.m3u8#referer=a%0Ab ¦ has header 'referer' whose value holds LF at index 1: "
                    + "refused (header injection)",
            "https://h.example/x.ts#x-a%0D%0AHost=1 ¦ has header name 'x-aU+000DU+000Ahost' in its fragment",
            "http://u:p@h.example/x.ts#authorization=Bearer%20x ¦ has both user info and an authorization header in "
                    + "its fragment: give one of them",
            "ffmpeg:rtmp://h.example/app/key#user-agent=A ¦ has option user-agent: it applies to http(s) inputs only, "
                    + "and the input is rtmp://…",
            "ffmpeg:/srv/in.ts#referer=A ¦ has option referer: it applies to http(s) inputs only, and the input is "
                    + "not a URL",
            "ffmpeg:http://h.example/x.ts#user-agent=a%0Db ¦ has header 'user-agent' whose value holds CR at index 1",
            "ffmpeg:http://h.example/x.ts#cookie=a ¦ has unknown option 'cookie': expected one of f, loop, re, "
                    + "referer, user-agent",
    })
    void headerInjectionAndMisplacedHeadersAreRefusedAtStart(String uri, String message) {
        assertThatThrownBy(() -> SourceFactory.create(uri, NEWS))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessageStartingWith("source '" + MaskedUri.mask(uri) + "' of channel news " + message);
    }

    @Test
    void credentialHeadersAreMaskedInMessages() {
        assertThat(MaskedUri.mask("http://h/x.ts#user-agent=A&cookie=s%3D1&authorization=Bearer%20x"))
                .isEqualTo("http://h/x.ts#user-agent=A&cookie=***&authorization=***");
    }
}
