package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import headwater.headend.source.SourceContext;
import headwater.media.hls.MediaSegment;
import headwater.testkit.Ffprobe;
import headwater.testkit.Fixtures;
import headwater.testkit.ProbedStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad sources of issue 2 through a running headend, end to end: each case is a channel of its own fed by a real
 * {@code file://} (or {@code http://}) source made from the committed fixtures, and each asserts what an operator and
 * a player observe: the channel keeps running, segments keep coming, every segment decodes cleanly (but the one that
 * carries a packet lost upstream), EXTINF come from timestamps, discontinuities are where the program or the source
 * changed and nowhere else (a PTS wrap is none), continuity errors are counted where packets were lost, a source
 * without video is healthy, the watchdog fails a stalled source over to the backup. All channels start together (they are paced in real time, so running them one after another would cost the
 * sum of their durations); each case then waits for its own channel, stops it, and checks what it left on disk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadSourcesEndToEndTest {
    private static final Duration TARGET = Duration.ofSeconds(1);
    /** Every fixture is 25 fps with an IDR every 25 frames: segments are one second of stream each. */
    private static final long ONE_SECOND = 90_000;

    @TempDir
    static Path dir;

    private SourceContext context;
    private HttpServer server;
    private final CountDownLatch releaseStall = new CountDownLatch(1);
    private final AtomicInteger stallRequests = new AtomicInteger();
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** How a case's playlist may show discontinuities. */
    enum Cuts {
        /** none at all: the source is continuous (seamless loop, PTS wrap, resynchronised garbage) */
        NONE,
        /** exactly where the streams (PIDs and codecs) of consecutive segments differ */
        AT_PROGRAM_CHANGES,
        /** exactly one, at the failover */
        ONE_SWITCH
    }

    /**
     * One row of the table.
     *
     * @param id the channel id
     * @param chain the sources, most preferred first
     * @param segments how many segments the channel must produce before it is stopped and checked
     * @param ready what else must hold before it is stopped
     * @param sourceIndex the source in use at the end
     * @param ccErrors whether continuity errors must have been counted (else none may be)
     * @param cuts where discontinuities must be
     * @param codecs what ffprobe finds in every segment ({@code null}: it varies, {@link Cuts} checks it)
     * @param window segments in the playlist, and on disk beyond it
     */
    record BadSource(String id, List<URI> chain, int segments, Predicate<ChannelState> ready, int sourceIndex,
            boolean ccErrors, Cuts cuts, List<String> codecs, int window, int extraOnDisk) {
        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * A started channel, with every (status, source) it went through and every last error, polled every 10 ms, and
     * what it showed the moment its case was satisfied, just before it was stopped.
     */
    record Running(Headend headend, Channel channel, List<String> timeline, List<String> errors,
            CompletableFuture<Stopped> stopped) {}

    /** The state, the playlist and its segments when the channel was stopped. */
    record Stopped(ChannelState state, String playlist, List<MediaSegment> inPlaylist) {}

    private URI fixture(String name, String query) throws IOException {
        Path file = dir.resolve("fixtures").resolve(name);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.write(file, Fixtures.bytes(name));
        }
        return URI.create(file.toUri() + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * The 180p fixture with 1..300 random bytes (never a sync byte, seeded) after every 50th packet: garbage that costs
     * no packet, so everything must come through intact.
     */
    private static URI garbageBetweenPackets() throws IOException {
        Path file = dir.resolve("fixtures").resolve("garbage-between-packets.ts");
        if (!Files.exists(file)) {
            byte[] ts = Fixtures.bytes(Fixtures.H264_AAC_180P);
            java.util.Random random = new java.util.Random(42);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int off = 0, packet = 0; off < ts.length; off += 188, packet++) {
                out.write(ts, off, 188);
                if (packet % 50 == 49) {
                    byte[] garbage = new byte[1 + random.nextInt(300)];
                    random.nextBytes(garbage);
                    for (int i = 0; i < garbage.length; i++) {
                        if (garbage[i] == 0x47) {
                            garbage[i] = 0x46;
                        }
                    }
                    out.write(garbage);
                }
            }
            Files.createDirectories(file.getParent());
            Files.write(file, out.toByteArray());
        }
        return URI.create(file.toUri() + "?speed=2");
    }

    List<BadSource> cases() throws IOException {
        Predicate<ChannelState> any = s -> true;
        List<String> h264Aac = List.of("h264", "aac");
        URI backup = fixture(Fixtures.H264_AAC_180P, "speed=2");
        // pmt-change and pid-change join two muxes: their PAT and PMT counters jump once per pass (testkit README)
        return List.of(
                // 1000 bytes of text (full of 0x47) after packet 40 and packet 60 cut to 100 bytes, looped
                new BadSource("garbage-truncated", List.of(fixture(Fixtures.GARBAGE_TRUNCATED, "speed=2")), 6, any,
                        0, true, Cuts.NONE, h264Aac, 3, 100),
                // random bytes between whole packets, every 50 packets: resynchronised, nothing lost
                new BadSource("garbage-between-packets", List.of(garbageBetweenPackets()), 6, any,
                        0, false, Cuts.NONE, h264Aac, 3, 100),
                // 2 s of H.264+AAC on 0x100/0x101, then 2 s of H.264 alone on 0x200, same PMT PID, looped
                new BadSource("pmt-change", List.of(fixture(Fixtures.PMT_CHANGE, "speed=2")), 8, any,
                        0, true, Cuts.AT_PROGRAM_CHANGES, null, 3, 100),
                // the program moves to PMT PID 0x1100 and streams 0x300/0x301 half way, looped
                new BadSource("pid-change", List.of(fixture(Fixtures.PID_CHANGE, "speed=2")), 8, any,
                        0, true, Cuts.AT_PROGRAM_CHANGES, null, 3, 100),
                // no video at all, with a backup that must NOT be used: a source that never carried video is healthy
                // as long as its program plays (HealthThresholds.noVideo is about video that stops)
                new BadSource("audio-only", List.of(fixture(Fixtures.AUDIO_ONLY_AAC, "speed=2"), backup), 6, any,
                        0, false, Cuts.NONE, List.of("aac"), 3, 100),
                // ten seconds of stream per second: EXTINF from timestamps, the window slides ten times as fast
                new BadSource("ten-times", List.of(fixture(Fixtures.H264_AAC_180P, "speed=10")), 40, any,
                        0, false, Cuts.NONE, h264Aac, 3, 2),
                // 720p over HTTP, then the server stops sending without closing; the 180p file is the backup
                new BadSource("stall", List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                        + "/stall.ts"), backup), 4, s -> s.sourceIndex() == 1 && s.status() == ChannelStatus.LIVE,
                        1, false, Cuts.ONE_SWITCH, h264Aac, 3, 100),
                // two programs in one mux: the first one is packaged, the other one's PIDs stay out
                new BadSource("two-programs", List.of(fixture(Fixtures.MULTI_PROGRAM, "speed=2")), 4, any,
                        0, false, Cuts.NONE, h264Aac, 3, 100),
                // PTS starts 1 s before 2^33 and wraps, looped
                new BadSource("pts-wrap", List.of(fixture(Fixtures.PTS_WRAP, "speed=2")), 6, any,
                        0, false, Cuts.NONE, h264Aac, 3, 100));
    }

    @BeforeAll
    void startEveryChannel() throws IOException {
        context = SourceContext.defaults("bad-sources");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/stall.ts", this::stallOnce);
        server.start();
        for (BadSource c : cases()) {
            ChannelSpec spec = ChannelSpec.of(c.id(), c.id(), c.chain())
                    .withTargetDuration(TARGET)
                    .withWindow(c.window(), c.extraOnDisk())
                    // noData 1 s for the stall; noVideo 2 s, well inside the audio-only channel's run
                    .withHealth(new HealthThresholds(Duration.ofSeconds(1), Duration.ofSeconds(2), 50,
                            Duration.ofSeconds(2)));
            Headend headend = new Headend(dir.resolve("data-" + c.id()), SourceProvider.standard(context),
                    new SimpleMeterRegistry());
            headend.start(List.of(spec));
            Channel channel = headend.channel(c.id());
            List<String> timeline = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            Running r = new Running(headend, channel, timeline, errors, new CompletableFuture<>());
            running.put(c.id(), r);
            Thread.ofVirtual().name("timeline-" + c.id()).start(() -> watch(c, r));
        }
    }

    /** The first request gets the 720p fixture, then nothing more on an open connection; later ones get 503. */
    private void stallOnce(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (stallRequests.incrementAndGet() > 1) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0); // chunked: no end in sight
            OutputStream out = exchange.getResponseBody();
            out.write(Fixtures.bytes(Fixtures.H264_AAC_720P));
            out.flush();
            releaseStall.await(); // the stall: the connection stays open, silent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Records the channel's timeline, and stops it as soon as its case is satisfied: the channels run concurrently
     * but are checked one after another, and a channel left running would only pile up segments to decode.
     */
    private static void watch(BadSource c, Running r) {
        Channel channel = r.channel();
        List<String> timeline = r.timeline();
        List<String> errors = r.errors();
        while (true) {
            ChannelState s = channel.state();
            String step = s.status() + "@" + s.sourceIndex();
            if (timeline.isEmpty() || !timeline.getLast().equals(step)) {
                timeline.add(step);
            }
            if (!s.lastError().isEmpty() && (errors.isEmpty() || !errors.getLast().equals(s.lastError()))) {
                errors.add(s.lastError());
            }
            if (s.status() == ChannelStatus.STOPPED) {
                r.stopped().completeExceptionally(new AssertionError("channel " + c + " stopped by itself"));
                return;
            }
            if (s.segmentsProduced() >= c.segments() && c.ready().test(s)) {
                try {
                    String playlist = new String(channel.window().mediaPlaylist().orElseThrow(), StandardCharsets.UTF_8);
                    List<MediaSegment> inPlaylist = channel.window().playlistSegments();
                    r.headend().close(); // what is on disk no longer changes
                    r.stopped().complete(new Stopped(s, playlist, inPlaylist));
                } catch (RuntimeException | Error e) {
                    r.stopped().completeExceptionally(e);
                }
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @AfterAll
    void stopEverything() {
        running.values().forEach(r -> r.headend().close());
        releaseStall.countDown();
        if (server != null) {
            server.stop(0);
        }
        if (context != null) {
            context.httpClient().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void channelSurvivesTheBadSource(BadSource c) throws Exception {
        Running r = running.get(c.id());
        Channel channel = r.channel();
        Stopped stopped;
        try {
            stopped = r.stopped().get(45, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("channel " + c + " produced " + channel.window().segmentsProduced()
                    + " segments in 45 s; state " + channel.state() + ", timeline " + r.timeline(), e);
        }
        ChannelState state = stopped.state();
        String playlist = stopped.playlist();
        List<MediaSegment> inPlaylist = stopped.inPlaylist();
        List<MediaSegment> segments = channel.window().segmentsOnDisk();

        assertThat(state.status()).as("status of %s, timeline %s, errors %s", c, r.timeline(), r.errors())
                .isEqualTo(ChannelStatus.LIVE);
        assertThat(state.sourceIndex()).as("source in use by %s", c).isEqualTo(c.sourceIndex());
        assertThat(r.errors()).as("no unexpected failure escaped the channel %s", c)
                .noneMatch(e -> e.startsWith("channel failed") || e.contains("packaging failed"));
        if (c.ccErrors()) {
            assertThat(state.continuityErrors()).as("continuity errors counted by %s", c).isPositive();
        } else {
            assertThat(state.continuityErrors()).as("continuity errors counted by %s", c).isZero();
        }
        assertThat(segments).as("segments of %s", c).hasSizeGreaterThanOrEqualTo(Math.min(c.segments(),
                c.window() + c.extraOnDisk()));

        List<Integer> cutIndexes = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        Map<MediaSegment, List<String>> damaged = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            MediaSegment s = segments.get(i);
            Path file = channel.window().segment(s.sequence()).path();
            List<String> errors = Ffprobe.decodeErrors(file);
            boolean cutByTheStop = i == segments.size() - 1 && !inPlaylist.isEmpty()
                    && s.sequence() > inPlaylist.getLast().sequence();
            if (c.id().equals("garbage-truncated") && !errors.isEmpty()) {
                damaged.put(s, errors);
            } else if (cutByTheStop) {
                // The segment the test's stop ended (HlsSegmenter.flush): it ends where the input was read to when
                // the channel stopped, often inside a frame, as documented for a source that dies mid-unit. Its
                // last frame may not decode whole, video (a picture's macroblocks missing) or audio (an AAC frame
                // without its end); those are the only complaints allowed, and few of them.
                assertThat(errors).as("decoding segment %d of %s, cut by the stop", s.sequence(), c)
                        .hasSizeLessThanOrEqualTo(8)
                        .allMatch(BadSourcesEndToEndTest::truncatedLastFrame);
            } else {
                assertThat(errors).as("decoding segment %d of %s", s.sequence(), c).isEmpty();
            }
            signatures.add(streams(file));
            if (s.discontinuity()) {
                cutIndexes.add(i);
            }
            assertThat(s.duration90k()).as("EXTINF of segment %d of %s, from timestamps", s.sequence(), c)
                    .isPositive().isLessThanOrEqualTo(2 * TARGET.toSeconds() * 90_000);
            if (c.codecs() != null) {
                assertThat(signatures.getLast().lines().map(l -> l.split(",")[0]).distinct())
                        .as("codecs of segment %d of %s", s.sequence(), c).containsExactlyInAnyOrderElementsOf(c.codecs());
            }
        }

        switch (c.cuts()) {
            case NONE -> {
                assertThat(cutIndexes).as("discontinuities of %s", c).isEmpty();
                assertThat(playlist).doesNotContain("#EXT-X-DISCONTINUITY\n");
                for (int i = 1; i < segments.size(); i++) {
                    MediaSegment before = segments.get(i - 1);
                    assertThat(segments.get(i).startPts()).as("segment %d of %s starts where %d ended (mod 2^33)",
                            segments.get(i).sequence(), c, before.sequence())
                            .isEqualTo((before.startPts() + before.duration90k()) % (1L << 33));
                }
            }
            case AT_PROGRAM_CHANGES -> {
                List<Integer> changes = new ArrayList<>();
                for (int i = 1; i < signatures.size(); i++) {
                    if (!signatures.get(i).equals(signatures.get(i - 1))) {
                        changes.add(i);
                    }
                }
                assertThat(changes).as("program changes seen by ffprobe in %s: %s", c, signatures).isNotEmpty();
                assertThat(cutIndexes).as("discontinuities of %s, segment streams %s", c, signatures)
                        .isEqualTo(changes);
                long listedCuts = inPlaylist.stream().filter(MediaSegment::discontinuity).count();
                assertThat(count(playlist, "#EXT-X-DISCONTINUITY\n")).as("discontinuity tags in the playlist of %s", c)
                        .isEqualTo(listedCuts);
            }
            case ONE_SWITCH -> {
                assertThat(cutIndexes).as("discontinuities of %s", c).hasSize(1);
                assertThat(state.switches()).as("switches of %s", c).isEqualTo(1);
            }
        }
        MediaSegment first = inPlaylist.getFirst(); // the tags before the first segment, not its own (RFC 8216 §6.2.2)
        assertThat(playlist).as("discontinuity sequence of %s", c).contains("#EXT-X-DISCONTINUITY-SEQUENCE:"
                + (first.discontinuitySequence() - (first.discontinuity() ? 1 : 0)) + "\n");

        switch (c.id()) {
            case "garbage-truncated" -> assertDamageStaysInItsSegment(segments, damaged);
            case "audio-only" -> {
                assertThat(state.switches()).as("the audio-only source is never failed over").isZero();
                assertThat(r.timeline()).as("timeline of %s", c).noneMatch(t -> t.endsWith("@1"));
                assertThat(state.codecs()).containsExactly("mp4a.40.2");
                assertThat(state.resolution()).isEmpty();
            }
            case "two-programs" -> {
                assertThat(signatures).as("streams of every segment of %s", c).containsOnly("aac,0x101\nh264,0x100");
                assertThat(state.resolution()).as("program 1's video").isEqualTo("320x180");
            }
            case "ten-times" -> assertTenTimes(c, channel, segments, inPlaylist, playlist);
            case "stall" -> assertStallFailedOver(c, r, channel, segments);
            case "pts-wrap" -> assertThat(segments).as("a segment after the wrap starts below the one before")
                    .anySatisfy(s -> assertThat(s.startPts()).isLessThan(segments.getFirst().startPts()));
            default -> { }
        }
    }

    /**
     * The truncated packet takes 184 bytes of one AAC frame with it: no packager can put them back, and ffmpeg reports
     * that frame on the source file too. What must hold: the damage stays inside the segment that carries it (the
     * file's first second: with three keyframes per pass of the loop, every third segment), only the audio decoder
     * complains (the 1000 bytes of text, full of sync bytes, never reach the video), and every other segment decodes
     * cleanly.
     */
    private static void assertDamageStaysInItsSegment(List<MediaSegment> segments, Map<MediaSegment, List<String>> damaged) {
        assertThat(damaged).as("the segments of the file's first second").isNotEmpty();
        long where = Math.floorMod(segments.getFirst().sequence(), 3);
        assertThat(damaged.keySet()).as("damaged segments: %s", damaged)
                .allSatisfy(s -> assertThat(Math.floorMod(s.sequence(), 3))
                        .as("segment %d holds the file's first second", s.sequence()).isEqualTo(where));
        assertThat(damaged.values()).as("only the audio decoder reports errors")
                .allSatisfy(lines -> assertThat(lines).noneMatch(l -> l.contains("h264")));
        assertThat(segments.size() - damaged.size()).as("clean segments").isGreaterThanOrEqualTo(segments.size() / 2);
    }

    /** At 10× the EXTINF are still one second of stream each, and the window slides ten times as fast. */
    private void assertTenTimes(BadSource c, Channel channel, List<MediaSegment> segments,
            List<MediaSegment> inPlaylist, String playlist)
            throws IOException {
        for (MediaSegment s : segments.subList(0, segments.size() - 1)) {
            assertThat(s.duration90k()).as("EXTINF of segment %d at 10×: one GOP of stream time", s.sequence())
                    .isBetween(ONE_SECOND * 9 / 10, ONE_SECOND * 11 / 10);
        }
        assertThat(segments.getLast().duration90k()).as("the segment the stop cut short")
                .isPositive().isLessThanOrEqualTo(ONE_SECOND * 11 / 10);
        long last = segments.getLast().sequence();
        assertThat(last).as("sequence numbers after %s s of stream", last).isGreaterThanOrEqualTo(c.segments());
        assertThat(segments).as("what stays on disk at 10×").hasSize(c.window() + c.extraOnDisk());
        assertThat(segments.getFirst().sequence()).isEqualTo(last - c.window() - c.extraOnDisk() + 1);
        try (Stream<Path> files = Files.list(channel.window().directory())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ts")))
                    .as("segment files left on disk at 10×").hasSize(c.window() + c.extraOnDisk());
        }
        assertThat(inPlaylist).as("the playlist at 10×").hasSize(c.window());
        assertThat(playlist).as("media sequence at 10×")
                .contains("#EXT-X-MEDIA-SEQUENCE:" + inPlaylist.getFirst().sequence() + "\n");
        assertThat(count(playlist, "#EXTINF:")).isEqualTo(c.window());
        assertThatThrownBy(() -> channel.window().segment(0)).isInstanceOf(SegmentUnavailableException.class)
                .hasMessageContaining("segment 0 of channel ten-times is gone");
    }

    /** The stalled HTTP source played first, the watchdog failed it for lack of data, the backup took over. */
    private void assertStallFailedOver(BadSource c, Running r, Channel channel, List<MediaSegment> segments) {
        assertThat(r.timeline()).as("timeline of %s", c).containsSubsequence("LIVE@0", "LIVE@1");
        assertThat(r.timeline().subList(r.timeline().indexOf("LIVE@1"), r.timeline().size()))
                .as("no return to the stalled source, which now answers 503").noneMatch(t -> t.endsWith("@0"));
        assertThat(r.errors()).as("why %s failed over", c).first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("source 0 (http://127.0.0.1:").contains("failed: no data for ");
        int cut = 0;
        while (!segments.get(cut).discontinuity()) {
            cut++;
        }
        assertThat(cut).as("segments from the stalled source before the switch").isPositive();
        for (int i = 0; i < segments.size(); i++) {
            Path file = channel.window().segment(segments.get(i).sequence()).path();
            List<ProbedStream> video = Ffprobe.streams(file).streams().stream()
                    .filter(s -> "video".equals(s.codecType())).toList();
            assertThat(video).extracting(ProbedStream::width).as("segment %d: before the switch from the 720p "
                    + "stalled source, after from the 180p backup", i).containsExactly(i < cut ? 1280 : 320);
        }
    }

    /** The streams of a segment as ffprobe sees them, one line each: {@code aac,0x101\nh264,0x100}. */
    private static String streams(Path file) throws IOException, InterruptedException {
        MediaTools.Result r = MediaTools.run(List.of("ffprobe", "-v", "error", "-show_entries",
                "stream=id,codec_name", "-of", "csv=p=0", file.toString()));
        assertThat(r.exit()).as("ffprobe %s: %s", file, r.err()).isZero();
        // each stream once (ffprobe lists a program's streams again, and separates sections with blank lines)
        return String.join("\n", r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().sorted()
                .toList());
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** What ffmpeg says about a frame cut short at the end of a file, and nothing else. */
    private static boolean truncatedLastFrame(String error) {
        return error.contains("error while decoding MB") || error.contains("concealing")
                || error.contains("Input buffer exhausted before END element")
                || error.contains("Error while decoding stream") && error.contains("Invalid data found");
    }

}
