package headwater.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the delivery server listens and what it tolerates.
 *
 * @param host                  address to bind
 * @param port                  TCP port, {@code 0} for an ephemeral one
 * @param idleTimeout           a connection with no read or write for this long is closed
 * @param maxInitialLineLength  longest request line accepted (method + URI + version); longer gets 414
 * @param maxHeaderSize         largest total of request headers accepted; larger gets 431
 * @param eventLoops            event-loop threads, each running its own server instance on the shared port
 * @param preferNativeTransport use epoll when {@code netty-transport-native-epoll} is on the classpath, else NIO
 * @param streamWriteQueueBytes per-viewer bytes queued in the connection before the TS stream pauses writing
 * @param streamBacklogBytes    per-viewer bytes held while paused; a viewer behind by more is dropped
 * @param trustedProxies        peers whose {@code X-Forwarded-For} names the client (see {@link ForwardedFor})
 * @param openSegmentFiles      segment files each event loop keeps open for sendfile (an open-file cache)
 */
public record DeliveryOptions(
        String host,
        int port,
        Duration idleTimeout,
        int maxInitialLineLength,
        int maxHeaderSize,
        int eventLoops,
        boolean preferNativeTransport,
        int streamWriteQueueBytes,
        int streamBacklogBytes,
        TrustedProxies trustedProxies,
        int openSegmentFiles) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public DeliveryOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        if (host.isBlank()) {
            throw new IllegalArgumentException("'host' must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be 0..65535, was " + port);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'idleTimeout' must be positive, was " + idleTimeout);
        }
        if (maxInitialLineLength < 256) {
            throw new IllegalArgumentException("'maxInitialLineLength' must be at least 256, was " + maxInitialLineLength);
        }
        if (maxHeaderSize < 1024) {
            throw new IllegalArgumentException("'maxHeaderSize' must be at least 1024, was " + maxHeaderSize);
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("'eventLoops' must be at least 1, was " + eventLoops);
        }
        if (streamWriteQueueBytes < 4096) {
            throw new IllegalArgumentException("'streamWriteQueueBytes' must be at least 4096, was " + streamWriteQueueBytes);
        }
        if (streamBacklogBytes < 4096) {
            throw new IllegalArgumentException("'streamBacklogBytes' must be at least 4096, was " + streamBacklogBytes);
        }
        if (openSegmentFiles < 1) {
            throw new IllegalArgumentException("'openSegmentFiles' must be at least 1, was " + openSegmentFiles);
        }
    }

    /**
     * Loopback on port 8080; 60 s idle timeout; 4 KiB request line and 8 KiB headers (nginx's
     * {@code large_client_header_buffers} default); one event loop per core; a viewer of the TS stream may fall
     * 256 KiB + 8 MiB behind (about 13 s at 5 Mbit/s) before it is dropped; no trusted proxies; 1024 open segment
     * files per event loop (about 100 channels' windows).
     */
    public static DeliveryOptions defaults() {
        return new DeliveryOptions(DEFAULT_HOST, 8080, Duration.ofSeconds(60), 4096, 8192,
                Runtime.getRuntime().availableProcessors(), true, 256 * 1024, 8 * 1024 * 1024, TrustedProxies.none(),
                1024);
    }

    public DeliveryOptions withHost(String newHost) {
        return new DeliveryOptions(newHost, port, idleTimeout, maxInitialLineLength, maxHeaderSize, eventLoops,
                preferNativeTransport, streamWriteQueueBytes, streamBacklogBytes, trustedProxies, openSegmentFiles);
    }

    public DeliveryOptions withPort(int newPort) {
        return new DeliveryOptions(host, newPort, idleTimeout, maxInitialLineLength, maxHeaderSize, eventLoops,
                preferNativeTransport, streamWriteQueueBytes, streamBacklogBytes, trustedProxies, openSegmentFiles);
    }

    public DeliveryOptions withEventLoops(int newEventLoops) {
        return new DeliveryOptions(host, port, idleTimeout, maxInitialLineLength, maxHeaderSize, newEventLoops,
                preferNativeTransport, streamWriteQueueBytes, streamBacklogBytes, trustedProxies, openSegmentFiles);
    }

    public DeliveryOptions withStreamBuffers(int newWriteQueueBytes, int newBacklogBytes) {
        return new DeliveryOptions(host, port, idleTimeout, maxInitialLineLength, maxHeaderSize, eventLoops,
                preferNativeTransport, newWriteQueueBytes, newBacklogBytes, trustedProxies, openSegmentFiles);
    }

    public DeliveryOptions withIdleTimeout(Duration newIdleTimeout) {
        return new DeliveryOptions(host, port, newIdleTimeout, maxInitialLineLength, maxHeaderSize, eventLoops,
                preferNativeTransport, streamWriteQueueBytes, streamBacklogBytes, trustedProxies, openSegmentFiles);
    }

    /**
     * @param cidrs e.g. {@code ["10.0.0.0/8", "2001:db8::/32"]}; empty trusts nobody
     * @throws IllegalArgumentException naming the bad entry and what is wrong with it
     */
    public DeliveryOptions withTrustedProxies(List<String> cidrs) {
        return new DeliveryOptions(host, port, idleTimeout, maxInitialLineLength, maxHeaderSize, eventLoops,
                preferNativeTransport, streamWriteQueueBytes, streamBacklogBytes, TrustedProxies.of(cidrs),
                openSegmentFiles);
    }

    public DeliveryOptions withOpenSegmentFiles(int newOpenSegmentFiles) {
        return new DeliveryOptions(host, port, idleTimeout, maxInitialLineLength, maxHeaderSize, eventLoops,
                preferNativeTransport, streamWriteQueueBytes, streamBacklogBytes, trustedProxies, newOpenSegmentFiles);
    }
}
