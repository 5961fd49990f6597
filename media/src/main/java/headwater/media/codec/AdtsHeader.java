package headwater.media.codec;

/**
 * An AAC ADTS frame header (ISO/IEC 13818-7 §6.2 / 14496-3 §1.A.2).
 *
 * @param audioObjectType profile + 1 (2 = AAC-LC)
 * @param channelConfiguration 0 when the channels are described in-band (program config element)
 */
public record AdtsHeader(int audioObjectType, int samplingFrequencyIndex, int channelConfiguration, int frameLength) {
    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };

    /** Header length in bytes without CRC. */
    public static final int SIZE = 7;

    public String codecs() {
        return "mp4a.40." + audioObjectType;
    }

    public int sampleRate() {
        return SAMPLE_RATES[samplingFrequencyIndex];
    }

    /** Channel count from the configuration (7 means 7.1, i.e. 8 channels). */
    public int channels() {
        return channelConfiguration == 7 ? 8 : channelConfiguration;
    }

    /** Whether {@code b[off..]} starts with the ADTS syncword and layer 0. */
    public static boolean isSync(byte[] b, int off, int end) {
        return off + 1 < end && (b[off] & 0xFF) == 0xFF && (b[off + 1] & 0xF6) == 0xF0;
    }

    /** Parses seven bytes at {@code off}; null when they are not a valid header or not all there. */
    public static AdtsHeader parse(byte[] b, int off, int end) {
        if (off < 0 || end - off < SIZE || !isSync(b, off, end)) {
            return null;
        }
        int profile = (b[off + 2] >> 6) & 0x03;
        int sfi = (b[off + 2] >> 2) & 0x0F;
        int channels = ((b[off + 2] & 0x01) << 2) | ((b[off + 3] >> 6) & 0x03);
        int frameLength = ((b[off + 3] & 0x03) << 11) | ((b[off + 4] & 0xFF) << 3) | ((b[off + 5] >> 5) & 0x07);
        if (sfi >= SAMPLE_RATES.length || frameLength < SIZE) {
            return null;
        }
        return new AdtsHeader(profile + 1, sfi, channels, frameLength);
    }
}
