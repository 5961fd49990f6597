package headwater.delivery;

import java.net.InetAddress;

/**
 * Who is asking.
 *
 * @param address   the client's address: the peer's, or, when the peer is a trusted proxy, the nearest untrusted
 *                  address of its {@code X-Forwarded-For}
 * @param userAgent the User-Agent header, or null
 */
public record ClientInfo(InetAddress address, String userAgent) {
}
