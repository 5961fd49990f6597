package headwater.security.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A network of the outbound allow-list: {@code 10.20.0.0/16}, {@code 127.0.0.1/32}, {@code fd00::/8}. An address
 * without a prefix length is one host. Only address literals are accepted (never a name that would be resolved).
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " of " + network.getHostAddress()
                    + " must be between 0 and " + bits);
        }
        network = masked(network, prefixLength);
    }

    /**
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a network of the outbound allow-list is blank: expected a CIDR such as "
                    + "10.0.0.0/8 or fd00::/8");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR such as 10.0.0.0/8 or fd00::/8: the "
                    + "address must be an IPv4 or IPv6 literal, not a host name");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR such as 10.0.0.0/8: '" + host
                    + "' is not an IP address");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has the prefix length " + prefix + ": 0 to " + bits
                        + " allowed for " + (bits == 32 ? "IPv4" : "IPv6"));
            }
        }
        return new Cidr(address, prefix);
    }

    /** Whether {@code address} is in this network (an IPv4 network also contains the IPv6 forms of its addresses). */
    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] candidate = address.getAddress();
        if (candidate.length != net.length) {
            var embedded = AddressClass.embeddedIpv4(address);
            if (net.length != 4 || embedded.isEmpty()) {
                return false;
            }
            candidate = embedded.get().getAddress();
        }
        return Arrays.equals(masked(candidate, prefixLength), net);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    /** The host itself as a one-address network: 10.0.0.5/32, fd00::5/128. */
    public static Cidr host(InetAddress address) {
        return new Cidr(address, address.getAddress().length * 8);
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        try {
            return InetAddress.getByAddress(masked(address.getAddress(), prefixLength));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] masked(byte[] bytes, int prefixLength) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }
}
