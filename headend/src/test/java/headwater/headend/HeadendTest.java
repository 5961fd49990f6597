package headwater.headend;

import static headwater.headend.ScriptedSources.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import headwater.headend.source.SourceContext;
import headwater.media.hls.MediaSegment;
import headwater.testkit.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadendTest {
    @TempDir
    Path dir;

    @Test
    void restartedHeadendContinuesEachChannelsSequenceWithADiscontinuity() throws Exception {
        Path file = dir.resolve("loop.ts");
        Files.write(file, Fixtures.bytes(Fixtures.H264_AAC_180P));
        SourceContext context = SourceContext.defaults("test");
        ScriptedSources sources = new ScriptedSources(context);
        sources.define("a", URI.create(file.toUri() + "?speed=4"));
        ChannelSpec spec = ChannelSpec.of("news-hd", "News HD", List.of(uri("a")))
                .withTargetDuration(Duration.ofSeconds(1)).withWindow(3, 10);
        Path data = dir.resolve("data");
        long lastBefore;
        try {
            try (Headend headend = new Headend(data, sources, new SimpleMeterRegistry())) {
                headend.start(List.of(spec));
                Channel c = headend.channel("news-hd");
                await().atMost(Duration.ofSeconds(30)).until(() -> c.window().segmentsProduced() >= 3);
                assertThatThrownBy(() -> headend.start(List.of(spec))).hasMessage("channel id news-hd is used twice");
                ChannelSpec bad = ChannelSpec.of("sport", "Sport", List.of(URI.create("gopher://example/1")));
                assertThatThrownBy(() -> headend.start(List.of(bad)))
                        .hasMessageStartingWith("channel sport: sources[0] is not a usable source: no scripted source");
                assertThatThrownBy(() -> headend.channel("sport"))
                        .hasMessage("no channel sport: the channels are [news-hd]");
            }
            try (SegmentWindow stopped = new SegmentWindow(Headend.liveDirectory(data, "news-hd"), "news-hd", 3, 10,
                    Duration.ofSeconds(1))) {
                lastBefore = stopped.segmentsOnDisk().getLast().sequence();
            }
            try (Headend headend = new Headend(data, sources, new SimpleMeterRegistry())) {
                headend.start(List.of(spec));
                Channel c = headend.channel("news-hd");
                await().atMost(Duration.ofSeconds(30)).until(() -> c.window().segmentsProduced() >= 2);
                List<MediaSegment> after = c.window().segmentsOnDisk();
                MediaSegment firstNew = after.stream().filter(s -> s.sequence() == lastBefore + 1).findFirst()
                        .orElseThrow();
                assertThat(firstNew.discontinuity()).isTrue();
                assertThat(after.stream().filter(s -> s.sequence() <= lastBefore))
                        .as("the old segments are still listed").isNotEmpty();
                assertThat(after).extracting(MediaSegment::sequence).isSorted().doesNotHaveDuplicates();
            }
        } finally {
            context.httpClient().close();
        }
        assertThat(Headend.liveDirectory(data, "news-hd").resolve(lastBefore + ".ts")).exists();
    }
}
