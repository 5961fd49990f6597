package headwater.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class RandomAccessProbeTest {
    private static final String H264_SPS = "6742c01fda014016ec0440000003004000000c83c60ca8";

    /** Feeds the bytes in pieces of {@code piece} and returns the decision and the bytes consumed until then. */
    private static int scan(RandomAccessProbe probe, byte[] es, int piece) {
        probe.start();
        for (int off = 0; off < es.length; off += piece) {
            int d = probe.scan(es, off, Math.min(es.length, off + piece));
            if (d != RandomAccessProbe.UNDECIDED) {
                return d;
            }
        }
        return probe.decision();
    }

    private static byte[] annexB(String... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String n : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(Bits.hex(n));
        }
        return out.toByteArray();
    }

    private static String filler(int bytes) {
        return "aa".repeat(bytes);
    }

    @Test
    void h264IdrAfterALongSeiAndTheSpsIsAKeyframe() {
        // AUD, a 700-byte user-data SEI like x264's first frame, SPS, PPS, IDR slice
        byte[] es = annexB("09f0", "0605" + filler(700), H264_SPS, "68ce3880", "658884");
        for (int piece : new int[] {1, 2, 3, 184, es.length}) {
            RandomAccessProbe probe = RandomAccessProbe.h264();
            assertThat(scan(probe, es, piece)).as("piece %d", piece).isEqualTo(RandomAccessProbe.KEYFRAME);
            Object sps = probe.takeChangedParameterSet();
            assertThat(sps).isInstanceOf(H264SequenceParameterSet.class);
            assertThat(((H264SequenceParameterSet) sps).width()).isEqualTo(1280);
            assertThat(probe.takeChangedParameterSet()).isNull();
        }
    }

    @Test
    void theSameSpsIsParsedOnlyOnce() {
        RandomAccessProbe probe = RandomAccessProbe.h264();
        byte[] es = annexB(H264_SPS, "68ce3880", "658884");
        scan(probe, es, es.length);
        assertThat(probe.takeChangedParameterSet()).isNotNull();
        scan(probe, es, 5);
        assertThat(probe.takeChangedParameterSet()).isNull();
    }

    @Test
    void h264NonIdrSlicesAreNotKeyframesUnlessARecoveryPointAnnouncesAnISlice() {
        assertThat(scan(RandomAccessProbe.h264(), annexB("09f0", "419a"), 1)).isEqualTo(RandomAccessProbe.NOT_KEYFRAME);
        // first_mb_in_slice = 0 ('1'), slice_type = 7 (I, '0001000') -> bits 1000 1000 = 0x88
        byte[] iSlice = annexB("0606" + "01c480", "418880aabb");
        assertThat(scan(RandomAccessProbe.h264(), iSlice, 1)).isEqualTo(RandomAccessProbe.KEYFRAME);
        // slice_type = 5 (P, '00110') after a recovery point: still not a keyframe -> bits 1001 10.. = 0x98
        byte[] pSlice = annexB("0606" + "01c480", "419880aabb");
        assertThat(scan(RandomAccessProbe.h264(), pSlice, 3)).isEqualTo(RandomAccessProbe.NOT_KEYFRAME);
    }

    @Test
    void h265IrapPicturesAreKeyframes() {
        // VPS (32), SPS (33, parsed), PPS (34), then IDR_W_RADL (19) or TRAIL_R (1)
        String sps = "420101016000000300900000030000030078a003c08010e596566924caf0168080000003008000000c84";
        RandomAccessProbe probe = RandomAccessProbe.h265();
        assertThat(scan(probe, annexB("40010c01", sps, "4401c172", "2601af"), 2)).isEqualTo(RandomAccessProbe.KEYFRAME);
        assertThat(((H265SequenceParameterSet) probe.takeChangedParameterSet()).codecs()).isEqualTo("hvc1.1.6.L120.90");
        assertThat(scan(probe, annexB("0201d0"), 1)).isEqualTo(RandomAccessProbe.NOT_KEYFRAME);
        assertThat(scan(probe, annexB("2a01ad"), 1)).isEqualTo(RandomAccessProbe.KEYFRAME); // CRA (21)
    }

    @Test
    void mpeg2NeedsASequenceHeaderAndAnIPicture() {
        // sequence header 720x576 25 fps, GOP header, picture with picture_coding_type 1 (I): byte 2 = 00 001 000
        byte[] key = Bits.hex("000001b32d024033ffffe0a0" + "000001b800080000" + "0000010000080000" + "00000101aabb");
        RandomAccessProbe probe = RandomAccessProbe.mpeg2();
        assertThat(scan(probe, key, 1)).isEqualTo(RandomAccessProbe.KEYFRAME);
        assertThat(probe.takeChangedParameterSet()).isEqualTo(new Mpeg2SequenceHeader(720, 576, 25.0));
        // an I picture without a sequence header in front, and a P picture (type 2: 00 010 000)
        assertThat(scan(probe, Bits.hex("0000010000080000"), 1)).isEqualTo(RandomAccessProbe.NOT_KEYFRAME);
        assertThat(scan(probe, Bits.hex("000001b32d024033ffffe0a00000010000100000"), 4)).isEqualTo(RandomAccessProbe.NOT_KEYFRAME);
    }

    @Test
    void staysUndecidedWithoutPictureData() {
        RandomAccessProbe probe = RandomAccessProbe.h264();
        assertThat(scan(probe, annexB("09f0", "0605" + filler(100)), 7)).isEqualTo(RandomAccessProbe.UNDECIDED);
    }
}
