package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real headend measures of one channel: three channels loop the testkit's 720p, 180p and audio-only fixtures.
 * The meter knows nothing of catalogue renditions (Entitlement expands those), so it takes no channel directory.
 */
class HeadendRenditionsTest {

    @TempDir
    Path dir;

    @Test
    void quality_follows_the_picture_height() {
        assertThat(Quality.ofLines(0)).as("radio").isEqualTo(Quality.SD);
        assertThat(Quality.ofLines(576)).isEqualTo(Quality.SD);
        assertThat(Quality.ofLines(577)).isEqualTo(Quality.HD);
        assertThat(Quality.ofLines(720)).isEqualTo(Quality.HD);
        assertThat(Quality.ofLines(1080)).isEqualTo(Quality.FHD);
        assertThat(Quality.ofLines(1088)).isEqualTo(Quality.UHD);
        assertThat(Quality.ofLines(2160)).isEqualTo(Quality.UHD);
        assertThat(HeadendRenditions.rendition("news", new LiveMeasure(5_000_000, 1080, Duration.ofSeconds(4))))
                .isEqualTo(new Rendition("news", 5_000_000, Quality.FHD, Duration.ofSeconds(4)));
    }

    @Test
    void measures_exactly_the_channel_asked_never_its_catalogue_renditions() throws Exception {
        try (Headend headend = new Headend(dir.resolve("data"), SourceProvider.standard(SourceContext.defaults("test")),
                new SimpleMeterRegistry())) {
            headend.start(List.of(loop("news-hd", Fixtures.H264_AAC_720P), loop("news-sd", Fixtures.H264_AAC_180P),
                    loop("news-radio", Fixtures.AUDIO_ONLY_AAC)));
            HeadendCatalog catalog = new HeadendCatalog(headend.channels());
            HeadendRenditions meter = new HeadendRenditions(catalog);

            await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of("news-hd", "news-sd", "news-radio")
                    .allMatch(id -> meter.rendition(id).isPresent()));

            assertThat(meter.rendition("news-hd")).get().extracting(Rendition::channelId, Rendition::quality)
                    .containsExactly("news-hd", Quality.HD);
            assertThat(meter.rendition("news-sd")).get().extracting(Rendition::channelId, Rendition::quality)
                    .containsExactly("news-sd", Quality.SD);
            assertThat(meter.rendition("news-radio")).get().extracting(Rendition::channelId, Rendition::quality)
                    .as("radio").containsExactly("news-radio", Quality.SD);
            for (String id : List.of("news-hd", "news-sd", "news-radio")) {
                Rendition r = meter.rendition(id).orElseThrow();
                assertThat(r.targetDuration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                assertThat(r.bitsPerSecond()).isPositive();
            }
            // A segment may complete between the two reads: asserted until both read the same window.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String id : List.of("news-hd", "news-sd", "news-radio")) {
                    Rendition r = meter.rendition(id).orElseThrow();
                    String playlist = new String(headend.channel(id).window().multivariantPlaylist().orElseThrow());
                    assertThat(playlist).as("the reservation is the playlist's BANDWIDTH")
                            .contains("BANDWIDTH=" + r.bitsPerSecond() + ",");
                }
            });
            assertThat(meter.rendition("news-hd").orElseThrow().bitsPerSecond()).as("720p costs more than 180p")
                    .isGreaterThan(meter.rendition("news-sd").orElseThrow().bitsPerSecond());
            assertThat(meter.rendition("unknown")).isEmpty();

            headend.remove("news-sd");
            catalog.refresh(headend.channels());
            assertThat(meter.rendition("news-sd")).as("stopped").isEmpty();
            assertThat(meter.rendition("news-hd")).isPresent();
        }
    }

    private ChannelSpec loop(String id, String fixture) throws Exception {
        Path file = Files.write(dir.resolve(id + ".ts"), Fixtures.bytes(fixture));
        return ChannelSpec.of(id, id, List.of(URI.create(file.toUri() + "?speed=4")))
                .withTargetDuration(Duration.ofSeconds(1)).withWindow(3, 1);
    }
}
