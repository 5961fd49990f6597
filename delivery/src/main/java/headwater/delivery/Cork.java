package headwater.delivery;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * TCP_CORK around one segment response, as nginx's {@code tcp_nopush} does with {@code sendfile}: the headers and
 * the file's first bytes leave in full packets instead of a small header packet followed by the body. On loopback
 * and on real links this halves the receiver's per-byte cost for multi-megabyte segments (bench/README.md §9).
 *
 * <p>Only on Netty's native epoll transport; on NIO (other systems) {@link #on} does nothing and says so. Cork is
 * cleared when the send completes (or fails), which pushes out whatever is still held: small responses that follow
 * on the same keep-alive connection are never delayed by it. Runs on the connection's event loop.
 */
final class Cork {

    private Cork() {
    }

    /** @return the corked channel, to pass to {@link #off}, or null when the transport cannot cork */
    static Channel on(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase connection
                && connection.channel() instanceof EpollSocketChannel epoll && epoll.isActive()) {
            epoll.config().setTcpCork(true);
            return epoll;
        }
        return null;
    }

    static void off(Channel corked) {
        if (corked instanceof EpollSocketChannel epoll && epoll.isOpen()) {
            epoll.config().setTcpCork(false);
        }
    }
}
