package headwater.media.ts;

/**
 * One 188-byte MPEG transport stream packet (ISO/IEC 13818-1 §2.4.3.2), read in place.
 *
 * <p>Every accessor takes the buffer and the offset of the sync byte, so the hot path never allocates a packet object.
 * Callers guarantee {@code off + SIZE <= buf.length} and {@code buf[off] == SYNC_BYTE}.
 */
public final class TsPacket {
    public static final int SIZE = 188;
    public static final byte SYNC_BYTE = 0x47;
    public static final int PAT_PID = 0x0000;
    public static final int NULL_PID = 0x1FFF;
    /** PCR and PTS clocks: the PCR base and PTS/DTS tick at 90 kHz; the full PCR at 27 MHz. */
    public static final int PTS_HZ = 90_000;

    private TsPacket() {}

    public static int pid(byte[] b, int off) {
        return ((b[off + 1] & 0x1F) << 8) | (b[off + 2] & 0xFF);
    }

    public static boolean transportError(byte[] b, int off) {
        return (b[off + 1] & 0x80) != 0;
    }

    public static boolean payloadUnitStart(byte[] b, int off) {
        return (b[off + 1] & 0x40) != 0;
    }

    public static boolean scrambled(byte[] b, int off) {
        return (b[off + 3] & 0xC0) != 0;
    }

    public static boolean hasAdaptationField(byte[] b, int off) {
        return (b[off + 3] & 0x20) != 0;
    }

    public static boolean hasPayload(byte[] b, int off) {
        return (b[off + 3] & 0x10) != 0;
    }

    public static int continuityCounter(byte[] b, int off) {
        return b[off + 3] & 0x0F;
    }

    public static void setContinuityCounter(byte[] b, int off, int cc) {
        b[off + 3] = (byte) ((b[off + 3] & 0xF0) | (cc & 0x0F));
    }

    /** Adaptation field length in bytes (excluding its length byte), or 0 when there is none. */
    public static int adaptationFieldLength(byte[] b, int off) {
        return hasAdaptationField(b, off) ? b[off + 4] & 0xFF : 0;
    }

    /**
     * Absolute offset of the first payload byte, or -1 when the packet carries no payload or its adaptation field
     * claims more bytes than the packet has (a corrupt packet).
     */
    public static int payloadOffset(byte[] b, int off) {
        if (!hasPayload(b, off)) {
            return -1;
        }
        int start = off + 4;
        if (hasAdaptationField(b, off)) {
            start += 1 + (b[off + 4] & 0xFF);
        }
        return start < off + SIZE ? start : -1;
    }

    public static boolean discontinuityIndicator(byte[] b, int off) {
        return adaptationFieldLength(b, off) > 0 && (b[off + 5] & 0x80) != 0;
    }

    public static boolean randomAccessIndicator(byte[] b, int off) {
        return adaptationFieldLength(b, off) > 0 && (b[off + 5] & 0x40) != 0;
    }

    /** The program clock reference in 27 MHz units, or -1 when the packet carries none. */
    public static long pcr(byte[] b, int off) {
        if (adaptationFieldLength(b, off) < 7 || (b[off + 5] & 0x10) == 0) {
            return -1;
        }
        long base = ((b[off + 6] & 0xFFL) << 25)
                | ((b[off + 7] & 0xFFL) << 17)
                | ((b[off + 8] & 0xFFL) << 9)
                | ((b[off + 9] & 0xFFL) << 1)
                | ((b[off + 10] & 0x80L) >>> 7);
        long extension = ((b[off + 10] & 0x01L) << 8) | (b[off + 11] & 0xFFL);
        return base * 300 + extension;
    }
}
