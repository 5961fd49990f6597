package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.media.hls.MediaSegment;
import headwater.media.hls.SegmentSink;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import headwater.media.hls.HlsSegmenter;
import headwater.media.hls.SegmenterOptions;
import headwater.media.ts.DemuxOptions;
import headwater.media.ts.TsDemuxer;
import headwater.testkit.Fixtures;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PacketRunsTest {

    /** Records every call the window would get: "begin 7", "write 376", "end". */
    private static final class Recording implements SegmentSink {
        final List<String> calls = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void beginSegment(long sequence, boolean discontinuity) {
            calls.add("begin " + sequence);
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            calls.add("write " + len);
            bytes.write(buf, off, len);
        }

        @Override
        public void endSegment(MediaSegment segment) {
            calls.add(segment == null ? "end" : "end " + segment);
        }
    }

    private final byte[] readBuffer = new byte[188 * 8];
    private final Recording window = new Recording();
    private final PacketRuns runs = new PacketRuns(window, readBuffer);

    PacketRunsTest() {
        for (int i = 0; i < readBuffer.length; i++) {
            readBuffer[i] = (byte) (i / 188);
        }
    }

    @Test
    void packetsBackToBackInTheReadBufferBecomeOneWrite() {
        runs.beginSegment(7, false);
        runs.write(readBuffer, 0, 188);
        runs.write(readBuffer, 188, 188);
        runs.write(readBuffer, 376, 188);
        assertThat(window.calls).containsExactly("begin 7");
        runs.flush();
        assertThat(window.calls).containsExactly("begin 7", "write 564");
        assertThat(window.bytes.toByteArray()).isEqualTo(Arrays.copyOfRange(readBuffer, 0, 564));
    }

    @Test
    void aGapStartsANewRun() {
        runs.write(readBuffer, 0, 188);
        runs.write(readBuffer, 376, 188); // the packet at 188 was a PAT, not written
        runs.write(readBuffer, 564, 188);
        runs.flush();
        assertThat(window.calls).containsExactly("write 188", "write 376");
    }

    @Test
    void anotherArrayGoesThroughAtOnceAfterTheRunSoFar() {
        byte[] held = new byte[188];
        Arrays.fill(held, (byte) 99);
        runs.write(readBuffer, 0, 188);
        runs.write(held, 0, 188);
        Arrays.fill(held, (byte) 0); // the demuxer reuses its array: what went through must not change
        runs.write(readBuffer, 188, 188);
        runs.flush();
        assertThat(window.calls).containsExactly("write 188", "write 188", "write 188");
        byte[] out = window.bytes.toByteArray();
        assertThat(out[0]).isEqualTo((byte) 0);
        assertThat(out[188]).isEqualTo((byte) 99);
        assertThat(out[376]).isEqualTo((byte) 1);
    }

    @Test
    void beginAndEndOfASegmentFlushFirstSoTheOrderIsKept() {
        runs.write(readBuffer, 0, 376);
        runs.endSegment(null);
        runs.beginSegment(8, true);
        runs.write(readBuffer, 376, 188);
        runs.flush();
        runs.flush(); // nothing held: nothing written
        assertThat(window.calls).containsExactly("write 376", "end", "begin 8", "write 188");
    }

    /** The calls and bytes the segmenter makes from {@code input}, read in random chunks, with or without runs. */
    private static Recording packaged(byte[] input, boolean joined, long seed) {
        Recording window = new Recording();
        byte[] buffer = new byte[64 * 1024];
        PacketRuns runs = new PacketRuns(window, buffer);
        HlsSegmenter segmenter = new HlsSegmenter(joined ? runs : window,
                SegmenterOptions.of(Duration.ofSeconds(1)), InstantSource.fixed(java.time.Instant.EPOCH));
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        Random random = new Random(seed);
        for (int at = 0; at < input.length; ) {
            int n = Math.min(input.length - at, 1 + random.nextInt(buffer.length));
            System.arraycopy(input, at, buffer, 0, n);
            Arrays.fill(buffer, n, buffer.length, (byte) 0x47); // what a read leaves behind must never be written
            demuxer.feed(buffer, 0, n);
            runs.flush();
            Arrays.fill(buffer, (byte) 0xEE); // the next read overwrites everything: held bytes must be gone by now
            at += n;
        }
        segmenter.flush();
        return window;
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.H264_AAC_180P, Fixtures.HEVC_AC3_360P, Fixtures.PMT_CHANGE, Fixtures.PID_CHANGE,
            Fixtures.GARBAGE_TRUNCATED, Fixtures.PTS_WRAP, Fixtures.MULTI_PROGRAM, Fixtures.AUDIO_ONLY_AAC})
    void theWindowGetsTheSameSegmentsAndBytesAsWithoutRuns(String fixture) {
        byte[] input = Fixtures.bytes(fixture);
        for (long seed = 1; seed <= 20; seed++) {
            Recording direct = packaged(input, false, seed);
            Recording joined = packaged(input, true, seed);
            assertThat(joined.bytes.toByteArray()).as("%s, seed %d", fixture, seed)
                    .isEqualTo(direct.bytes.toByteArray());
            assertThat(joined.calls.stream().filter(c -> !c.startsWith("write")).toList())
                    .isEqualTo(direct.calls.stream().filter(c -> !c.startsWith("write")).toList());
        }
    }
}
