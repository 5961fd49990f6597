package headwater.app.config;

import headwater.security.outbound.Cidr;
import headwater.security.outbound.FetchLimits;
import headwater.security.outbound.OutboundPolicy;
import java.util.List;

/**
 * Which addresses imports by URL (M3U playlists, XMLTV guides) may fetch from ({@code outbound.*}): public ones only
 * by default, so that a URL cannot make the server read its own network (SSRF).
 *
 * @param allowPrivate    also the private networks (RFC 1918, fc00::/7, 100.64.0.0/10); loopback and link-local only
 *                        when listed in {@code allowedNetworks}
 * @param allowedNetworks networks allowed whatever their class, such as 127.0.0.1/32 for a guide on the same machine
 */
public record OutboundConfig(boolean allowPrivate, List<Cidr> allowedNetworks) {

    public OutboundConfig {
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    public static OutboundConfig defaults() {
        return new OutboundConfig(false, List.of());
    }

    public OutboundPolicy policy() {
        return new OutboundPolicy(allowPrivate, allowedNetworks, FetchLimits.DEFAULTS);
    }
}
