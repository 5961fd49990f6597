package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyframe decision may need packets beyond the PES start: they are held back, in order, and then released. */
class TsDemuxerHoldBackTest {
    private static final String SPS = "6742c01fda014016ec0440000003004000000c83c60ca8";
    private static final String AAC = "fff14c802e7ffc" + "00".repeat(20);

    private static String sei(int bytes) {
        return "0605" + "aa".repeat(bytes);
    }

    private static TsBuilder program() {
        return new TsBuilder().pat(1, 0x1000).pmt(0x1000, 1, 0, 0x1B, 0x100, 0x0F, 0x101);
    }

    private static RecordingListener demux(byte[] ts) {
        RecordingListener r = new RecordingListener();
        TsDemuxer d = new TsDemuxer(r, DemuxOptions.DEFAULTS);
        d.feed(ts, 0, ts.length);
        d.flush();
        r.stats = d.stats();
        return r;
    }

    @Test
    void idrAfterASeiSpanningPacketsIsAKeyframeAndAudioKeepsItsPlace() {
        TsBuilder ts = program()
                .pes(0x100, 9000, 6000, false, TsBuilder.annexB("09f0", sei(1500), SPS, "68ce3880", "65888400"))
                .pes(0x101, 8000, -1, false, java.util.HexFormat.of().parseHex(AAC))
                .pes(0x100, 12600, 9600, false, TsBuilder.annexB("09f0", "419a0000"));
        RecordingListener r = demux(ts.bytes());
        // No random_access_indicator anywhere: the IDR, 9 packets in, decided.
        assertThat(r.units(0x100)).extracting(u -> u[2]).containsExactly(1L, 0L);
        assertThat(r.units(0x100).getFirst()).containsExactly(9000, 6000, 1);
        assertThat(r.formats.get(0x100).width()).isEqualTo(1280);
        List<String> kinds = r.events.stream().map(e -> e.split(" ")[0] + (e.startsWith("pmt") ? "" : " " + e.split(" ")[1])).toList();
        int format = kinds.indexOf("format 256");
        int unit = kinds.indexOf("unit 256");
        assertThat(format).isLessThan(unit);
        assertThat(kinds.get(unit + 1)).isEqualTo("packet 256");
        int audioUnit = kinds.indexOf("unit 257");
        assertThat(audioUnit).isGreaterThan(unit);
        assertThat(kinds.get(audioUnit + 1)).isEqualTo("packet 257");
        assertThat(r.orderViolations).isZero();
        assertThat(r.packets(0x100) + r.packets(0x101) + r.packets(0x1000)).isEqualTo(ts.packets() - 1);
    }

    @Test
    void withoutAPictureInSightTheBoundReleasesOnTheRandomAccessHint() {
        int seiBytes = 184 * (TsDemuxer.HOLD_MAX + 10);
        byte[] hinted = program().pes(0x100, 9000, -1, true, TsBuilder.annexB(sei(seiBytes), "65888400")).bytes();
        RecordingListener r = demux(hinted);
        assertThat(r.units(0x100)).singleElement().satisfies(u -> assertThat(u[2]).isEqualTo(1));
        byte[] plain = program().pes(0x100, 9000, -1, false, TsBuilder.annexB(sei(seiBytes), "65888400")).bytes();
        RecordingListener p = demux(plain);
        assertThat(p.units(0x100)).singleElement().satisfies(u -> assertThat(u[2]).isZero());
        assertThat(p.packets(0x100)).isEqualTo(r.packets(0x100)).isGreaterThan(TsDemuxer.HOLD_MAX + 10);
    }

    @Test
    void psiPacketsAlsoCountTowardsTheBound() {
        TsBuilder ts = program().pes(0x100, 9000, -1, false, TsBuilder.annexB("09f0", sei(100)));
        for (int i = 0; i < 2 * TsDemuxer.HOLD_MAX; i++) {
            ts.pat(1, 0x1000);
        }
        ts.pes(0x100, 12600, -1, false, TsBuilder.annexB("65888400"));
        RecordingListener r = demux(ts.bytes());
        assertThat(r.units(0x100)).extracting(u -> u[2]).containsExactly(0L, 1L);
        assertThat(r.packets(0)).isEqualTo(2 * TsDemuxer.HOLD_MAX);
        assertThat(r.orderViolations).isZero();
    }

    @Test
    void theNextPesStartEndsAnUndecidedHold() {
        byte[] ts = program()
                .pes(0x100, 9000, -1, false, TsBuilder.annexB("09f0", sei(300)))
                .pes(0x100, 12600, -1, false, TsBuilder.annexB("09f0", "65888400"))
                .bytes();
        RecordingListener r = demux(ts);
        assertThat(r.units(0x100)).extracting(u -> u[0], u -> u[2])
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9000L, 0L), org.assertj.core.groups.Tuple.tuple(12600L, 1L));
        assertThat(r.orderViolations).isZero();
    }

    @Test
    void aPmtChangeDuringAHoldReleasesFirst() {
        byte[] ts = program()
                .pes(0x100, 9000, -1, false, TsBuilder.annexB("09f0", sei(400)))
                .pmt(0x1000, 1, 1, 0x1B, 0x100)
                .pes(0x100, 12600, -1, false, TsBuilder.annexB("09f0", "65888400"))
                .bytes();
        RecordingListener r = demux(ts);
        assertThat(r.programMaps).extracting(ProgramMapTable::version).containsExactly(0, 1);
        int secondMap = r.events.indexOf("pmt " + r.programMaps.get(1));
        int lastHeld = r.events.lastIndexOf(r.events.stream().filter(e -> e.startsWith("packet 256")).toList().get(2));
        assertThat(secondMap).isGreaterThan(lastHeld);
        assertThat(r.keyframes(0x100)).isEqualTo(1);
    }

    @Test
    void ptsAndDtsAreReadFromTheHeader() {
        long big = (1L << 33) - 1;
        RecordingListener r = demux(program()
                .pes(0x100, big, big - 3600, false, TsBuilder.annexB("65888400"))
                .pes(0x101, 0, -1, false, java.util.HexFormat.of().parseHex(AAC)).bytes());
        assertThat(r.units(0x100).getFirst()).containsExactly(big, big - 3600, 1);
        assertThat(r.units(0x101).getFirst()).containsExactly(0, 0, 1);
        assertThat(r.stats.pesErrors()).isZero();
    }
}
