package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.domain.session.ChannelDirectory;
import headwater.domain.session.ChannelEntry;
import headwater.domain.session.Rendition;
import headwater.domain.subscriber.Quality;
import headwater.headend.ChannelSpec;
import headwater.headend.Headend;
import headwater.headend.LiveMeasure;
import headwater.headend.SourceProvider;
import headwater.headend.source.SourceContext;
import headwater.testkit.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renditions of a channel as a real headend measures them: three channels loop the testkit's 720p, 180p and
 * audio-only fixtures; news-hd lists news-sd and news-radio as its renditions.
 */
class HeadendRenditionsTest {

    @TempDir
    Path dir;

    @Test
    void quality_follows_the_picture_height() {
        assertThat(HeadendRenditions.quality(0)).as("radio").isEqualTo(Quality.SD);
        assertThat(HeadendRenditions.quality(576)).isEqualTo(Quality.SD);
        assertThat(HeadendRenditions.quality(577)).isEqualTo(Quality.HD);
        assertThat(HeadendRenditions.quality(720)).isEqualTo(Quality.HD);
        assertThat(HeadendRenditions.quality(1080)).isEqualTo(Quality.FHD);
        assertThat(HeadendRenditions.quality(1088)).isEqualTo(Quality.UHD);
        assertThat(HeadendRenditions.quality(2160)).isEqualTo(Quality.UHD);
        assertThat(HeadendRenditions.rendition("news", new LiveMeasure(5_000_000, 1080, Duration.ofSeconds(4))))
                .isEqualTo(new Rendition("news", 5_000_000, Quality.FHD, Duration.ofSeconds(4)));
    }

    @Test
    void lists_the_channel_and_its_running_measured_renditions_best_first() throws Exception {
        Map<String, ChannelEntry> entries = Map.of(
                "news-hd", new ChannelEntry("news-hd", true, Set.of("basic"),
                        List.of("news-radio", "news-sd", "news-stopped")),
                "news-sd", new ChannelEntry("news-sd", true, Set.of("basic"), List.of()));
        ChannelDirectory directory = id -> Optional.ofNullable(entries.get(id));
        try (Headend headend = new Headend(dir.resolve("data"), SourceProvider.standard(SourceContext.defaults("test")),
                new SimpleMeterRegistry())) {
            headend.start(List.of(loop("news-hd", Fixtures.H264_AAC_720P), loop("news-sd", Fixtures.H264_AAC_180P),
                    loop("news-radio", Fixtures.AUDIO_ONLY_AAC)));
            HeadendCatalog catalog = new HeadendCatalog(headend.channels());
            HeadendRenditions meter = new HeadendRenditions(catalog, directory);

            await().atMost(Duration.ofSeconds(60)).until(() -> meter.renditions("news-hd").size() == 3);
            List<Rendition> renditions = meter.renditions("news-hd");

            assertThat(renditions).extracting(Rendition::channelId).containsExactly("news-hd", "news-radio", "news-sd")
                    .as("SD ones in the operator's order; news-stopped does not run");
            assertThat(renditions).extracting(Rendition::quality).containsExactly(Quality.HD, Quality.SD, Quality.SD);
            assertThat(renditions).allSatisfy(r -> {
                assertThat(r.targetDuration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                assertThat(r.bitsPerSecond()).isPositive();
            });
            // A segment may complete between the two reads: asserted until both read the same window.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (Rendition r : meter.renditions("news-hd")) {
                    String playlist = new String(headend.channel(r.channelId()).window().multivariantPlaylist()
                            .orElseThrow());
                    assertThat(playlist).as("the reservation is the playlist's BANDWIDTH")
                            .contains("BANDWIDTH=" + r.bitsPerSecond() + ",");
                }
            });
            assertThat(renditions.get(0).bitsPerSecond()).as("720p costs more than 180p")
                    .isGreaterThan(renditions.get(2).bitsPerSecond());
            assertThat(meter.renditions("news-sd")).extracting(Rendition::channelId).containsExactly("news-sd");
            assertThat(meter.renditions("news-radio")).as("not in the directory: itself only")
                    .extracting(Rendition::channelId).containsExactly("news-radio");
            assertThat(meter.renditions("unknown")).isEmpty();

            headend.remove("news-sd");
            catalog.refresh(headend.channels());
            assertThat(meter.renditions("news-hd")).extracting(Rendition::channelId)
                    .containsExactly("news-hd", "news-radio");
        }
    }

    private ChannelSpec loop(String id, String fixture) throws Exception {
        Path file = Files.write(dir.resolve(id + ".ts"), Fixtures.bytes(fixture));
        return ChannelSpec.of(id, id, List.of(URI.create(file.toUri() + "?speed=4")))
                .withTargetDuration(Duration.ofSeconds(1)).withWindow(3, 1);
    }
}
