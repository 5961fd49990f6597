package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.media.ts.Codec;
import headwater.media.ts.ElementaryStream;
import headwater.media.ts.ProgramMapTable;
import headwater.media.ts.StreamFormat;
import headwater.media.ts.TsPacket;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the segmenter with the events a demuxer would send, from synthetic packets with chosen timestamps. */
class HlsSegmenterTest {
    private static final long WRAP = 1L << 33;
    private static final long FRAME = 3600; // 25 frames per second
    private static final ElementaryStream VIDEO = new ElementaryStream(0x100, 0x1B, Codec.H264, "", null);
    private static final ElementaryStream AUDIO = new ElementaryStream(0x101, 0x0F, Codec.AAC, "", null);
    private static final ProgramMapTable PMT = new ProgramMapTable(1, 0x1000, 0x100, 0, List.of(VIDEO, AUDIO));
    private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");

    private final RecordingSink sink = new RecordingSink();
    private final MutableClock clock = new MutableClock(T0);
    private final byte[] videoPacket = packet(VIDEO.pid());
    private final byte[] audioPacket = packet(AUDIO.pid());

    private HlsSegmenter segmenter(Duration target) {
        HlsSegmenter s = new HlsSegmenter(sink, SegmenterOptions.of(target), clock);
        s.onProgramMap(PMT);
        return s;
    }

    /** A video access unit in two packets, followed by an audio unit in one packet. */
    private void frame(HlsSegmenter s, long pts, long dts, boolean keyframe) {
        s.onUnitStart(VIDEO, pts & (WRAP - 1), dts & (WRAP - 1), keyframe);
        s.onPacket(videoPacket, 0, VIDEO.pid());
        s.onPacket(videoPacket, 0, VIDEO.pid());
        s.onUnitStart(AUDIO, pts & (WRAP - 1), dts & (WRAP - 1), true);
        s.onPacket(audioPacket, 0, AUDIO.pid());
    }

    /** {@code count} frames from {@code firstPts}, a keyframe every {@code gop} frames counted from {@code firstIndex}. */
    private long frames(HlsSegmenter s, long firstPts, int firstIndex, int count, int gop) {
        long pts = firstPts;
        for (int i = firstIndex; i < firstIndex + count; i++) {
            frame(s, pts, pts, i % gop == 0);
            pts += FRAME;
        }
        return pts;
    }

    @Test
    void cutsOnTheFirstKeyframeAtTheTargetDurationAndMeasuresOnTimestamps() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 0, 250, 25);
        s.flush();

        assertThat(sink.segments).extracting(MediaSegment::startPts).containsExactly(0L, 360_000L, 720_000L);
        assertThat(sink.segments).extracting(MediaSegment::duration90k).containsExactly(360_000L, 360_000L, 180_000L);
        assertThat(sink.segments).extracting(MediaSegment::sequence).containsExactly(0L, 1L, 2L);
        assertThat(sink.segments).allSatisfy(seg -> {
            assertThat(seg.discontinuity()).isFalse();
            assertThat(seg.discontinuitySequence()).isZero();
        });
        assertThat(sink.segments.get(0).sizeBytes()).isEqualTo((2 + 100 * 3) * 188L);
        assertThat(s.segments()).isEqualTo(3);
        assertThat(s.droppedPackets()).isZero();
        for (byte[] bytes : sink.bytes) {
            assertThat(pids(bytes).subList(0, 3)).containsExactly(0, 0x1000, VIDEO.pid());
        }
    }

    @Test
    void dropsPacketsBeforeTheFirstKeyframe() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 10, 115, 25); // frames 10..24 are not keyframes, 25 is
        s.flush();

        assertThat(s.droppedPackets()).isEqualTo(15 * 3);
        assertThat(sink.segments.get(0).startPts()).isEqualTo(15 * FRAME);
        assertThat(pids(sink.bytes.get(0)).get(2)).isEqualTo(VIDEO.pid());
    }

    @Test
    void replacesUpstreamTablesWithItsOwnAtEverySegmentStart() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(1));
        byte[] upstreamPat = packet(0);
        byte[] upstreamPmt = packet(0x1000);
        long pts = 0;
        for (int i = 0; i < 100; i++) {
            s.onPacket(upstreamPat, 0, 0);
            s.onPacket(upstreamPmt, 0, 0x1000);
            frame(s, pts, pts, i % 25 == 0);
            pts += FRAME;
        }
        s.flush();

        assertThat(sink.segments).hasSize(4);
        for (byte[] bytes : sink.bytes) {
            List<Integer> pids = pids(bytes);
            assertThat(pids.stream().filter(p -> p == 0).count()).isEqualTo(1);
            assertThat(pids.stream().filter(p -> p == 0x1000).count()).isEqualTo(1);
            // our continuity counters, not upstream's (which were all 0)
        }
        assertThat(TsPacket.continuityCounter(sink.bytes.get(3), 0)).isEqualTo(3);
        assertThat(TsPacket.continuityCounter(sink.bytes.get(3), 188)).isEqualTo(3);
    }

    @Test
    void handsTheCallersBufferToTheSinkUntouched() {
        List<byte[]> buffers = new ArrayList<>();
        SegmentSink identity = new SegmentSink() {
            @Override
            public void beginSegment(long sequence, boolean discontinuity) {}

            @Override
            public void write(byte[] buf, int off, int len) {
                buffers.add(buf);
            }

            @Override
            public void endSegment(MediaSegment segment) {}
        };
        HlsSegmenter s = new HlsSegmenter(identity, SegmenterOptions.of(Duration.ofSeconds(4)), clock);
        s.onProgramMap(PMT);
        byte[] before = videoPacket.clone();
        frame(s, 0, 0, true);

        assertThat(buffers).hasSize(4); // tables, video, video, audio
        assertThat(buffers.get(1)).isSameAs(videoPacket);
        assertThat(buffers.get(3)).isSameAs(audioPacket);
        assertThat(videoPacket).isEqualTo(before);
    }

    @Test
    void allowsHalfAFrameOfToleranceAtTheCut() {
        HlsSegmenter tolerant = segmenter(Duration.ofMillis(4010)); // keyframe at 4.000 s is within half a frame
        frames(tolerant, 0, 0, 150, 25);
        tolerant.flush();
        assertThat(sink.segments.get(0).duration90k()).isEqualTo(360_000L);

        sink.segments.clear();
        HlsSegmenter strict = segmenter(Duration.ofMillis(4030)); // 4.000 s is more than half a frame short
        frames(strict, 0, 0, 150, 25);
        strict.flush();
        assertThat(sink.segments.get(0).duration90k()).isEqualTo(450_000L);
    }

    @Test
    void runsOverTheTargetWhenNoKeyframeComes() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 0, 450, 150); // a keyframe every 6 s
        s.flush();

        assertThat(sink.segments).extracting(MediaSegment::duration90k).containsExactly(540_000L, 540_000L, 540_000L);
    }

    @Test
    void treatsThe33BitWrapAroundAsContinuousTime() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        long start = WRAP - 3 * 90_000;
        frames(s, start, 0, 250, 25);
        s.flush();

        assertThat(s.timestampJumps()).isZero();
        assertThat(sink.segments).extracting(MediaSegment::duration90k).containsExactly(360_000L, 360_000L, 180_000L);
        assertThat(sink.segments).extracting(MediaSegment::startPts)
                .containsExactly(start, (start + 360_000) % WRAP, (start + 720_000) % WRAP);
        assertThat(sink.segments).noneMatch(MediaSegment::discontinuity);
    }

    @Test
    void followsDecodeOrderWithBFrames() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        // decode order I P B B P B B ..., presentation two frames later than decode
        for (int i = 0; i < 250; i++) {
            long dts = i * FRAME;
            int posInGop = i % 25;
            int display = posInGop == 0 ? i : (posInGop % 3 == 1 ? i + 2 : i - 1);
            frame(s, display * FRAME + 2 * FRAME, dts, posInGop == 0);
        }
        s.flush();

        assertThat(s.timestampJumps()).isZero();
        assertThat(sink.segments).extracting(MediaSegment::duration90k).startsWith(360_000L, 360_000L);
        assertThat(sink.segments.get(0).startPts()).isEqualTo(2 * FRAME);
    }

    @Test
    void endsTheSegmentAtTheLastGoodTimestampWhenTimeGoesBackwards() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 0, 150, 25);
        clock.now = T0.plusSeconds(3600);
        frames(s, 0, 0, 100, 25); // the source restarted at 0
        s.flush();

        assertThat(s.timestampJumps()).isEqualTo(1);
        assertThat(sink.segments).extracting(MediaSegment::duration90k)
                .containsExactly(360_000L, 50 * FRAME, 360_000L);
        assertThat(sink.segments).extracting(MediaSegment::discontinuity).containsExactly(false, false, true);
        assertThat(sink.segments).extracting(MediaSegment::discontinuitySequence).containsExactly(0L, 0L, 1L);
        assertThat(sink.beganAsDiscontinuity).containsExactly(false, false, true);
        assertThat(sink.segments.get(2).programDateTime()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void endsTheSegmentAtTheLastGoodTimestampWhenTimeLeapsForward() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        long next = frames(s, 0, 0, 130, 25);
        assertThat(s.jumpLimit90k()).isEqualTo(12 * 90_000L); // three target durations, more than 10 s
        frames(s, next + 20 * 90_000L, 0, 100, 25);
        s.flush();

        assertThat(s.timestampJumps()).isEqualTo(1);
        assertThat(sink.segments).extracting(MediaSegment::duration90k).containsExactly(360_000L, 30 * FRAME,
                360_000L);
        assertThat(sink.segments.get(2).discontinuity()).isTrue();
    }

    @Test
    void keepsAGapShorterThanTheJumpLimitInsideTheSegment() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        long next = frames(s, 0, 0, 50, 25);
        frames(s, next + 5 * 90_000L, 50, 100, 25);
        s.flush();

        assertThat(s.timestampJumps()).isZero();
        // the keyframe after the gap is past the target: the gap stays in the first segment
        assertThat(sink.segments.get(0).duration90k()).isEqualTo(50 * FRAME + 5 * 90_000L);
        assertThat(sink.segments.get(1).duration90k()).isEqualTo(100 * FRAME);
        assertThat(sink.segments).noneMatch(MediaSegment::discontinuity);
    }

    @Test
    void waitsForAKeyframeWhenTheJumpLandsBetweenThem() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 0, 110, 25);
        long dropped = s.droppedPackets();
        frames(s, 5_000_000, 20, 30, 25); // 5 non-keyframes, then a keyframe
        s.flush();

        assertThat(s.droppedPackets() - dropped).isEqualTo(5 * 3);
        assertThat(sink.segments).extracting(MediaSegment::duration90k).containsExactly(360_000L, 10 * FRAME,
                25 * FRAME);
        assertThat(sink.segments.get(2).startPts()).isEqualTo(5_000_000 + 5 * FRAME);
        assertThat(sink.segments.get(2).discontinuity()).isTrue();
    }

    @Test
    void cutsAudioOnlyProgramsOnAudioUnitsByDuration() {
        ProgramMapTable radio = new ProgramMapTable(1, 0x1000, 0x101, 0, List.of(AUDIO));
        HlsSegmenter s = new HlsSegmenter(sink, SegmenterOptions.of(Duration.ofSeconds(4)), clock);
        s.onProgramMap(radio);
        long aacFrame = 1920; // 1024 samples at 48 kHz
        for (int i = 0; i < 500; i++) {
            s.onUnitStart(AUDIO, i * aacFrame, i * aacFrame, true);
            s.onPacket(audioPacket, 0, AUDIO.pid());
        }
        s.flush();

        // 187 units are 359 040 ticks: within half a unit (960) of 4 s
        assertThat(sink.segments).extracting(MediaSegment::duration90k)
                .containsExactly(187 * aacFrame, 187 * aacFrame, 126 * aacFrame);
        assertThat(sink.segments).extracting(MediaSegment::startPts).containsExactly(0L, 187 * aacFrame,
                374 * aacFrame);
        assertThat(s.droppedPackets()).isZero();
    }

    @Test
    void aSourceSwitchEndsTheSegmentAndCarriesNothingOfTheOldSourceOver() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 0, 120, 25);
        s.discontinuity();
        frames(s, 121 * FRAME, 121, 2, 25); // late packets of the old source
        clock.now = T0.plusSeconds(77);
        frames(s, 9_000_000, 10, 115, 25); // the new source, first keyframe after 15 frames
        s.flush();

        assertThat(s.timestampJumps()).isZero();
        assertThat(s.droppedPackets()).isEqualTo((2 + 15) * 3);
        assertThat(sink.segments).extracting(MediaSegment::duration90k).containsExactly(360_000L, 20 * FRAME,
                360_000L);
        assertThat(sink.segments).extracting(MediaSegment::discontinuity).containsExactly(false, false, true);
        assertThat(sink.segments).extracting(MediaSegment::discontinuitySequence).containsExactly(0L, 0L, 1L);
        assertThat(sink.segments.get(2).startPts()).isEqualTo(9_000_000 + 15 * FRAME);
        assertThat(sink.segments.get(2).programDateTime()).isEqualTo(T0.plusSeconds(77));
    }

    @Test
    void runsTheProgramDateTimeOnTimestampsNotOnTheWallClock() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        frames(s, 0, 0, 100, 25);
        clock.now = T0.plusSeconds(1000); // the wall clock is not consulted again
        frames(s, 100 * FRAME, 100, 200, 25);
        s.flush();

        assertThat(sink.segments).extracting(MediaSegment::programDateTime)
                .containsExactly(T0, T0.plusSeconds(4), T0.plusSeconds(8));
    }

    @Test
    void discontinuityBeforeTheFirstSegmentFlagsItAndContinuesTheSequences() {
        HlsSegmenter s = new HlsSegmenter(sink, new SegmenterOptions(Duration.ofSeconds(4), 100, 5), clock);
        s.onProgramMap(PMT);
        s.discontinuity();
        frames(s, 0, 0, 150, 25);
        s.flush();

        assertThat(sink.segments).extracting(MediaSegment::sequence).containsExactly(100L, 101L);
        assertThat(sink.segments).extracting(MediaSegment::discontinuitySequence).containsExactly(6L, 6L);
        assertThat(sink.segments).extracting(MediaSegment::discontinuity).containsExactly(true, false);
    }

    @Test
    void aProgramWhoseStreamsChangeStartsADiscontinuity() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        long next = frames(s, 0, 0, 60, 25);
        s.onProgramMap(new ProgramMapTable(1, 0x1000, 0x100, 1, List.of(VIDEO, AUDIO))); // version only
        next = frames(s, next, 60, 40, 25);
        ElementaryStream second = new ElementaryStream(0x102, 0x0F, Codec.AAC, "deu", null);
        s.onProgramMap(new ProgramMapTable(1, 0x1000, 0x100, 2, List.of(VIDEO, AUDIO, second)));
        frames(s, next, 100, 100, 25);
        s.flush();

        assertThat(sink.segments).extracting(MediaSegment::discontinuity).containsExactly(false, true);
        assertThat(sink.segments.get(0).duration90k()).isEqualTo(100 * FRAME);
        // the new segment's PMT lists three streams: section_length 12 - 3 + 3 * 5 + 4
        byte[] pmt = sink.bytes.get(1);
        assertThat(TsPacket.pid(pmt, 188)).isEqualTo(0x1000);
        assertThat(pmt[188 + 7] & 0xFF).isEqualTo(28);
    }

    @Test
    void keepsTheFormatsOfTheProgramsStreamsInProgramOrder() {
        HlsSegmenter s = segmenter(Duration.ofSeconds(4));
        StreamFormat aac = StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48_000, 2);
        StreamFormat avc = StreamFormat.video(Codec.H264, "avc1.64001f", 1280, 720, 25);
        s.onStreamFormat(AUDIO, aac);
        s.onStreamFormat(VIDEO, avc);

        assertThat(s.formats()).containsExactly(avc, aac);
        assertThat(s.program()).isEqualTo(PMT);
    }

    /** The hot path allocates nothing: a million packets through a segmenter leave the heap as they found it. */
    @Test
    void allocatesNothingPerPacket() {
        SegmentSink discard = new SegmentSink() {
            @Override
            public void beginSegment(long sequence, boolean discontinuity) {}

            @Override
            public void write(byte[] buf, int off, int len) {}

            @Override
            public void endSegment(MediaSegment segment) {}
        };
        HlsSegmenter s = new HlsSegmenter(discard, SegmenterOptions.of(Duration.ofSeconds(3600)), clock);
        s.onProgramMap(PMT);
        s.onUnitStart(VIDEO, 0, 0, true);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 200_000; warm++) {
            s.onPacket(videoPacket, 0, VIDEO.pid());
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            s.onPacket(videoPacket, 0, VIDEO.pid());
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated for a million packets").isLessThan(100_000);
    }

    private static byte[] packet(int pid) {
        byte[] p = new byte[188];
        java.util.Arrays.fill(p, (byte) 0xAB);
        p[0] = TsPacket.SYNC_BYTE;
        p[1] = (byte) (pid >> 8);
        p[2] = (byte) pid;
        p[3] = 0x10;
        return p;
    }

    private static List<Integer> pids(byte[] segment) {
        List<Integer> pids = new ArrayList<>();
        for (int off = 0; off < segment.length; off += 188) {
            assertThat(segment[off]).isEqualTo(TsPacket.SYNC_BYTE);
            pids.add(TsPacket.pid(segment, off));
        }
        return pids;
    }

    /** A wall clock the test moves. */
    static final class MutableClock implements InstantSource {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
