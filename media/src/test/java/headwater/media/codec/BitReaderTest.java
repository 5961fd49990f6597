package headwater.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitReaderTest {

    @Test
    void readsFieldsAndExpGolombCodes() {
        byte[] nal = new Bits().u(3, 5).ue(0).ue(1).ue(2).ue(254).se(-3).se(4).u(32, 0xDEADBEEFL).nal();
        BitReader r = new BitReader(nal, 0, nal.length);
        assertThat(r.u(3)).isEqualTo(5);
        assertThat(r.ue()).isZero();
        assertThat(r.ue()).isEqualTo(1);
        assertThat(r.ue()).isEqualTo(2);
        assertThat(r.ue()).isEqualTo(254);
        assertThat(r.se()).isEqualTo(-3);
        assertThat(r.se()).isEqualTo(4);
        assertThat(r.bits(32)).isEqualTo(0xDEADBEEFL);
        assertThat(r.overrun()).isFalse();
    }

    @Test
    void removesEmulationPreventionBytes() {
        byte[] nal = Bits.hex("000003010000030000030203");
        BitReader r = new BitReader(nal, 0, nal.length);
        assertThat(r.length()).isEqualTo(9);
        assertThat(r.bits(32)).isEqualTo(0x00000100L);
        assertThat(r.bits(32)).isEqualTo(0x00000002L);
        assertThat(r.u(8)).isEqualTo(3); // a 03 not after two zeros is data
    }

    @Test
    void readingPastTheEndSetsOverrunInsteadOfThrowing() {
        byte[] nal = {0x00, 0x00};
        BitReader r = new BitReader(nal, 0, nal.length);
        assertThat(r.ue()).isZero();
        assertThat(r.overrun()).isTrue();
        assertThat(r.bits(40)).isZero();
    }
}
