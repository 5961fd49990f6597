package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.session.ChannelEntry;
import headwater.domain.session.Rendition;
import headwater.domain.subscriber.Quality;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server's channel directory and rendition meter: a configuration radio channel in the package its
 * configuration names, and two catalogue channels (720p and 180p, pulled over HTTP from a loopback server) of which
 * the first lists the second as its rendition, added while the server runs.
 */
class RenditionsWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @Test
    void the_server_indexes_and_measures_the_channels_it_runs(@TempDir Path dir) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("hd.ts"), Fixtures.bytes(Fixtures.H264_AAC_720P));
        Files.write(media.resolve("sd.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        Path radio = Files.write(dir.resolve("radio.ts"), Fixtures.bytes(Fixtures.AUDIO_ONLY_AAC));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(new ChannelConfig("radio", "Radio", List.of(radio.toUri()), Optional.empty(), Optional.empty(),
                        Set.of("basic"))),
                defaults.metrics(), defaults.database(), defaults.outbound());

        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            assertThat(server.channelDirectory().channel("radio"))
                    .contains(new ChannelEntry("radio", true, Set.of("basic"), List.of()));

            JdbiChannelRepository channels = new JdbiChannelRepository(server.database(), Clock.systemUTC());
            channels.create(ChannelDraft.of("news-hd", 1, "News HD").withSources(List.of(origin.url("/hd.ts"))));
            channels.create(ChannelDraft.of("news-sd", 2, "News SD").withSources(List.of(origin.url("/sd.ts"))));
            channels.setRenditions("news-hd", List.of("news-sd"));
            new JdbiPackageRepository(server.database()).create(new Package("premium", "Premium", Set.of("news-hd")));

            await().atMost(Duration.ofSeconds(30)).until(() -> server.channelDirectory().channel("news-hd")
                    .equals(Optional.of(new ChannelEntry("news-hd", true, Set.of("premium"), List.of("news-sd")))));
            await().atMost(Duration.ofSeconds(60)).until(() -> server.renditions().rendition("news-hd").isPresent()
                    && server.renditions().rendition("news-sd").isPresent());

            assertThat(server.renditions().rendition("news-hd")).get()
                    .extracting(Rendition::channelId, Rendition::quality).as("itself, not its renditions")
                    .containsExactly("news-hd", Quality.HD);
            assertThat(server.renditions().rendition("news-sd")).get()
                    .extracting(Rendition::channelId, Rendition::quality).containsExactly("news-sd", Quality.SD);
            await().atMost(Duration.ofSeconds(60)).until(() -> server.renditions().rendition("radio").isPresent());
            assertThat(server.renditions().rendition("radio").orElseThrow().quality()).isEqualTo(Quality.SD);
        }
    }
}
