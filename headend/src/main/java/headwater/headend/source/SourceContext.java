package headwater.headend.source;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What sources need from the configuration, for one channel.
 *
 * @param channel the channel name, used in every message ("source 'udp://…' of channel news has no port")
 * @param connectTimeout how long an HTTP source may take to connect (also set on {@link #httpClient()} when
 *     {@link #defaults} builds it)
 * @param readTimeout how long a source may wait for its next bytes, for the sources that can tell (udp, http, hls,
 *     the response headers of every HTTP request); must be positive
 * @param ffmpegPath the ffmpeg binary that {@code ffmpeg:} sources spawn
 * @param userAgent the User-Agent header of HTTP requests
 * @param maxBufferedBytes the most a source may hold in memory for one item: the size limit of a downloaded HLS
 *     playlist (segments and HTTP bodies are streamed, never held whole)
 * @param udpReceiveBufferBytes the SO_RCVBUF asked of the kernel for UDP sources (the kernel may cap it)
 * @param httpClient the client that http and hls sources use; share one between channels (it owns threads)
 */
public record SourceContext(
        String channel,
        Duration connectTimeout,
        Duration readTimeout,
        Path ffmpegPath,
        String userAgent,
        int maxBufferedBytes,
        int udpReceiveBufferBytes,
        HttpClient httpClient) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_USER_AGENT = "Headwater";
    public static final int DEFAULT_MAX_BUFFERED_BYTES = 1 << 20;
    public static final int DEFAULT_UDP_RECEIVE_BUFFER_BYTES = 4 << 20;

    public SourceContext {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(ffmpegPath, "ffmpegPath");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(httpClient, "httpClient");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout of channel " + channel + " must be positive: " + readTimeout);
        }
        if (udpReceiveBufferBytes <= 0) {
            throw new IllegalArgumentException(
                    "udpReceiveBufferBytes of channel " + channel + " must be positive: " + udpReceiveBufferBytes);
        }
        if (maxBufferedBytes < 64 * 1024) {
            throw new IllegalArgumentException(
                    "maxBufferedBytes of channel " + channel + " must be at least 65536: " + maxBufferedBytes);
        }
    }

    /** Defaults for a channel, with a new HTTP client (build one and share it between channels with {@link #forChannel}). */
    public static SourceContext defaults(String channel) {
        return new SourceContext(channel, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, Path.of("ffmpeg"),
                DEFAULT_USER_AGENT, DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_UDP_RECEIVE_BUFFER_BYTES,
                httpClient(DEFAULT_CONNECT_TIMEOUT));
    }

    /** An HTTP client as sources want it: connect timeout, redirects followed except https to http. */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public SourceContext forChannel(String name) {
        return new SourceContext(name, connectTimeout, readTimeout, ffmpegPath, userAgent, maxBufferedBytes,
                udpReceiveBufferBytes, httpClient);
    }

    public SourceContext withReadTimeout(Duration timeout) {
        return new SourceContext(channel, connectTimeout, timeout, ffmpegPath, userAgent, maxBufferedBytes,
                udpReceiveBufferBytes, httpClient);
    }

    public SourceContext withFfmpegPath(Path path) {
        return new SourceContext(channel, connectTimeout, readTimeout, path, userAgent, maxBufferedBytes,
                udpReceiveBufferBytes, httpClient);
    }
}
