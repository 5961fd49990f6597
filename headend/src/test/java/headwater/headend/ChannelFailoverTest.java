package headwater.headend;

import static headwater.headend.ScriptedSources.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.headend.source.SourceContext;
import headwater.media.hls.MediaSegment;
import headwater.testkit.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failover state machine, with real file sources (looped at twice real time) behind a test script. */
class ChannelFailoverTest {
    private static SourceContext context;
    private static URI loop;

    @TempDir
    Path dir;

    private ScriptedSources sources;
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void context() throws IOException {
        context = SourceContext.defaults("test");
        Path file = Files.createTempFile("headend-loop-", ".ts");
        Files.write(file, Fixtures.bytes(Fixtures.H264_AAC_180P));
        file.toFile().deleteOnExit();
        loop = URI.create(file.toUri() + "?speed=2");
    }

    @AfterAll
    static void close() {
        context.httpClient().close();
    }

    @BeforeEach
    void scripts() {
        sources = new ScriptedSources(context);
    }

    private ChannelSpec spec(List<URI> chain) {
        return ChannelSpec.of("news-hd", "News HD", chain)
                .withTargetDuration(Duration.ofSeconds(1))
                .withWindow(3, 100)
                .withHealth(new HealthThresholds(Duration.ofSeconds(1), Duration.ofSeconds(3), 1000, Duration.ofSeconds(3)))
                .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    }

    private Channel start(ChannelSpec spec) throws IOException {
        Channel c = new Channel(spec, dir.resolve("live"), sources, registry, InstantSource.system());
        c.start();
        return c;
    }

    private static void awaitState(Channel c, Predicate<ChannelState> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(c::state, condition::test);
    }

    private static Predicate<ChannelState> liveOn(int index) {
        return s -> s.status() == ChannelStatus.LIVE && s.sourceIndex() == index;
    }

    private static void awaitMoreSegments(Channel c, int more) {
        long target = c.window().segmentsProduced() + more;
        await().atMost(Duration.ofSeconds(30)).until(() -> c.window().segmentsProduced() >= target);
    }

    private static long discontinuities(Channel c) {
        return c.window().segmentsOnDisk().stream().filter(MediaSegment::discontinuity).count();
    }

    @Test
    void deadSourceFailsOverToTheBackupAndTheChannelReturnsWhenItRecovers() throws IOException {
        ScriptedSources.Script a = sources.define("a", loop);
        sources.define("b", loop);
        try (Channel c = start(spec(List.of(uri("a"), uri("b"))))) {
            awaitState(c, liveOn(0));
            awaitMoreSegments(c, 2);
            assertThat(c.state().codecs()).containsExactly("avc1.4d400d", "mp4a.40.2");
            assertThat(c.state().resolution()).isEqualTo("320x180");

            a.down = true;
            a.kill();
            awaitState(c, liveOn(1));
            assertThat(c.state().switches()).isEqualTo(1);
            assertThat(c.state().lastError()).startsWith("source 0 (test:a) failed: it ended");
            awaitMoreSegments(c, 2);
            assertThat(discontinuities(c)).isEqualTo(1);

            a.down = false;
            awaitState(c, liveOn(0));
            awaitMoreSegments(c, 2);
            ChannelState state = c.state();
            assertThat(state.switches()).isEqualTo(2);
            assertThat(discontinuities(c)).as("one discontinuity per switch").isEqualTo(2);
            assertThat(c.window().segmentsOnDisk().getLast().discontinuitySequence()).isEqualTo(2);
            assertThat(state.inputBitsPerSecond()).isPositive();

            assertThat(registry.get("headwater.channel.input.bytes").tag("channel", "news-hd").counter().count())
                    .isPositive();
            assertThat(registry.get("headwater.channel.segments").tag("channel", "news-hd").functionCounter().count())
                    .isEqualTo(c.window().segmentsProduced());
            assertThat(registry.get("headwater.channel.source.switches").tag("channel", "news-hd").counter().count())
                    .isEqualTo(2);
            assertThat(registry.get("headwater.channel.live").tag("channel", "news-hd").gauge().value()).isEqualTo(1);
            assertThat(registry.get("headwater.channel.source.index").tag("channel", "news-hd").gauge().value())
                    .isZero();
            assertThat(registry.get("headwater.channel.cc.errors").tag("channel", "news-hd").functionCounter().count())
                    .isZero();
        }
        assertThat(registry.find("headwater.channel.input.bytes").meters()).as("meters removed on close").isEmpty();
    }

    @Test
    void stalledSourceIsClosedByTheWatchdogAndTheBackupTakesOver() throws IOException {
        ScriptedSources.Script a = sources.define("a", loop);
        sources.define("b", loop);
        try (Channel c = start(spec(List.of(uri("a"), uri("b"))))) {
            awaitState(c, liveOn(0));
            a.stalled = true;
            awaitState(c, liveOn(1));
            assertThat(c.state().lastError()).startsWith("source 0 (test:a) failed: no data for ");
            a.stalled = false;
            awaitState(c, liveOn(0));
            assertThat(c.state().switches()).isEqualTo(2);
        }
    }

    @Test
    void sourceThatLosesItsVideoIsFailedOverAndMustShowAKeyframeToComeBack() throws IOException {
        ScriptedSources.Script a = sources.define("a", loop);
        sources.define("b", loop);
        try (Channel c = start(spec(List.of(uri("a"), uri("b"))))) {
            awaitState(c, liveOn(0));
            a.dropPid = 0x100;
            awaitState(c, liveOn(1));
            assertThat(c.state().lastError()).startsWith("source 0 (test:a) failed: no video for ");
            await().atMost(Duration.ofSeconds(30)).until(() -> c.state().lastError()
                    .matches("source 0 \\(test:a\\) is still down: no keyframe within the probation of 3000 ms; .*"));
            assertThat(c.state().sourceIndex()).isEqualTo(1);
            a.dropPid = -1;
            awaitState(c, liveOn(0));
        }
    }

    @Test
    void continuityErrorsAboveTheRateFailTheSource() throws IOException {
        ScriptedSources.Script a = sources.define("a", loop);
        sources.define("b", loop);
        ChannelSpec spec = spec(List.of(uri("a"), uri("b")))
                .withHealth(new HealthThresholds(Duration.ofSeconds(1), Duration.ofSeconds(3), 5, Duration.ofSeconds(3)));
        try (Channel c = start(spec)) {
            awaitState(c, liveOn(0));
            a.scrambleContinuity = true;
            awaitState(c, liveOn(1));
            assertThat(c.state().lastError()).matches("source 0 \\(test:a\\) failed: [0-9.]+ continuity errors per second, above 5.0");
            assertThat(c.state().continuityErrors()).isGreaterThan(5);
            a.scrambleContinuity = false;
            awaitState(c, liveOn(0));
        }
    }

    @Test
    void everySourceDeadPlaysTheSlateUntilOneRecovers() throws IOException {
        ScriptedSources.Script a = sources.define("a", loop);
        ScriptedSources.Script b = sources.define("b", loop);
        sources.define("slate", loop);
        a.down = true;
        b.down = true;
        try (Channel c = start(spec(List.of(uri("a"), uri("b"))).withSlate(uri("slate")))) {
            awaitState(c, s -> s.status() == ChannelStatus.SLATE && s.sourceIndex() == 2);
            awaitMoreSegments(c, 2);
            assertThat(c.state().source()).isEqualTo("test:slate");
            b.down = false;
            awaitState(c, liveOn(1));
            a.down = false;
            awaitState(c, liveOn(0));
            assertThat(c.state().switches()).isEqualTo(2);
        }
    }

    @Test
    void singleDeadSourceIsRetriedWithBackoffNotInALoop() throws Exception {
        ScriptedSources.Script a = sources.define("a", loop);
        a.down = true;
        ChannelSpec spec = spec(List.of(uri("a"))).withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        try (Channel c = start(spec)) {
            Thread.sleep(2000);
            assertThat(a.opens.get()).isBetween(1, 3);
            assertThat(c.state().status()).isIn(ChannelStatus.STARTING, ChannelStatus.FAILING_OVER);
            assertThat(c.state().lastError()).isEqualTo("source 0 (test:a) failed: source test:a is down");
            assertThat(c.window().segmentsProduced()).isZero();
        }
    }

    @Test
    void stoppingEndsTheSegmentAndTheViewers() throws Exception {
        sources.define("a", loop);
        Channel c = start(spec(List.of(uri("a"))));
        awaitState(c, liveOn(0));
        List<String> ends = new java.util.concurrent.CopyOnWriteArrayList<>();
        c.subscribe(new LiveTsListener() {
            @Override
            public void onData(byte[] buf, int off, int len) {}

            @Override
            public void onEnd(String reason) {
                ends.add(reason);
            }
        });
        c.close();
        assertThat(c.state().status()).isEqualTo(ChannelStatus.STOPPED);
        assertThat(ends).containsExactly("channel news-hd stopped");
        try (var files = Files.list(dir.resolve("live"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
