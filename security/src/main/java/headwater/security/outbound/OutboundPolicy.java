package headwater.security.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which URLs imports (EPG, M3U, logos) may fetch, and how much. Only {@code http} and {@code https}; the host is
 * resolved once and every address it resolves to must be {@link AddressClass#PUBLIC}, unless the operator allowed
 * private networks ({@code allowPrivate}: RFC 1918, fc00::/7, 100.64.0.0/10) or listed a CIDR that contains the
 * address ({@code allowedNetworks}; e.g. {@code 127.0.0.1/32} for a guide on the same machine). Unspecified,
 * multicast and broadcast addresses are always refused: no HTTP server is there.
 *
 * @param allowPrivate    allow the private and CGNAT networks (not loopback or link-local: list those explicitly)
 * @param allowedNetworks networks allowed whatever their class
 */
public record OutboundPolicy(boolean allowPrivate, List<Cidr> allowedNetworks, FetchLimits limits) {

    /** Names of the operator's settings, as messages quote them. */
    public static final String ALLOW_PRIVATE_SETTING = "outbound.allowPrivate";
    public static final String ALLOWED_NETWORKS_SETTING = "outbound.allowedNetworks";

    public OutboundPolicy {
        allowedNetworks = List.copyOf(allowedNetworks);
        Objects.requireNonNull(limits, "limits");
    }

    /** Public addresses only, default limits. */
    public static OutboundPolicy publicOnly() {
        return new OutboundPolicy(false, List.of(), FetchLimits.DEFAULTS);
    }

    public OutboundPolicy allowing(String... cidrs) {
        var networks = new ArrayList<>(allowedNetworks);
        for (String cidr : cidrs) {
            networks.add(Cidr.parse(cidr));
        }
        return new OutboundPolicy(allowPrivate, networks, limits);
    }

    public OutboundPolicy withAllowPrivate(boolean allow) {
        return new OutboundPolicy(allow, allowedNetworks, limits);
    }

    public OutboundPolicy withLimits(FetchLimits newLimits) {
        return new OutboundPolicy(allowPrivate, allowedNetworks, newLimits);
    }

    /**
     * Parses {@code url} and {@link #check(URI, HostResolver) checks} it.
     *
     * @throws OutboundRefusedException not a URI, or refused
     */
    public CheckedTarget check(String url, HostResolver resolver) throws OutboundRefusedException {
        return check(parse(url), resolver);
    }

    /**
     * Parses the text of a URL to fetch.
     *
     * @throws OutboundRefusedException blank, or not a URI (the message shows it with secrets masked)
     */
    public static URI parse(String url) throws OutboundRefusedException {
        if (url == null || url.isBlank()) {
            throw new OutboundRefusedException("the URL to fetch is blank");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new OutboundRefusedException("'" + abbreviate(SafeUri.ofText(url.strip())) + "' is not a URL: "
                    + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    /**
     * Checks the scheme and host of {@code uri}, resolves the host once, and checks every address.
     *
     * @throws OutboundRefusedException naming the URL, the address and its class, and the setting that would allow it
     */
    public CheckedTarget check(URI uri, HostResolver resolver) throws OutboundRefusedException {
        String shown = SafeUri.of(uri);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new OutboundRefusedException(shown + " has no scheme: only http:// and https:// URLs can be fetched");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException(shown + " uses the scheme '" + uri.getScheme()
                    + "': only http:// and https:// URLs can be fetched (a local file is imported by its path, not a URL)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new OutboundRefusedException(shown + " has no host name that can be resolved"
                    + (uri.getRawAuthority() != null ? " ('" + authorityWithoutUser(uri) + "' is not a valid host)" : ""));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (port == 0 || port > 65_535) {
            // java.net.URI takes any number of digits as a port; a socket would throw on it later, unexplained.
            throw new OutboundRefusedException(shown + " names port " + port + ": a TCP port is 1 to 65535");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException(shown + ": the host " + host + " does not resolve ("
                    + (e.getMessage() == null ? "unknown host" : e.getMessage()) + ")");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new OutboundRefusedException(shown + ": the host " + host + " resolved to no address");
        }
        for (InetAddress address : addresses) {
            refuseIfNotAllowed(shown, address);
        }
        return new CheckedTarget(uri, scheme.equals("https"), host, port, addresses);
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean allows(InetAddress address) {
        AddressClass kind = AddressClass.of(address);
        if (kind.neverConnectable()) {
            return false;
        }
        if (kind == AddressClass.PUBLIC || allowPrivate && (kind == AddressClass.PRIVATE || kind == AddressClass.CGNAT)) {
            return true;
        }
        return allowedNetworks.stream().anyMatch(network -> network.contains(address));
    }

    private void refuseIfNotAllowed(String shown, InetAddress address) throws OutboundRefusedException {
        if (allows(address)) {
            return;
        }
        AddressClass kind = AddressClass.of(address);
        String literal = address.getHostAddress();
        String form = AddressClass.embeddedIpv4(address)
                .map(v4 -> " (the IPv6 form of " + v4.getHostAddress() + ")").orElse("");
        String message = shown + " resolved to " + literal + form + ", " + kind.description();
        if (kind.neverConnectable()) {
            throw new OutboundRefusedException(message + ", which no HTTP server can be reached at");
        }
        String hostCidr = Cidr.host(AddressClass.embeddedIpv4(address).map(InetAddress.class::cast).orElse(address))
                .toString();
        String allow = kind == AddressClass.PRIVATE || kind == AddressClass.CGNAT
                ? "; allow it with " + ALLOWED_NETWORKS_SETTING + ": [" + hostCidr + "] (or " + ALLOW_PRIVATE_SETTING
                        + ": true for every private network)"
                : "; allow it with " + ALLOWED_NETWORKS_SETTING + ": [" + hostCidr + "] if the operator means it";
        throw new OutboundRefusedException(message + allow);
    }

    private static String authorityWithoutUser(URI uri) {
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
