package headwater.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class H264SequenceParameterSetTest {

    /** SPS NAL units written by x264 (ffmpeg 5.1, libx264), checked against ffprobe. */
    @ParameterizedTest
    @CsvSource({
        // constrained baseline 1920x1080 (1088 cropped by 8), 30000/1001 fps
        "6742c028da01e0089f97011000003e90000ea600f1832a, avc1.42c028, 1920, 1080, 29.97, true",
        // main, interlaced (frame_mbs_only = 0) 1920x1080, 25 fps
        "674d4028f403c0227ef011000003000100000300321f162ea0, avc1.4d4028, 1920, 1080, 25.0, false",
        // high 4:2:2 (profile 122, chroma_format_idc 2) 1280x720, 50 fps
        "677a0020bcb402802dd808800000030080000032078c1950, avc1.7a0020, 1280, 720, 50.0, true",
        // constrained baseline 1280x720, 25 fps
        "6742c01fda014016ec0440000003004000000c83c60ca8, avc1.42c01f, 1280, 720, 25.0, true",
        // high 1920x1080, 25 fps
        "67640028acd940780227e5c044000003000400000300c83c60c658, avc1.640028, 1920, 1080, 25.0, true",
    })
    void parsesX264ParameterSets(String hex, String codecs, int width, int height, double fps, boolean frameMbsOnly) {
        byte[] nal = Bits.hex(hex);
        H264SequenceParameterSet sps = H264SequenceParameterSet.parse(nal, 0, nal.length);
        assertThat(sps).isNotNull();
        assertThat(sps.codecs()).isEqualTo(codecs);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
        assertThat(sps.frameRate()).isCloseTo(fps, org.assertj.core.data.Offset.offset(0.01));
        assertThat(sps.frameMbsOnly()).isEqualTo(frameMbsOnly);
    }

    @Test
    void skipsScalingListsOfHighProfiles() {
        Bits b = new Bits().u(8, 0x67).u(8, 100).u(8, 0).u(8, 40).ue(0)
                .ue(1).ue(0).ue(0).u(1, 0) // chroma 4:2:0, 8-bit, no bypass
                .u(1, 1); // seq_scaling_matrix_present_flag
        for (int i = 0; i < 8; i++) {
            b.u(1, 1); // every list present, with deltas that end the list early on odd lists
            int size = i < 6 ? 16 : 64;
            if (i % 2 == 1) {
                b.se(-8); // nextScale = 0: use the default list, one code only
            } else {
                for (int j = 0; j < size; j++) {
                    b.se(j % 3 == 0 ? 5 : -2);
                }
            }
        }
        b.ue(0).ue(2) // log2_max_frame_num_minus4, pic_order_cnt_type 2
                .ue(4).u(1, 0) // max_num_ref_frames, gaps
                .ue(119).ue(67) // 1920 x 1088
                .u(1, 1).u(1, 1) // frame_mbs_only, direct_8x8
                .u(1, 1).ue(0).ue(0).ue(0).ue(4) // crop bottom 4 * 2 = 8
                .u(1, 0); // no VUI
        byte[] nal = b.nal();
        H264SequenceParameterSet sps = H264SequenceParameterSet.parse(nal, 0, nal.length);
        assertThat(sps).isNotNull();
        assertThat(sps.codecs()).isEqualTo("avc1.640028");
        assertThat(sps.width()).isEqualTo(1920);
        assertThat(sps.height()).isEqualTo(1080);
        assertThat(sps.frameRate()).isZero();
    }

    @Test
    void rejectsTruncatedAndForeignUnits() {
        byte[] nal = Bits.hex("6742c028da01e0089f97011000003e90000ea600f1832a");
        assertThat(H264SequenceParameterSet.parse(nal, 0, 6)).isNull();
        nal[0] = 0x68; // a PPS header
        assertThat(H264SequenceParameterSet.parse(nal, 0, nal.length)).isNull();
    }
}
