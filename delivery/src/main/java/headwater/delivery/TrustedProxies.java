package headwater.delivery;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The proxies (load balancers, CDN edges) whose {@code X-Forwarded-For} the server believes. A request from any other
 * peer is attributed to the peer, whatever headers it sends.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Cidr> networks;

    private TrustedProxies(List<Cidr> networks) {
        this.networks = networks;
    }

    /** Trusts nobody: every client is its TCP peer. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param cidrs networks such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or single addresses {@code 192.0.2.7};
     *              literals only, never host names
     * @throws IllegalArgumentException naming the first bad entry, its position and what is wrong with it
     */
    public static TrustedProxies of(List<String> cidrs) {
        Objects.requireNonNull(cidrs, "trustedProxies");
        List<Cidr> parsed = new ArrayList<>(cidrs.size());
        for (int i = 0; i < cidrs.size(); i++) {
            String text = cidrs.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("'trustedProxies' entry " + (i + 1) + " of " + cidrs.size()
                        + " is " + (text == null ? "null" : "blank") + ": expected e.g. 10.0.0.0/8");
            }
            try {
                parsed.add(Cidr.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'trustedProxies' entry " + (i + 1) + " of " + cidrs.size()
                        + ": " + e.getMessage(), e);
            }
        }
        return parsed.isEmpty() ? NONE : new TrustedProxies(List.copyOf(parsed));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether {@code address} is inside one of the networks. */
    public boolean trusts(InetAddress address) {
        return address != null && trusts(IpLiteral.unmapped(address.getAddress()));
    }

    boolean trusts(byte[] unmappedAddress) {
        for (Cidr network : networks) {
            if (network.contains(unmappedAddress)) {
                return true;
            }
        }
        return false;
    }

    /** The networks in canonical form, e.g. {@code [10.0.0.0/8]}. */
    public List<String> cidrs() {
        return networks.stream().map(Cidr::toString).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustedProxies that && networks.equals(that.networks);
    }

    @Override
    public int hashCode() {
        return networks.hashCode();
    }

    @Override
    public String toString() {
        return cidrs().toString();
    }
}
