package headwater.security.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What kind of network an address belongs to, for the outbound policy. Only {@link #PUBLIC} is reachable by default;
 * {@link #PRIVATE} and {@link #CGNAT} are allowed by {@code allowPrivate}; any class but {@link #UNSPECIFIED},
 * {@link #MULTICAST} and {@link #BROADCAST} (which no HTTP connection can go to) is allowed by a CIDR of the
 * allow-list that contains the address.
 *
 * <p>IPv6 forms that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d},
 * SIIT {@code ::ffff:0:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}) are classified by the
 * IPv4 address they reach: {@code ::ffff:169.254.169.254} is link-local.
 */
public enum AddressClass {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    LINK_LOCAL("a link-local address (where cloud metadata services answer, e.g. 169.254.169.254)"),
    PRIVATE("a private address"),
    CGNAT("a carrier-grade NAT address (100.64.0.0/10)"),
    UNSPECIFIED("the unspecified address"),
    MULTICAST("a multicast address"),
    BROADCAST("the broadcast address"),
    RESERVED("a reserved or documentation address");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** "a private address". */
    public String description() {
        return description;
    }

    /** No TCP connection can be made to it, whatever the operator allows. */
    public boolean neverConnectable() {
        return this == UNSPECIFIED || this == MULTICAST || this == BROADCAST;
    }

    public static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ofIpv4(b);
        }
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return ofIpv4(embedded.get().getAddress());
        }
        return ofIpv6(b);
    }

    /**
     * The IPv4 address an IPv6 address stands for (mapped, compatible, SIIT, NAT64 well-known prefix, 6to4), if any.
     * {@code ::} and {@code ::1} are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
     */
    public static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int from;
        if (zeros(b, 0, 10) && u16(b, 10) == 0xffff) {
            from = 12; // ::ffff:a.b.c.d, IPv4-mapped
        } else if (zeros(b, 0, 8) && u16(b, 8) == 0xffff && u16(b, 10) == 0) {
            from = 12; // ::ffff:0:a.b.c.d, SIIT
        } else if (zeros(b, 0, 12) && !(zeros(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            from = 12; // ::a.b.c.d, IPv4-compatible (deprecated)
        } else if (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b && zeros(b, 4, 12)) {
            from = 12; // 64:ff9b::/96, NAT64
        } else if (u16(b, 0) == 0x2002) {
            from = 2; // 2002:aabb:ccdd::/48, 6to4
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static AddressClass ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (zeros(b, 0, 4)) {
            return UNSPECIFIED;
        }
        if ((b[0] & b[1] & b[2] & b[3]) == (byte) 0xff) {
            return BROADCAST;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return CGNAT;
        }
        if ((a0 & 0xf0) == 224) {
            return MULTICAST;
        }
        if (a0 == 0 || (a0 & 0xf0) == 240
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)
                || a0 == 192 && a1 == 88 && a2 == 99
                || a0 == 198 && (a1 & 0xfe) == 18
                || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] b) {
        if (zeros(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (zeros(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        int first = u16(b, 0);
        if ((first & 0xff00) == 0xff00) {
            return MULTICAST;
        }
        if ((first & 0xffc0) == 0xfe80) {
            return LINK_LOCAL;
        }
        if ((first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfec0) {
            return PRIVATE; // unique local fc00::/7, deprecated site-local fec0::/10
        }
        if (first == 0x0064 && u16(b, 2) == 0xff9b && u16(b, 4) == 0x0001) {
            return PRIVATE; // 64:ff9b:1::/48, local-use NAT64
        }
        if (first == 0x2001 && (u16(b, 2) == 0x0db8 || u16(b, 2) == 0x0000)
                || first == 0x0100 && zeros(b, 2, 8)) {
            return RESERVED; // documentation 2001:db8::/32, Teredo 2001::/32, discard 100::/64
        }
        return PUBLIC;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }
}
