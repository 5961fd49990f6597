package headwater.media.codec;

/**
 * Reads the RBSP of a NAL unit bit by bit (H.264 §7.2, H.265 §7.2): fixed-width fields and Exp-Golomb codes, with the
 * emulation prevention bytes ({@code 00 00 03}) removed on construction.
 *
 * <p>Reading past the end does not throw: it yields zero bits and sets {@link #overrun()}, so a parser can check once at
 * the end whether the syntax it read was really there.
 */
public final class BitReader {
    private final byte[] rbsp;
    private final int length;
    private long bitPos;
    private boolean overrun;

    /** Copies {@code nal[off .. off+len)} without its emulation prevention bytes. */
    public BitReader(byte[] nal, int off, int len) {
        this.rbsp = new byte[Math.max(len, 0)];
        int n = 0;
        int zeros = 0;
        for (int i = off; i < off + len; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 0x03) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            rbsp[n++] = (byte) b;
        }
        this.length = n;
    }

    /** Unescaped length in bytes. */
    public int length() {
        return length;
    }

    public boolean overrun() {
        return overrun;
    }

    public long bitsLeft() {
        return (long) length * 8 - bitPos;
    }

    public int bit() {
        if (bitPos >= (long) length * 8) {
            overrun = true;
            bitPos++;
            return 0;
        }
        int b = (rbsp[(int) (bitPos >>> 3)] >> (7 - (int) (bitPos & 7))) & 1;
        bitPos++;
        return b;
    }

    public boolean flag() {
        return bit() != 0;
    }

    /** An unsigned field of {@code n} bits, 0 &lt;= n &lt;= 32, as u(n). */
    public long bits(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    public int u(int n) {
        return (int) bits(n);
    }

    public void skip(long n) {
        bitPos += n;
        if (bitPos > (long) length * 8) {
            overrun = true;
        }
    }

    /** ue(v): unsigned Exp-Golomb. Codes longer than 31 leading zeros are corrupt: overrun is set and 0 returned. */
    public int ue() {
        int zeros = 0;
        while (bit() == 0) {
            if (++zeros > 31 || overrun) {
                overrun = true;
                return 0;
            }
        }
        long v = (1L << zeros) - 1 + bits(zeros);
        if (v > Integer.MAX_VALUE) {
            overrun = true;
            return 0;
        }
        return (int) v;
    }

    /** se(v): signed Exp-Golomb. */
    public int se() {
        int k = ue();
        return (k & 1) != 0 ? (k + 1) >>> 1 : -(k >>> 1);
    }
}
