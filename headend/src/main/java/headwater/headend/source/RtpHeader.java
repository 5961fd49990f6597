package headwater.headend.source;

import headwater.media.ts.TsPacket;

/**
 * Recognises an RTP packet carrying MPEG-TS (RFC 3550 header, version 2, payload type 33 per RFC 2250/3551) and
 * finds its payload, so RTP-wrapped multicast can be read like plain UDP.
 */
final class RtpHeader {
    static final int MIN_SIZE = 12;
    static final int PAYLOAD_TYPE_MP2T = 33;

    private RtpHeader() {}

    /**
     * The offset of the TS payload of an RTP datagram, or -1 when the datagram is not RTP carrying TS (a plain TS
     * datagram starts with the sync byte 0x47, whose top bits are version 1, so the two never mix up).
     */
    static int payloadOffset(byte[] b, int off, int len) {
        if (len < MIN_SIZE || (b[off] & 0xC0) != 0x80 || (b[off + 1] & 0x7F) != PAYLOAD_TYPE_MP2T) {
            return -1;
        }
        int header = MIN_SIZE + 4 * (b[off] & 0x0F);
        if ((b[off] & 0x10) != 0) {
            if (header + 4 > len) {
                return -1;
            }
            int words = ((b[off + header + 2] & 0xFF) << 8) | (b[off + header + 3] & 0xFF);
            header += 4 + 4 * words;
        }
        if (header >= payloadEnd(b, off, len) || b[off + header] != TsPacket.SYNC_BYTE) {
            return -1;
        }
        return off + header;
    }

    /** The end of the payload (exclusive), before the padding when the P bit is set. */
    static int payloadEnd(byte[] b, int off, int len) {
        int padding = (b[off] & 0x20) != 0 ? b[off + len - 1] & 0xFF : 0;
        return len - padding;
    }
}
