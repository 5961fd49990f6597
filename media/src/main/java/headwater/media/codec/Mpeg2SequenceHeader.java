package headwater.media.codec;

/** An MPEG-2 video sequence header (ISO/IEC 13818-2 §6.2.2.1): picture size and frame rate. */
public record Mpeg2SequenceHeader(int width, int height, double frameRate) {
    private static final double[] FRAME_RATES = {0, 24000 / 1001.0, 24, 25, 30000 / 1001.0, 30, 50, 60000 / 1001.0, 60};

    /** RFC 6381 names MPEG-2 video by its MP4 object type; 0x61 is MPEG-2 Main profile. */
    public String codecs() {
        return "mp4v.61";
    }

    /**
     * Parses the bytes after the start code {@code 00 00 01 B3}, i.e. {@code b[off]} is the first byte of
     * horizontal_size_value; null when cut short or invalid.
     */
    public static Mpeg2SequenceHeader parse(byte[] b, int off, int end) {
        if (off < 0 || end - off < 4) {
            return null;
        }
        int width = ((b[off] & 0xFF) << 4) | ((b[off + 1] >> 4) & 0x0F);
        int height = ((b[off + 1] & 0x0F) << 8) | (b[off + 2] & 0xFF);
        int rateCode = b[off + 3] & 0x0F;
        if (width == 0 || height == 0) {
            return null;
        }
        return new Mpeg2SequenceHeader(width, height, rateCode < FRAME_RATES.length ? FRAME_RATES[rateCode] : 0);
    }
}
