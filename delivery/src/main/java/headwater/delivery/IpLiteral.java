package headwater.delivery;

import java.util.Arrays;

/**
 * Strict parser of textual IP addresses (RFC 4291 §2.2 for IPv6, dotted quad for IPv4), used for configured proxy
 * networks and {@code X-Forwarded-For} entries. Unlike {@link java.net.InetAddress#getByName} it never resolves a
 * name: anything that is not a literal is refused.
 *
 * <p>IPv4: four decimal octets 0..255 without leading zeros (which some parsers read as octal). IPv6: one to eight
 * groups of one to four hex digits, at most one {@code ::}, optionally ending in a dotted quad; no zone id.
 */
final class IpLiteral {

    private static final int V4 = 4;
    private static final int V6 = 16;

    private IpLiteral() {
    }

    /** @return the address's 4 or 16 bytes, or null when {@code text} is not exactly an IP literal */
    static byte[] parse(CharSequence text) {
        return text == null ? null : parse(text, 0, text.length());
    }

    /** @return the address's 4 or 16 bytes, or null when {@code text[from, to)} is not exactly an IP literal */
    static byte[] parse(CharSequence text, int from, int to) {
        if (to - from < 2 || to - from > 45) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return parseV6(text, from, to);
            }
        }
        byte[] out = new byte[V4];
        return parseV4(text, from, to, out, 0) ? out : null;
    }

    private static boolean parseV4(CharSequence s, int from, int to, byte[] out, int at) {
        int octet = 0;
        int i = from;
        while (octet < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return false;
            }
            out[at + octet] = (byte) value;
            octet++;
            if (octet < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to;
    }

    private static byte[] parseV6(CharSequence s, int from, int to) {
        byte[] out = new byte[V6];
        int groups = 0;
        int compressAt = -1;
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return null;
            }
            compressAt = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 5 && hex(s.charAt(i)) >= 0) {
                value = (value << 4) | hex(s.charAt(i));
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                // An embedded IPv4 address ends the text and fills the last two groups.
                if (groups > 6 || !parseV4(s, start, to, out, groups * 2)) {
                    return null;
                }
                groups += 2;
                i = to;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || groups == 8) {
                return null;
            }
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (compressAt >= 0) {
                    return null;
                }
                compressAt = groups;
                i++;
            } else if (i == to) {
                return null; // a single trailing colon
            }
        }
        if (compressAt < 0) {
            return groups == 8 ? out : null;
        }
        if (groups > 7) {
            return null; // "::" stands for at least one group of zeros
        }
        int tail = (groups - compressAt) * 2;
        System.arraycopy(out, compressAt * 2, out, V6 - tail, tail);
        Arrays.fill(out, compressAt * 2, V6 - tail, (byte) 0);
        return out;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), else {@code address}. */
    static byte[] unmapped(byte[] address) {
        if (address.length != V6) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }
}
