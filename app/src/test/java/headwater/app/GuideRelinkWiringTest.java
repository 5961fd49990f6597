package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.NowNext;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel added while the server runs finds its guide at once: the catalogue poll sees the channel table change and
 * relinks the stored guides, without another refresh of the guide source (due again only in 12 hours).
 */
class GuideRelinkWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @Test
    void a_channel_added_later_gets_now_and_next_without_another_refresh(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tv>"
                + "<channel id=\"news.example\"><display-name>Rolling News</display-name></channel>\n");
        for (int i = -1; i < 3; i++) {
            xml.append("<programme channel=\"news.example\" start=\"").append(XMLTV.format(hour.plus(i, ChronoUnit.HOURS)))
                    .append("\" stop=\"").append(XMLTV.format(hour.plus(i + 1, ChronoUnit.HOURS)))
                    .append("\"><title lang=\"en\">Bulletin ").append(i + 2).append("</title></programme>\n");
        }
        Path guide = Files.writeString(dir.resolve("guide.xml"), xml.append("</tv>\n"));
        try (Database database = Database.open(DatabaseConfig.sqlite(data))) {
            new JdbiGuideSourceRepository(database, Clock.systemUTC())
                    .create(GuideSourceDraft.of("local", "Local file", guide.toString()));
        }
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), data, defaults.ffmpeg(),
                defaults.demo(), defaults.hls(), defaults.health(), List.of(), defaults.metrics(), defaults.database(),
                defaults.outbound());

        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            var sources = new JdbiGuideSourceRepository(server.database(), Clock.systemUTC());
            var guides = new JdbiGuideStore(server.database(), Clock.systemUTC());
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.get("local").lastImport() != null);
            assertThat(sources.get("local").lastImport().succeeded()).isTrue();
            Instant imported = sources.get("local").lastImport().finished();
            assertThat(guides.nowNext("news", Instant.now())).isEqualTo(NowNext.NONE);

            new JdbiChannelRepository(server.database(), Clock.systemUTC()).create(new ChannelDraft("news", 1,
                    "News", null, List.of(), "news.example", List.of(), 0, false, true));

            await().atMost(Duration.ofSeconds(30)).until(() -> guides.nowNext("news", Instant.now()).now() != null);
            NowNext nowNext = guides.nowNext("news", Instant.now());
            assertThat(nowNext.now().title()).isEqualTo("Bulletin 2");
            assertThat(nowNext.next().title()).isEqualTo("Bulletin 3");
            assertThat(sources.get("local").lastImport().finished()).as("no other import ran").isEqualTo(imported);
        }
    }
}
