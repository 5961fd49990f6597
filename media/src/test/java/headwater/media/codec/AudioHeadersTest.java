package headwater.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AudioHeadersTest {

    @ParameterizedTest
    @CsvSource({
        // AAC-LC 48 kHz stereo (sfi 3, channel config 2), frame length 0x173
        "fff14c802e7ffc, mp4a.40.2, 48000, 2, 371",
        // HE-AAC signalled as LC in ADTS, 44.1 kHz mono
        "fff15040173ffc, mp4a.40.2, 44100, 1, 185",
        // AAC Main 22.05 kHz 5.1 (config 6)
        "fff11d80803ffc, mp4a.40.1, 22050, 6, 1025",
        // with CRC (protection_absent = 0), 7.1 (config 7)
        "fff04dc1c03ffc, mp4a.40.2, 48000, 8, 3585",
    })
    void parsesAdts(String hex, String codecs, int rate, int channels, int frameLength) {
        byte[] b = Bits.hex(hex);
        AdtsHeader h = AdtsHeader.parse(b, 0, b.length);
        assertThat(h).isNotNull();
        assertThat(h.codecs()).isEqualTo(codecs);
        assertThat(h.sampleRate()).isEqualTo(rate);
        assertThat(h.channels()).isEqualTo(channels);
        assertThat(h.frameLength()).isEqualTo(frameLength);
    }

    @Test
    void rejectsBadAdts() {
        assertThat(AdtsHeader.parse(Bits.hex("fff1"), 0, 2)).isNull();
        assertThat(AdtsHeader.parse(Bits.hex("fff17c802e7ffc"), 0, 7)).isNull(); // sampling index 15
        assertThat(AdtsHeader.parse(Bits.hex("0ff14c802e7ffc"), 0, 7)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        // AC-3 48 kHz, bsid 8, acmod 7 (3/2) + LFE: 5.1
        "0b7700000040e100, ac-3, 48000, 6",
        // AC-3 44.1 kHz, acmod 2 (2/0), dsurmod then lfeon = 0
        "0b77000040404000, ac-3, 44100, 2",
        // AC-3 48 kHz mono (acmod 1), lfeon = 1: 1.1
        "0b77000000403000, ac-3, 48000, 2",
        // E-AC-3 48 kHz, acmod 2, no LFE, bsid 16
        "0b77006434800000, ec-3, 48000, 2",
        // E-AC-3 reduced rate (fscod 3, fscod2 0: 24 kHz), acmod 7 + LFE
        "0b770064cf800000, ec-3, 24000, 6",
    })
    void parsesAc3AndEac3(String hex, String codecs, int rate, int channels) {
        byte[] b = Bits.hex(hex);
        Ac3SyncFrame f = Ac3SyncFrame.parse(b, 0, b.length);
        assertThat(f).isNotNull();
        assertThat(f.codecs()).isEqualTo(codecs);
        assertThat(f.sampleRate()).isEqualTo(rate);
        assertThat(f.channels()).isEqualTo(channels);
    }

    @ParameterizedTest
    @CsvSource({
        "fffd9400, 1, 2, 48000, 2",  // MPEG-1 Layer II 48 kHz stereo
        "fffb90c0, 1, 3, 44100, 1",  // MPEG-1 Layer III 44.1 kHz mono
        "fff38400, 2, 3, 24000, 2",  // MPEG-2 Layer III 24 kHz
    })
    void parsesMpegAudio(String hex, int version, int layer, int rate, int channels) {
        byte[] b = Bits.hex(hex);
        MpegAudioHeader h = MpegAudioHeader.parse(b, 0, b.length);
        assertThat(h).isNotNull();
        assertThat(h.version()).isEqualTo(version);
        assertThat(h.layer()).isEqualTo(layer);
        assertThat(h.sampleRate()).isEqualTo(rate);
        assertThat(h.channels()).isEqualTo(channels);
        assertThat(h.codecs()).isEqualTo("mp4a.40.34");
    }

    @Test
    void parsesMpeg2SequenceHeader() {
        // 720 x 576, aspect 3 (16:9), frame_rate_code 3 (25)
        byte[] b = Bits.hex("2d024033");
        Mpeg2SequenceHeader h = Mpeg2SequenceHeader.parse(b, 0, b.length);
        assertThat(h).isEqualTo(new Mpeg2SequenceHeader(720, 576, 25.0));
    }
}
