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

    @Test
    void channelsAreAddedReplacedAndRemovedWhileTheOthersRun() throws Exception {
        Path file = dir.resolve("loop.ts");
        Files.write(file, Fixtures.bytes(Fixtures.H264_AAC_180P));
        SourceContext context = SourceContext.defaults("test");
        ScriptedSources sources = new ScriptedSources(context);
        ScriptedSources.Script a = sources.define("a", URI.create(file.toUri() + "?speed=4"));
        ScriptedSources.Script b = sources.define("b", URI.create(file.toUri() + "?speed=4"));
        ChannelSpec news = ChannelSpec.of("news", "News", List.of(uri("a")))
                .withTargetDuration(Duration.ofSeconds(1)).withWindow(3, 10);
        ChannelSpec sport = ChannelSpec.of("sport", "Sport", List.of(uri("a")))
                .withTargetDuration(Duration.ofSeconds(1)).withWindow(3, 10);
        try (Headend headend = new Headend(dir.resolve("data"), sources, new SimpleMeterRegistry())) {
            headend.start(List.of(news));
            Channel running = headend.channel("news");

            headend.add(sport);
            assertThat(headend.channels()).extracting(Channel::id).containsExactly("news", "sport");
            assertThatThrownBy(() -> headend.add(sport)).hasMessage("channel id sport is used twice");
            Channel sportBefore = headend.channel("sport");
            await().atMost(Duration.ofSeconds(30)).until(() -> sportBefore.window().segmentsProduced() >= 2);

            ChannelSpec bad = ChannelSpec.of("sport", "Sport", List.of(URI.create("gopher://example/1")));
            assertThatThrownBy(() -> headend.replace(bad))
                    .hasMessageStartingWith("channel sport: sources[0] is not a usable source");
            assertThat(headend.channel("sport")).as("a refused replacement leaves the channel running").isSameAs(sportBefore);
            assertThat(sportBefore.state().status()).isNotEqualTo(ChannelStatus.STOPPED);

            int opensOfB = b.opens.get();
            headend.replace(ChannelSpec.of("sport", "Sport B", List.of(uri("b")))
                    .withTargetDuration(Duration.ofSeconds(1)).withWindow(3, 10));
            Channel sportAfter = headend.channel("sport");
            assertThat(sportBefore.state().status()).isEqualTo(ChannelStatus.STOPPED);
            assertThat(sportAfter.spec().name()).isEqualTo("Sport B");
            await().atMost(Duration.ofSeconds(30)).until(() -> b.opens.get() > opensOfB
                    && sportAfter.window().segmentsProduced() >= 1);
            assertThatThrownBy(() -> headend.replace(ChannelSpec.of("weather", "W", List.of(uri("a")))))
                    .hasMessage("no channel weather: the channels are [news, sport]");

            assertThat(headend.remove("sport")).isTrue();
            assertThat(headend.remove("sport")).isFalse();
            assertThat(sportAfter.state().status()).isEqualTo(ChannelStatus.STOPPED);
            assertThat(headend.channels()).extracting(Channel::id).containsExactly("news");
            assertThat(headend.channel("news")).as("the other channel was never touched").isSameAs(running);
            long before = running.window().segmentsProduced();
            await().atMost(Duration.ofSeconds(30)).until(() -> running.window().segmentsProduced() > before);
            assertThat(a.opens.get()).isPositive();
        } finally {
            context.httpClient().close();
        }
    }
}
