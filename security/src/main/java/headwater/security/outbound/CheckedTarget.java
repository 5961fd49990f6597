package headwater.security.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL the policy allowed, with the addresses its host resolved to when it was checked. The connection goes to one
 * of these addresses and never resolves the name again, so DNS cannot answer differently between check and use.
 *
 * @param host the host as written in the URL (for the Host header, TLS SNI and certificate checks); an IPv6 literal
 *             without brackets
 * @param port the explicit port, or 80/443
 */
public record CheckedTarget(URI uri, boolean https, String host, int port, List<InetAddress> addresses) {

    public CheckedTarget {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a checked target needs at least one address: " + SafeUri.of(uri));
        }
    }

    /** The Host header value: the host, bracketed if IPv6, with the port unless it is the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }
}
