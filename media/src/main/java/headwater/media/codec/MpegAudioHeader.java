package headwater.media.codec;

/**
 * An MPEG-1/2/2.5 audio frame header (ISO/IEC 11172-3 §2.4.2.3, 13818-3), layers I to III.
 *
 * @param version 1 for MPEG-1, 2 for MPEG-2, 25 for MPEG-2.5
 */
public record MpegAudioHeader(int version, int layer, int sampleRate, int channels) {
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    /** HLS names MPEG audio {@code mp4a.40.34} whatever the layer; players map it to their MPEG audio decoder. */
    public String codecs() {
        return "mp4a.40.34";
    }

    public static boolean isSync(byte[] b, int off, int end) {
        return off + 1 < end && (b[off] & 0xFF) == 0xFF && (b[off + 1] & 0xE0) == 0xE0
                && (b[off + 1] & 0x18) != 0x08 && (b[off + 1] & 0x06) != 0;
    }

    public static MpegAudioHeader parse(byte[] b, int off, int end) {
        if (off < 0 || end - off < 4 || !isSync(b, off, end)) {
            return null;
        }
        int versionBits = (b[off + 1] >> 3) & 0x03; // 0: 2.5, 2: 2, 3: 1
        int layer = 4 - ((b[off + 1] >> 1) & 0x03);
        int bitrateIndex = (b[off + 2] >> 4) & 0x0F;
        int rateIndex = (b[off + 2] >> 2) & 0x03;
        if (bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int rate = MPEG1_RATES[rateIndex];
        int version = 1;
        if (versionBits == 2) {
            rate /= 2;
            version = 2;
        } else if (versionBits == 0) {
            rate /= 4;
            version = 25;
        }
        int mode = (b[off + 3] >> 6) & 0x03;
        return new MpegAudioHeader(version, layer, rate, mode == 3 ? 1 : 2);
    }
}
