package headwater.media.codec;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Writes bit fields and Exp-Golomb codes, to build parameter sets for table tests. */
final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int cur;
    private int n;

    Bits u(int bits, long value) {
        for (int i = bits - 1; i >= 0; i--) {
            cur = (cur << 1) | (int) ((value >>> i) & 1);
            if (++n == 8) {
                out.write(cur);
                cur = 0;
                n = 0;
            }
        }
        return this;
    }

    Bits ue(int v) {
        long x = v + 1L;
        int len = 64 - Long.numberOfLeadingZeros(x);
        u(len - 1, 0);
        return u(len, x);
    }

    Bits se(int v) {
        return ue(v <= 0 ? -2 * v : 2 * v - 1);
    }

    /** rbsp_trailing_bits, then the bytes with emulation prevention inserted. */
    byte[] nal() {
        u(1, 1);
        while (n != 0) {
            u(1, 0);
        }
        byte[] raw = out.toByteArray();
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        int zeros = 0;
        for (byte b : raw) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                escaped.write(3);
                zeros = 0;
            }
            escaped.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return escaped.toByteArray();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
