package headwater.media.codec;

/**
 * The start of an AC-3 (ATSC A/52 §5.3) or E-AC-3 (A/52 Annex E) sync frame: enough to name the codec, the sample
 * rate and the channel count.
 *
 * @param enhanced true for E-AC-3 (bsid 11..16), false for AC-3 (bsid up to 10)
 * @param channels full-bandwidth channels from acmod, plus one when the LFE channel is on
 */
public record Ac3SyncFrame(boolean enhanced, int bsid, int sampleRate, int acmod, boolean lfeOn, int channels) {
    private static final int[] ACMOD_CHANNELS = {2, 1, 2, 3, 3, 4, 4, 5};
    private static final int[] RATES = {48000, 44100, 32000};

    public String codecs() {
        return enhanced ? "ec-3" : "ac-3";
    }

    public static boolean isSync(byte[] b, int off, int end) {
        return off + 1 < end && b[off] == 0x0B && b[off + 1] == 0x77;
    }

    /** Parses the frame header at {@code off}; null when it is not one or is cut short. */
    public static Ac3SyncFrame parse(byte[] b, int off, int end) {
        if (off < 0 || end - off < 8 || !isSync(b, off, end)) {
            return null;
        }
        int bsid = (b[off + 5] >> 3) & 0x1F;
        if (bsid <= 10) {
            int fscod = (b[off + 4] >> 6) & 0x03;
            if (fscod == 3) {
                return null;
            }
            int acmod = (b[off + 6] >> 5) & 0x07;
            // After acmod: cmixlev (2 bits) when a centre channel is coded, surmixlev (2) with surrounds,
            // dsurmod (2) in 2/0 mode, then lfeon.
            int bit = 3;
            if ((acmod & 0x01) != 0 && acmod != 1) {
                bit += 2;
            }
            if ((acmod & 0x04) != 0) {
                bit += 2;
            }
            if (acmod == 2) {
                bit += 2;
            }
            int word = ((b[off + 6] & 0xFF) << 8) | (b[off + 7] & 0xFF);
            boolean lfe = ((word >> (15 - bit)) & 1) != 0;
            return new Ac3SyncFrame(false, bsid, RATES[fscod], acmod, lfe, ACMOD_CHANNELS[acmod] + (lfe ? 1 : 0));
        }
        if (bsid > 16) {
            return null;
        }
        // E-AC-3: strmtyp(2) substreamid(3) frmsiz(11) | fscod(2) fscod2/numblkscod(2) acmod(3) lfeon(1) | bsid(5)
        int fscod = (b[off + 4] >> 6) & 0x03;
        int rate;
        if (fscod == 3) {
            int fscod2 = (b[off + 4] >> 4) & 0x03;
            if (fscod2 == 3) {
                return null;
            }
            rate = RATES[fscod2] / 2;
        } else {
            rate = RATES[fscod];
        }
        int acmod = (b[off + 4] >> 1) & 0x07;
        boolean lfe = (b[off + 4] & 0x01) != 0;
        return new Ac3SyncFrame(true, bsid, rate, acmod, lfe, ACMOD_CHANNELS[acmod] + (lfe ? 1 : 0));
    }
}
