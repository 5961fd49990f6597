package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes, fed in any chunking, must neither throw nor make the counters absurd, and the events must not depend on
 * the chunking. Without JAZZER_FUZZ=1 this runs the seed corpus in TsDemuxerFuzzTestInputs/demuxAnything (slices of
 * the fixtures) as a regression test; {@code JAZZER_FUZZ=1 ./mvnw -pl media test -Dtest=TsDemuxerFuzzTest} fuzzes.
 */
class TsDemuxerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void demuxAnything(byte[] input) {
        int chunk = input.length == 0 ? 1 : 1 + (input[0] & 0xFF) * 3;
        DemuxOptions options = input.length > 1 && (input[1] & 1) != 0
                ? new DemuxOptions(input[1] & 0x0E, true, true, true)
                : DemuxOptions.DEFAULTS;

        RecordingListener whole = new RecordingListener();
        TsDemuxer a = new TsDemuxer(whole, options);
        a.feed(input, 0, input.length);
        a.flush();

        RecordingListener pieces = new RecordingListener();
        TsDemuxer b = new TsDemuxer(pieces, options);
        for (int off = 0; off < input.length; off += chunk) {
            b.feed(input, off, Math.min(chunk, input.length - off));
        }
        b.flush();

        assertThat(pieces.events).isEqualTo(whole.events);
        DemuxStats s = a.stats();
        assertThat(s.toString()).isEqualTo(b.stats().toString());
        assertThat(s.packets()).isBetween(0L, input.length / 188L);
        assertThat(s.bytesSkipped()).isBetween(0L, (long) input.length);
        assertThat(s.packets() * 188 + s.bytesSkipped()).isLessThanOrEqualTo(input.length);
        assertThat(s.syncLosses()).isLessThanOrEqualTo(s.packets());
        assertThat(s.continuityErrors() + s.transportErrors()).isLessThanOrEqualTo(s.packets());
        assertThat(s.pesErrors() + s.psiErrors()).isLessThanOrEqualTo(s.packets() + 1);
        int forwarded = whole.packetsByPid.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(forwarded).isLessThanOrEqualTo((int) s.packets());
        assertThat(whole.orderViolations).isZero();
    }
}
