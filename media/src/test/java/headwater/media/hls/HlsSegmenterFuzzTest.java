package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.media.ts.Codec;
import headwater.media.ts.ElementaryStream;
import headwater.media.ts.ProgramMapTable;
import headwater.media.ts.StreamFormat;
import headwater.media.ts.TsPacket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever a broken source makes the demuxer report (timestamps anywhere in 33 bits or missing, keyframes or not,
 * programs changing, stray PIDs, switches and flushes at any time), the segmenter never throws and the sink sees
 * well-formed segments: begin/write/end in order, consecutive sequence numbers, a discontinuity sequence that grows by
 * one exactly at each discontinuity, our PAT and PMT first, non-negative durations and a running program date-time.
 * Runs its seeds in CI; {@code JAZZER_FUZZ=1} fuzzes.
 */
class HlsSegmenterFuzzTest {
    private static final ElementaryStream VIDEO = new ElementaryStream(0x100, 0x1B, Codec.H264, "", null);
    private static final ElementaryStream AUDIO = new ElementaryStream(0x101, 0x0F, Codec.AAC, "", null);
    private static final ElementaryStream OTHER = new ElementaryStream(0x102, 0x06, Codec.SCTE35, "", null);
    private static final ElementaryStream[] STREAMS = {VIDEO, AUDIO, OTHER};
    private static final int[] PIDS = {0, 0x1000, 0x1001, 0x100, 0x101, 0x102, 0x1FFF, 0x555};

    @FuzzTest
    void events(FuzzedDataProvider data) {
        RecordingSink sink = new RecordingSink();
        HlsSegmenter s = new HlsSegmenter(sink,
                new SegmenterOptions(Duration.ofMillis(data.consumeInt(1, 20_000)), 0, 0),
                InstantSource.fixed(Instant.parse("2026-11-21T05:00:00Z")));
        byte[] packet = new byte[TsPacket.SIZE];
        packet[0] = TsPacket.SYNC_BYTE;
        int pmtPid = -1;
        long pts = data.consumeLong(0, (1L << 33) - 1);
        while (data.remainingBytes() > 0) {
            switch (data.consumeInt(0, 7)) {
                case 0 -> {
                    List<ElementaryStream> streams = new ArrayList<>();
                    for (ElementaryStream e : STREAMS) {
                        if (data.consumeBoolean()) {
                            streams.add(e);
                        }
                    }
                    pmtPid = data.consumeBoolean() ? 0x1000 : 0x1001;
                    s.onProgramMap(new ProgramMapTable(1, pmtPid, 0x100, data.consumeInt(0, 31), streams));
                }
                case 1 -> s.onStreamFormat(STREAMS[data.consumeInt(0, 2)],
                        StreamFormat.video(Codec.H264, "avc1.64001f", data.consumeInt(1, 3) * 320, 180, 25));
                case 2, 3 -> {
                    // mostly small steps, sometimes anything
                    pts = data.consumeBoolean() ? (pts + data.consumeInt(0, 8000)) & ((1L << 33) - 1)
                            : data.consumeLong(-1, (1L << 33) - 1);
                    long dts = data.consumeBoolean() ? pts : data.consumeLong(-1, (1L << 33) - 1);
                    s.onUnitStart(STREAMS[data.consumeInt(0, 2)], pts, dts, data.consumeBoolean());
                }
                case 4, 5 -> {
                    int pid = PIDS[data.consumeInt(0, PIDS.length - 1)];
                    packet[1] = (byte) (pid >> 8);
                    packet[2] = (byte) pid;
                    s.onPacket(packet, 0, pid);
                }
                case 6 -> s.discontinuity();
                default -> s.flush();
            }
        }
        s.flush();

        assertThat(sink.open()).isFalse();
        long expectedDiscontinuitySequence = 0;
        for (int i = 0; i < sink.segments.size(); i++) {
            MediaSegment seg = sink.segments.get(i);
            assertThat(seg.sequence()).isEqualTo(i);
            assertThat(seg.discontinuity()).isEqualTo(sink.beganAsDiscontinuity.get(i));
            if (seg.discontinuity()) {
                expectedDiscontinuitySequence++;
            }
            assertThat(seg.discontinuitySequence()).isEqualTo(expectedDiscontinuitySequence);
            assertThat(seg.duration90k()).isNotNegative();
            assertThat(seg.startPts()).isBetween(0L, (1L << 33) - 1);
            assertThat(seg.programDateTime()).isNotNull();
            byte[] bytes = sink.bytes.get(i);
            assertThat(TsPacket.pid(bytes, 0)).isZero();
            assertThat(TsPacket.pid(bytes, 188)).isIn(0x1000, 0x1001);
            if (i > 0 && !seg.discontinuity()) {
                MediaSegment previous = sink.segments.get(i - 1);
                assertThat(seg.programDateTime()).isEqualTo(
                        previous.programDateTime().plusNanos(previous.duration90k() * 100_000L / 9));
            }
        }
        assertThat(s.droppedPackets()).isNotNegative();
    }
}
