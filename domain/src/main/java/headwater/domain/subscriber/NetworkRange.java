package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}) from which a
 * subscriber may connect. Normalised: the host bits are cleared ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}) and the
 * text form is canonical (RFC 5952 for IPv6), so equal blocks are equal values.
 *
 * @param network      the first address of the block: an {@link Inet4Address} or an {@code Inet6Address}
 * @param prefixLength the number of leading bits that are fixed: 0 to 32 (IPv4) or 0 to 128 (IPv6)
 */
public record NetworkRange(InetAddress network, int prefixLength) {

    /** Longer than any CIDR text (an IPv6 address with an IPv4 tail and a prefix is at most 49 characters). */
    public static final int MAX_TEXT_LENGTH = 64;

    private static final String EXAMPLE = "write an IPv4 or IPv6 address with an optional prefix length, such as "
            + "192.0.2.0/24 or 2001:db8::/32";

    public NetworkRange {
        if (network == null) {
            throw new InvalidValueException("network", "range", "has no address");
        }
        byte[] bytes = network.getAddress();
        int bits = bytes.length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new InvalidValueException("network", "range", "has the prefix length " + prefixLength + ": "
                    + family(bytes) + " allows 0 to " + bits);
        }
        // Rebuilt from bytes: host bits cleared, and no host name or IPv6 scope carried along.
        network = address(mask(bytes, prefixLength));
    }

    /** Parses CIDR text, naming {@code network range} in errors. */
    public static NetworkRange parse(String text) {
        return parse("network", "range", text);
    }

    /**
     * Parses CIDR text such as {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single address ({@code /32} or
     * {@code /128}). Never consults DNS: host names are refused.
     *
     * @throws InvalidValueException naming {@code entity} and {@code field}, quoting the text and the rule it breaks
     */
    public static NetworkRange parse(String entity, String field, String text) {
        if (text == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        String quoted = "\"" + (text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) + "…" : text) + "\"";
        if (text.isEmpty()) {
            throw new InvalidValueException(entity, field, "is empty: " + EXAMPLE);
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValueException(entity, field, quoted + " is " + text.length()
                    + " characters long: at most " + MAX_TEXT_LENGTH + " allowed");
        }
        if (text.indexOf('%') >= 0) {
            throw new InvalidValueException(entity, field, quoted + " has a zone id ('%'): zones are not allowed in "
                    + "networks");
        }
        int slash = text.indexOf('/');
        String addressText = slash >= 0 ? text.substring(0, slash) : text;
        boolean v6 = addressText.indexOf(':') >= 0;
        if (!v6 && !addressText.isEmpty() && !addressText.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            throw new InvalidValueException(entity, field, quoted + " is not a network: " + EXAMPLE
                    + " (host names are not allowed)");
        }
        byte[] bytes;
        try {
            bytes = IpLiteral.parse(addressText);
        } catch (IpLiteral.Refusal refusal) {
            throw new InvalidValueException(entity, field, quoted + " is not an " + (v6 ? "IPv6" : "IPv4")
                    + " address: " + refusal.getMessage());
        }
        if (isIpv4Mapped(bytes)) {
            throw new InvalidValueException(entity, field, quoted + " is an IPv4-mapped IPv6 address: write it as "
                    + "IPv4, e.g. " + IpLiteral.format(Arrays.copyOfRange(bytes, 12, 16)));
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (prefixText.isEmpty()) {
                throw new InvalidValueException(entity, field, quoted + " has no prefix length after '/'");
            }
            if (prefixText.length() > 3 || !prefixText.chars().allMatch(c -> c >= '0' && c <= '9')
                    || prefixText.length() > 1 && prefixText.charAt(0) == '0') {
                throw new InvalidValueException(entity, field, quoted + " has the prefix length \"" + prefixText
                        + "\": it must be a decimal number from 0 to " + bits + " without leading zeros");
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > bits) {
                throw new InvalidValueException(entity, field, quoted + " has the prefix length " + prefix + ": "
                        + family(bytes) + " allows 0 to " + bits);
            }
        }
        return new NetworkRange(address(mask(bytes, prefix)), prefix);
    }

    /** Whether {@code address} lies in this block; an address of the other IP family never does. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] own = network.getAddress();
        return candidate.length == own.length && Arrays.equals(mask(candidate, prefixLength), own);
    }

    public boolean isIpv4() {
        return network instanceof Inet4Address;
    }

    /** The canonical CIDR text, always with the prefix length: {@code 10.0.0.0/8}, {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return IpLiteral.format(network.getAddress()) + "/" + prefixLength;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16 || (bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String family(byte[] bytes) {
        return bytes.length == 4 ? "IPv4" : "IPv6";
    }

    /** An address from raw bytes: no lookup happens. */
    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
