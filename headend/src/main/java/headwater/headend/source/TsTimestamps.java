package headwater.headend.source;

import headwater.media.ts.TsPacket;

/**
 * Reads and rewrites, in place, the clocks of a TS packet: the PCR of the adaptation field (ISO/IEC 13818-1
 * §2.4.3.5) and the PTS/DTS of a PES header starting in the packet (§2.4.3.7). Values are 33-bit 90 kHz ticks (PTS,
 * DTS) or 27 MHz ticks (PCR, base × 300 + extension); writes wrap them modulo their range.
 *
 * <p>Candidate for {@code headwater.media.ts} (next to {@link TsPacket#pcr}) once the media contract may grow.
 */
final class TsTimestamps {
    /** PTS/DTS wrap at 2^33 ticks of 90 kHz (about 26.5 hours). */
    static final long PTS_MODULUS = 1L << 33;
    /** The PCR wraps with its 33-bit base: 2^33 × 300 ticks of 27 MHz. */
    static final long PCR_MODULUS = PTS_MODULUS * 300;

    private TsTimestamps() {}

    /**
     * The absolute offset of the PES header that starts in this packet, or -1 when the packet starts no PES (no
     * payload_unit_start, a PSI section, a stream type without PTS such as padding).
     */
    static int pesHeader(byte[] b, int off) {
        if (!TsPacket.payloadUnitStart(b, off)) {
            return -1;
        }
        int p = TsPacket.payloadOffset(b, off);
        if (p < 0 || p + 9 > off + TsPacket.SIZE || b[p] != 0 || b[p + 1] != 0 || b[p + 2] != 1) {
            return -1;
        }
        int streamId = b[p + 3] & 0xFF;
        boolean noOptionalHeader = streamId == 0xBC || streamId == 0xBE || streamId == 0xBF || streamId == 0xF0
                || streamId == 0xF1 || streamId == 0xF2 || streamId == 0xF8 || streamId == 0xFF;
        if (noOptionalHeader || (b[p + 6] & 0xC0) != 0x80) {
            return -1;
        }
        return p;
    }

    /** Offset of the 5-byte PTS of the PES header at {@code pes}, or -1 when it has none or it overflows the packet. */
    static int ptsOffset(byte[] b, int off, int pes) {
        int flags = (b[pes + 7] & 0xC0) >> 6;
        return flags >= 2 && pes + 14 <= off + TsPacket.SIZE ? pes + 9 : -1;
    }

    /** Offset of the 5-byte DTS of the PES header at {@code pes}, or -1 when it has none. */
    static int dtsOffset(byte[] b, int off, int pes) {
        int flags = (b[pes + 7] & 0xC0) >> 6;
        return flags == 3 && pes + 19 <= off + TsPacket.SIZE ? pes + 14 : -1;
    }

    static long readTimestamp(byte[] b, int at) {
        return ((b[at] & 0x0EL) << 29)
                | ((b[at + 1] & 0xFFL) << 22)
                | ((b[at + 2] & 0xFEL) << 14)
                | ((b[at + 3] & 0xFFL) << 7)
                | ((b[at + 4] & 0xFEL) >>> 1);
    }

    /** Writes a 33-bit timestamp, keeping the 4-bit prefix ('0010', '0011' or '0001') and setting the markers. */
    static void writeTimestamp(byte[] b, int at, long value) {
        long v = Math.floorMod(value, PTS_MODULUS);
        b[at] = (byte) ((b[at] & 0xF0) | ((v >>> 29) & 0x0E) | 0x01);
        b[at + 1] = (byte) (v >>> 22);
        b[at + 2] = (byte) (((v >>> 14) & 0xFE) | 0x01);
        b[at + 3] = (byte) (v >>> 7);
        b[at + 4] = (byte) (((v << 1) & 0xFE) | 0x01);
    }

    /** Rewrites the PCR of a packet that has one ({@link TsPacket#pcr} &gt;= 0). */
    static void writePcr(byte[] b, int off, long pcr) {
        long v = Math.floorMod(pcr, PCR_MODULUS);
        long base = v / 300;
        int extension = (int) (v % 300);
        b[off + 6] = (byte) (base >>> 25);
        b[off + 7] = (byte) (base >>> 17);
        b[off + 8] = (byte) (base >>> 9);
        b[off + 9] = (byte) (base >>> 1);
        b[off + 10] = (byte) (((base & 1) << 7) | 0x7E | ((extension >>> 8) & 0x01));
        b[off + 11] = (byte) extension;
    }

    /** {@code value} moved to the wrap cycle nearest {@code reference}: the signed distance is at most half a cycle. */
    static long unwrap(long value, long reference, long modulus) {
        long delta = Math.floorMod(value - reference, modulus);
        if (delta >= modulus / 2) {
            delta -= modulus;
        }
        return reference + delta;
    }
}
