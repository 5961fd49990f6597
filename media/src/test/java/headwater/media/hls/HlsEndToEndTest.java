package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import headwater.media.ts.DemuxOptions;
import headwater.media.ts.TsDemuxer;
import headwater.media.ts.TsPacket;
import headwater.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ffmpeg stream through {@link TsDemuxer} and {@link HlsSegmenter} to files and a playlist, checked with
 * ffprobe: every segment decodes without an error and starts on a keyframe, the segments concatenate into a stream
 * with continuous timestamps, and the playlist lasts as long as the stream.
 */
class HlsEndToEndTest {
    private static final Duration TARGET = Duration.ofSeconds(4);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-21T05:00:00Z"));

    @TempDir
    static Path sourceDir;
    static Path source;

    @BeforeAll
    static void encode() {
        // 10 s, 640x360 at 25 fps, an IDR every second, B-frames, AAC at 44.1 kHz
        MediaTool.ffmpeg(sourceDir, "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100", "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-g",
                "25", "-c:a", "aac", "-f", "mpegts", "source.ts");
        source = sourceDir.resolve("source.ts");
    }

    /** Writes each segment to {@code seg-<sequence>.ts}. */
    static final class FileSink implements SegmentSink {
        final Path dir;
        final List<MediaSegment> segments = new ArrayList<>();
        private OutputStream out;

        FileSink(Path dir) {
            this.dir = dir;
        }

        @Override
        public void beginSegment(long sequence, boolean discontinuity) {
            try {
                out = Files.newOutputStream(dir.resolve(name(sequence)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            try {
                out.write(buf, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endSegment(MediaSegment segment) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            segments.add(segment);
        }

        static String name(long sequence) {
            return "seg-" + sequence + ".ts";
        }
    }

    private static void feed(TsDemuxer demuxer, byte[] ts) {
        for (int off = 0; off < ts.length; off += 65_536) {
            demuxer.feed(ts, off, Math.min(65_536, ts.length - off));
        }
        demuxer.flush();
    }

    private static MediaPlaylist writePlaylist(FileSink sink) throws IOException {
        MediaPlaylist playlist = MediaPlaylist.of(TARGET, sink.segments, s -> FileSink.name(s.sequence()), true);
        Files.write(sink.dir.resolve("index.m3u8"), PlaylistWriter.render((Playlist) playlist));
        return playlist;
    }

    @Test
    void segmentsDecodeStartOnKeyframesAndJoinIntoTheStream(@TempDir Path out) throws Exception {
        FileSink sink = new FileSink(out);
        HlsSegmenter segmenter = new HlsSegmenter(sink, SegmenterOptions.of(TARGET), CLOCK);
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        feed(demuxer, Files.readAllBytes(source));
        segmenter.flush();
        MediaPlaylist playlist = writePlaylist(sink);

        assertThat(demuxer.stats().continuityErrors()).isZero();
        assertThat(segmenter.droppedPackets()).isZero();
        assertThat(sink.segments).extracting(MediaSegment::durationSeconds)
                .containsExactly(4.0, 4.0, 2.0);
        assertThat(playlist.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(videoDuration(out, source)).isCloseTo(10.0, within(0.001));

        for (MediaSegment s : sink.segments) {
            String name = FileSink.name(s.sequence());
            assertDecodesCleanly(out, name);
            List<String> frames = lines(MediaTool.ffprobe(out, "-select_streams", "v", "-show_entries",
                    "frame=key_frame,pict_type", "-of", "csv=p=0", name));
            assertThat(frames.get(0)).as("first frame of %s", name).startsWith("1,I");
            assertThat(frames).hasSize((int) Math.round(s.durationSeconds() * 25));
        }

        Path joined = out.resolve("joined.ts");
        try (OutputStream all = Files.newOutputStream(joined)) {
            for (MediaSegment s : sink.segments) {
                all.write(Files.readAllBytes(out.resolve(FileSink.name(s.sequence()))));
            }
        }
        assertDecodesCleanly(out, "joined.ts");
        assertContinuous(presentationTimes(out, "joined.ts", "v"), 0.040, 250);
        assertContinuous(presentationTimes(out, "joined.ts", "a"), 1024 / 44_100.0, -1);

        MediaTool.Result hls = MediaTool.ffprobe(out, "-show_entries", "stream=codec_name,width,height", "-of",
                "csv=p=0", "index.m3u8");
        assertThat(hls.stderr()).isEmpty();
        assertThat(lines(hls)).containsOnly("h264,640,360", "aac"); // listed per program and per stream

        VariantStream variant = VariantStream.describe("index.m3u8", segmenter.formats(), sink.segments, TARGET);
        assertThat(variant.codecs()).matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2");
        assertThat(variant.resolution()).isEqualTo(new Resolution(640, 360));
        assertThat(variant.frameRate()).isEqualTo(25.0);
        long totalBytes = sink.segments.stream().mapToLong(MediaSegment::sizeBytes).sum();
        assertThat(variant.averageBandwidth()).isEqualTo((long) Math.ceil(totalBytes * 8 / 10.0));
        assertThat(variant.bandwidth()).isGreaterThanOrEqualTo(variant.averageBandwidth());
    }

    @Test
    void aSourceSwitchGivesOneCleanDiscontinuity(@TempDir Path out) throws Exception {
        FileSink sink = new FileSink(out);
        HlsSegmenter segmenter = new HlsSegmenter(sink, SegmenterOptions.of(TARGET), CLOCK);
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        byte[] ts = Files.readAllBytes(source);
        // the first source stops half way, between two video frames
        feed(demuxer, Arrays.copyOf(ts, nextVideoUnitStart(ts, ts.length / 188 / 2 * 188)));
        demuxer.reset();
        segmenter.discontinuity();
        feed(demuxer, ts); // the backup starts over, timestamps from its own zero
        segmenter.flush();
        MediaPlaylist playlist = writePlaylist(sink);

        assertThat(playlist.segments()).filteredOn(PlaylistSegment::discontinuity).hasSize(1);
        assertThat(sink.segments).filteredOn(MediaSegment::discontinuity).singleElement()
                .satisfies(s -> assertThat(s.discontinuitySequence()).isEqualTo(1));
        for (MediaSegment s : sink.segments) {
            assertDecodesCleanly(out, FileSink.name(s.sequence()));
        }
        assertThat(playlist.duration().toMillis()).isBetween(14_000L, 16_000L);
        MediaTool.Result hls = MediaTool.ffprobe(out, "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                "index.m3u8");
        assertThat(hls.stderr()).isEmpty();
    }

    @Test
    void aTimestampWrapInTheSourceIsNotADiscontinuity(@TempDir Path out) throws Exception {
        FileSink sink = new FileSink(out);
        HlsSegmenter segmenter = new HlsSegmenter(sink, SegmenterOptions.of(Duration.ofSeconds(1)), CLOCK);
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        Path wrap = Fixtures.path(Fixtures.PTS_WRAP);
        feed(demuxer, Files.readAllBytes(wrap));
        segmenter.flush();
        MediaPlaylist playlist = writePlaylist(sink);

        assertThat(segmenter.timestampJumps()).isZero();
        assertThat(sink.segments).noneMatch(MediaSegment::discontinuity);
        assertThat(sink.segments.size()).isGreaterThanOrEqualTo(2);
        assertThat(playlist.duration().toMillis() / 1000.0).isCloseTo(videoDuration(out, wrap), within(0.002));
        for (MediaSegment s : sink.segments) {
            assertDecodesCleanly(out, FileSink.name(s.sequence()));
        }
    }

    /** The offset of the first packet at or after {@code from} that starts a PES on the video PID (0x100). */
    private static int nextVideoUnitStart(byte[] ts, int from) {
        for (int off = from; off + 188 <= ts.length; off += 188) {
            if (TsPacket.pid(ts, off) == 0x100 && TsPacket.payloadUnitStart(ts, off)) {
                return off;
            }
        }
        throw new AssertionError("no video PES start after " + from);
    }

    private static void assertDecodesCleanly(Path dir, String name) {
        MediaTool.Result decode = MediaTool.run(dir, "ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-i",
                name, "-f", "null", "-");
        assertThat(decode.exitCode()).as("ffmpeg decoding %s", name).isZero();
        assertThat(decode.stderr()).as("ffmpeg errors decoding %s", name).isEmpty();
    }

    /** Sorted presentation times of one stream type ("v" or "a"), in seconds. */
    private static List<Double> presentationTimes(Path dir, String name, String streamType) {
        MediaTool.Result probe = MediaTool.ffprobe(dir, "-select_streams", streamType, "-show_entries",
                "packet=pts_time", "-of", "csv=p=0", name);
        assertThat(probe.stderr()).isEmpty();
        return lines(probe).stream().map(l -> Double.parseDouble(l.split(",")[0])).sorted().toList();
    }

    private static void assertContinuous(List<Double> times, double step, int expectedCount) {
        if (expectedCount >= 0) {
            assertThat(times).hasSize(expectedCount);
        }
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("gap before %s", times.get(i))
                    .isCloseTo(step, within(0.0015));
        }
    }

    /** The video stream's duration from its timestamps: last PTS + one frame - first PTS. */
    private static double videoDuration(Path dir, Path file) {
        List<Double> pts = presentationTimes(dir, file.toString(), "v");
        return pts.get(pts.size() - 1) - pts.get(0) + (pts.get(1) - pts.get(0));
    }

    private static List<String> lines(MediaTool.Result r) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
