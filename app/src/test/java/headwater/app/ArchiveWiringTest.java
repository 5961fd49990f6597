package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.delivery.ArchivedSegment;
import headwater.domain.archive.ArchiveSpan;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue channel's archive days reach the headend through the running server: its segments are recorded under
 * {@code <dataDir>/archive}, shown by {@link headwater.app.wiring.HeadendArchives} as windows and a span, counted on
 * {@code /metrics}; set to 0 days, the archive is deleted.
 */
class ArchiveWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_catalogue_channel_with_archive_days_is_recorded(@TempDir Path dir) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("a.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 0), defaults.health(),
                List.of(), defaults.metrics(), defaults.database(), defaults.outbound());

        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            JdbiChannelRepository channels = new JdbiChannelRepository(server.database(), Clock.systemUTC());
            Channel replay = channels.create(ChannelDraft.of("replay", 1, "Replay")
                    .withSources(List.of(origin.url("/a.ts"))).withArchiveDays(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> server.archives().span("replay").isPresent()
                    && server.archives().window("replay", Instant.EPOCH, Instant.now().plusSeconds(60)).size() >= 3);

            ArchiveSpan span = server.archives().span("replay").orElseThrow();
            assertThat(span.days()).isEqualTo(1);
            List<ArchivedSegment> all = server.archives().window("replay", span.first(), span.last());
            assertThat(all.getFirst().start()).isEqualTo(span.first());
            assertThat(all.getFirst().file()).startsWith(dir.resolve("data/archive/replay").toAbsolutePath());
            for (ArchivedSegment s : all) {
                assertThat(Files.size(s.file())).isEqualTo(s.sizeBytes());
            }
            String metrics = http.send(HttpRequest.newBuilder(server.metricsUrl()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("headwater_archive_segments{channel=\"replay\"}",
                    "headwater_archive_bytes{channel=\"replay\"}", "headwater_archive_max_bytes");

            var running = server.headend().channel("replay");
            channels.update(replay.version(), replay.draft().withArchiveDays(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.archives().archives().channel("replay").isEmpty());
            assertThat(server.archives().span("replay")).isEmpty();
            assertThat(dir.resolve("data/archive/replay")).doesNotExist();
            assertThat(server.headend().channel("replay").spec().archiveDays()).isZero();
            assertThat(server.headend().channel("replay")).as("the stream was not restarted").isSameAs(running);
        }
    }
}
