package headwater.delivery;

import java.util.Arrays;

/**
 * One network of trusted proxies: an address and a prefix length, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32};
 * a bare address is a network of one.
 */
final class Cidr {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpLiteral.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address or network: expected e.g. "
                    + "10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 (host names are not resolved)");
        }
        int bits = bytes.length * 8;
        String family = bytes.length == 4 ? "IPv4" : "IPv6";
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            prefix = prefixLength(length, bits);
            if (prefix < 0) {
                throw new IllegalArgumentException("\"" + text + "\": prefix length \"" + length
                        + "\" must be a decimal number 0.." + bits + " for an " + family + " network");
            }
        }
        byte[] unmapped = IpLiteral.unmapped(bytes);
        if (unmapped != bytes) {
            // ::ffff:a.b.c.d/n is the IPv4 network a.b.c.d/(n-96): peers are compared in their IPv4 form.
            if (prefix < 96) {
                throw new IllegalArgumentException("\"" + text + "\": an IPv4-mapped network needs a prefix length "
                        + "96..128; write the IPv4 network instead, e.g. 10.0.0.0/8");
            }
            bytes = unmapped;
            prefix -= 96;
            bits = 32;
        }
        for (int bit = prefix; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                byte[] masked = bytes.clone();
                mask(masked, prefix);
                throw new IllegalArgumentException("\"" + text + "\": address bits beyond the /" + prefix
                        + " prefix are set; the network is " + format(masked) + "/" + prefix);
            }
        }
        return new Cidr(bytes, prefix, format(bytes) + "/" + prefix);
    }

    private static int prefixLength(String text, int bits) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= bits ? value : -1;
    }

    private static void mask(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
    }

    private static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder out = new StringBuilder(39);
        for (int group = 0; group < 8; group++) {
            if (group > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(((bytes[group * 2] & 0xff) << 8) | (bytes[group * 2 + 1] & 0xff)));
        }
        return out.toString();
    }

    /** @param address 4 or 16 bytes, IPv4-mapped IPv6 already unmapped */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (address[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefix == that.prefix && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    /** The canonical text, e.g. {@code 10.0.0.0/8} or {@code 2001:db8:0:0:0:0:0:0/32}. */
    @Override
    public String toString() {
        return text;
    }
}
