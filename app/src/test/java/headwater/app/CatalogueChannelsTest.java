package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.headend.ChannelSpec;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels stored in the catalogue run next to the configuration's and follow it while the server runs: inserted
 * through the repository, a channel's playlist appears over HTTP; disabled, it answers 404; its sources changed, it
 * restarts on them; an id the configuration has too stays the configuration's.
 *
 * <p>The catalogue refuses {@code file://} sources (ChannelDraft: a stored channel must not read the server's
 * files), so the catalogue's channels pull a testkit fixture over HTTP from a loopback server.
 */
class CatalogueChannelsTest {

    /** No source here goes through ffmpeg; the path is never run. */
    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void catalogue_channels_start_restart_and_stop_while_the_server_runs(@TempDir Path dir) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("a.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        Files.write(media.resolve("b.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        Path file = Files.write(dir.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(new ChannelConfig("news", "News", List.of(file.toUri()), Optional.empty(), Optional.empty(),
                        Viewers.PACKAGES)),
                defaults.metrics(), defaults.database(), defaults.outbound());

        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            JdbiChannelRepository channels = new JdbiChannelRepository(server.database(), Clock.systemUTC());
            Channel sport = channels.create(ChannelDraft.of("sport", 7, "Sport").withSources(List.of(origin.url("/a.ts"))));
            channels.create(ChannelDraft.of("news", 8, "News from the catalogue").withSources(List.of(origin.url("/b.ts"))));
            Viewers.subscriber(server, Viewers.SUBSCRIBER, 50, "sport");
            URI playlist = Viewers.hls(server, "sport");

            await().atMost(Duration.ofSeconds(60)).until(() -> get(playlist).statusCode() == 200);
            assertThat(get(playlist).body()).contains("#EXT-X-STREAM-INF:", "media.m3u8");
            assertThat(server.headend().channel("news").spec().sources())
                    .as("the configuration's channel news wins over the catalogue's").containsExactly(file.toUri());

            Channel renumbered = channels.update(sport.version(), sport.draft().withNumber(70));
            var running = server.headend().channel("sport");
            Thread.sleep(HeadwaterServer.CATALOGUE_POLL.multipliedBy(2).toMillis());
            assertThat(server.headend().channel("sport")).as("a new number does not restart the stream").isSameAs(running);

            Channel moved = channels.update(renumbered.version(),
                    renumbered.draft().withSources(List.of(origin.url("/b.ts"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.headend().channel("sport").spec().sources()
                    .equals(List.of(origin.url("/b.ts"))));
            await().atMost(Duration.ofSeconds(60)).until(() -> get(playlist).statusCode() == 200);

            channels.update(moved.version(), moved.draft().withEnabled(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> get(playlist).statusCode() == 404);
            assertThat(server.runningChannels()).extracting(ChannelSpec::id).containsExactly("news");
            assertThat(get(Viewers.hls(server, "news")).statusCode()).as("the other channel carries on").isNotEqualTo(404);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
