package headwater.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who the client is behind trusted proxies: {@code X-Forwarded-For} is read right to left, because each proxy appends
 * the address it received the request from and only the entries added by our own proxies can be believed. The client
 * is the right-most entry that is not a trusted proxy (or the left-most entry when all are trusted).
 *
 * <p>Everything to the left of that entry is whatever the client chose to send, so it is never looked at. A peer
 * that is not a trusted proxy is the client whatever it sends; so is a trusted peer whose header breaks down (an
 * entry that is not an IP literal, e.g. {@code unknown}, a port, an empty entry) before an untrusted address is found.
 */
final class ForwardedFor {

    private ForwardedFor() {
    }

    /**
     * @param peer    the TCP peer, or null when unknown
     * @param values  every {@code X-Forwarded-For} header value in arrival order (later ones were appended later)
     * @param trusted the configured proxies
     * @return the client's address; the peer unless the rules above say otherwise
     */
    static InetAddress client(InetAddress peer, List<String> values, TrustedProxies trusted) {
        if (peer == null || trusted.isEmpty() || values.isEmpty() || !trusted.trusts(peer)) {
            return peer;
        }
        byte[] leftmost = null;
        for (int v = values.size() - 1; v >= 0; v--) {
            String value = values.get(v);
            int end = value.length();
            while (true) {
                int comma = value.lastIndexOf(',', end - 1);
                byte[] address = entry(value, comma + 1, end);
                if (address == null) {
                    return peer;
                }
                if (!trusted.trusts(IpLiteral.unmapped(address))) {
                    return inet(address, peer);
                }
                leftmost = address;
                if (comma < 0) {
                    break;
                }
                end = comma;
            }
        }
        return leftmost == null ? peer : inet(leftmost, peer);
    }

    /** One list entry with optional whitespace around it, IPv6 optionally in brackets; null when malformed. */
    private static byte[] entry(String value, int from, int to) {
        while (from < to && isSpace(value.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(value.charAt(to - 1))) {
            to--;
        }
        if (to - from > 2 && value.charAt(from) == '[' && value.charAt(to - 1) == ']') {
            byte[] inner = IpLiteral.parse(value, from + 1, to - 1);
            return inner != null && inner.length == 16 ? inner : null;
        }
        return IpLiteral.parse(value, from, to);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static InetAddress inet(byte[] address, InetAddress fallback) {
        try {
            return InetAddress.getByAddress(address); // raw bytes: never a name lookup
        } catch (UnknownHostException e) {
            return fallback; // only for a length other than 4 or 16, which IpLiteral never returns
        }
    }
}
