package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import headwater.headend.source.SourceContext;
import headwater.media.hls.MediaSegment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IPTV provider that streams only to its User-Agent and Referer (403 otherwise), through a running headend: the
 * channel's preferred source is the provider's URL without headers, its backup the same URL with the headers in the
 * fragment as the M3U import writes them. The first is refused with the 403 in the channel's state, the second plays
 * and its segments decode.
 */
class ProviderHeadersEndToEndTest {
    private static final String AGENT = "VLC/3.0.18 LibVLC/3.0.18";
    private static final String REFERER = "https://portal.example/";
    private static final String FRAGMENT =
            "#user-agent=VLC%2F3.0.18%20LibVLC%2F3.0.18&referer=https%3A%2F%2Fportal.example%2F";

    @TempDir
    Path dir;

    @Test
    void theChannelPlaysFromTheSourceWithTheProvidersHeadersAndReportsThe403OfTheOneWithout() throws Exception {
        Path stream = dir.resolve("stream.ts");
        MediaTools.makeTestStream(stream, 10);
        byte[] ts = Files.readAllBytes(stream);
        List<String> answers = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/live/1.ts", ex -> serve(ex, ts, answers));
        server.start();
        URI plain = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/live/1.ts");
        ChannelSpec spec = ChannelSpec.of("provider", "Provider", List.of(plain, URI.create(plain + FRAGMENT)))
                .withTargetDuration(Duration.ofSeconds(2))
                .withWindow(3, 100);
        SourceContext context = SourceContext.defaults("provider");
        try (Headend headend = new Headend(dir.resolve("data"), SourceProvider.standard(context),
                new SimpleMeterRegistry())) {
            headend.start(List.of(spec));
            Channel c = headend.channel("provider");
            await().atMost(Duration.ofSeconds(30)).until(() -> c.state().sourceIndex() == 1
                    && c.state().status() == ChannelStatus.LIVE && c.window().segmentsProduced() >= 2);
            assertThat(c.state().lastError()).contains("answered HTTP 403");
            assertThat(c.state().source()).endsWith(FRAGMENT);
            List<MediaSegment> segments = c.window().segmentsOnDisk();
            assertThat(segments).isNotEmpty();
            for (MediaSegment s : segments) {
                Path file = c.window().segment(s.sequence()).path();
                assertThat(MediaTools.decodeErrors(file)).as("decoding segment %d", s.sequence()).isEmpty();
            }
        } finally {
            server.stop(0);
            context.httpClient().close();
        }
        assertThat(answers).contains("403 Headwater", "200 " + AGENT);
    }

    /** The stream at about real time to the provider's client, a 403 to anyone else. */
    private static void serve(HttpExchange ex, byte[] ts, List<String> answers) throws IOException {
        String agent = ex.getRequestHeaders().getFirst("User-Agent");
        if (!AGENT.equals(agent) || !REFERER.equals(ex.getRequestHeaders().getFirst("Referer"))) {
            answers.add("403 " + agent);
            ex.sendResponseHeaders(403, -1);
            ex.close();
            return;
        }
        answers.add("200 " + agent);
        ex.sendResponseHeaders(200, 0);
        int chunk = ts.length / 40 / 188 * 188; // a 10 s stream in 40 pieces, one every 250 ms
        try (OutputStream out = ex.getResponseBody()) {
            for (int off = 0; off < ts.length; off += chunk) {
                out.write(ts, off, Math.min(chunk, ts.length - off));
                out.flush();
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException closedByTheHeadend) {
            // the channel stopped reading
        }
    }
}
