package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.guide.GuideImportOutcome;
import headwater.domain.guide.GuideSourceDraft;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.testkit.LoopbackHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server refreshes the guide sources when they are due: a file source is imported at start; a URL on this
 * machine is refused by the outbound policy (recorded on the source, the server carries on).
 */
class GuideRefreshWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @Test
    void due_sources_are_refreshed_at_start_under_the_outbound_policy(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path guide = Files.writeString(dir.resolve("guide.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <tv><channel id="news.example"><display-name>News</display-name></channel></tv>
                """);
        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(dir)) {
            try (Database database = Database.open(DatabaseConfig.sqlite(data))) {
                var sources = new JdbiGuideSourceRepository(database, Clock.systemUTC());
                sources.create(GuideSourceDraft.of("local", "Local file", guide.toString()));
                sources.create(GuideSourceDraft.of("loopback", "On this machine", origin.url("/guide.xml").toString()));
            }
            HeadwaterConfig defaults = HeadwaterConfig.defaults();
            HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), data, defaults.ffmpeg(), defaults.demo(),
                    defaults.hls(), defaults.health(), List.of(), defaults.metrics(), defaults.database(), defaults.outbound());

            try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
                var sources = new JdbiGuideSourceRepository(server.database(), Clock.systemUTC());
                await().atMost(Duration.ofSeconds(30)).until(() -> sources.get("local").lastImport() != null
                        && sources.get("loopback").lastImport() != null);
                GuideImportOutcome local = sources.get("local").lastImport();
                assertThat(local.succeeded()).as(String.valueOf(local.error())).isTrue();
                assertThat(local.channels()).isEqualTo(1);
                GuideImportOutcome loopback = sources.get("loopback").lastImport();
                assertThat(loopback.succeeded()).isFalse();
                assertThat(loopback.error()).contains("outbound.allowedNetworks");
                assertThat(origin.requests()).as("nothing was fetched from a refused address").isEmpty();
            }
        }
    }
}
