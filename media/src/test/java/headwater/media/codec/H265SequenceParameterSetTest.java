package headwater.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H265SequenceParameterSetTest {

    /** SPS NAL units written by x265 (ffmpeg 5.1), checked against ffprobe. */
    @ParameterizedTest
    @CsvSource({
        // Main, level 4 (120), 1920x1080 from 1920x1088 with a conformance window
        "420101016000000300900000030000030078a003c08010e596566924caf0168080000003008000000c84, hvc1.1.6.L120.90, 1920, 1080, 1",
        // Main 10, level 3.1 (93), 1280x720
        "42010102200000030090000003000003005da00280802d1365959a4932bc05a02000000300200000030321, hvc1.2.4.L93.90, 1280, 720, 2",
    })
    void parsesX265ParameterSets(String hex, String codecs, int width, int height, int profile) {
        byte[] nal = Bits.hex(hex);
        H265SequenceParameterSet sps = H265SequenceParameterSet.parse(nal, 0, nal.length);
        assertThat(sps).isNotNull();
        assertThat(sps.codecs()).isEqualTo(codecs);
        assertThat(sps.profileIdc()).isEqualTo(profile);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
    }

    @Test
    void codecsStringFollowsAnnexE() {
        // The example of ISO/IEC 14496-15 Annex E and Apple's HLS authoring spec: Main, compatible with Main and
        // Main 10, level 3.1, progressive + non-packed + frame-only constraint byte 0xB0.
        H265SequenceParameterSet sps = new H265SequenceParameterSet(0, false, 1, 0x60000000L, 0xB00000000000L, 93, 1, 1280, 720);
        assertThat(sps.codecs()).isEqualTo("hvc1.1.6.L93.B0");
        H265SequenceParameterSet high = new H265SequenceParameterSet(1, true, 2, 0x20000000L, 0, 153, 1, 3840, 2160);
        assertThat(high.codecs()).isEqualTo("hvc1.A2.4.H153");
    }
}
