package headwater.app.wiring;

import headwater.delivery.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The client's address of a request to the Xtream endpoints, by the delivery server's rule: the TCP peer, unless the
 * peer is a trusted proxy ({@code server.trustedProxies}), in which case the nearest address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Login throttling and device keys count by it.
 */
public record ClientAddress(TrustedProxies proxies) implements Function<HttpServerRequest, InetAddress> {

    /** Only IP literals are parsed (never a name: no DNS lookup on the event loop). */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");

    @Override
    public InetAddress apply(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        InetAddress peer = remote == null ? null : literal(remote.hostAddress());
        if (peer == null) {
            return InetAddress.getLoopbackAddress();
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || proxies.isEmpty() || !proxies.trusts(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        InetAddress client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!proxies.trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static InetAddress literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
