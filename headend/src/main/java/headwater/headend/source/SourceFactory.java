package headwater.headend.source;

import java.net.URI;
import java.util.Locale;

/**
 * Makes a {@link Source} from its URI, checking the URI first so that a bad one fails at start with a message that
 * names the source, the channel and what is expected. No I/O happens here.
 *
 * <table>
 *   <caption>URI forms</caption>
 *   <tr><td>{@code udp://@:1234}, {@code udp://127.0.0.1:1234}</td><td>UDP listener (plain or RTP TS)</td></tr>
 *   <tr><td>{@code udp://239.1.1.1:1234?interface=eth1&source=10.0.0.5}</td><td>multicast (SSM with source)</td></tr>
 *   <tr><td>{@code rtp://…}</td><td>same as udp://</td></tr>
 *   <tr><td>{@code http://host/live.ts}, {@code https://…}</td><td>MPEG-TS over one long GET</td></tr>
 *   <tr><td>{@code hls+http://host/live.m3u8}, {@code hls+https://…}</td><td>a remote live HLS playlist</td></tr>
 *   <tr><td>{@code file:///srv/loop.ts?speed=1&loop=true}</td><td>a TS file looped at real time</td></tr>
 *   <tr><td>{@code ffmpeg:<input>#f=fmt&re&loop}</td><td>anything ffmpeg reads, remuxed to TS</td></tr>
 *   <tr><td>{@code https://host/live.m3u8#user-agent=VLC%2F3.0&referer=…}</td><td>request headers of an http or
 *       hls source ({@link RequestHeaders}); an http(s) ffmpeg input takes user-agent and referer</td></tr>
 * </table>
 */
public final class SourceFactory {
    private static final String EXPECTED =
            "expected udp://, rtp://, http://, https://, hls+http://, hls+https://, file: or ffmpeg:";

    private SourceFactory() {}

    /**
     * @throws InvalidSourceException when the URI cannot make a working source (the message says why)
     */
    public static Source create(URI uri, SourceContext context) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new InvalidSourceException(MeteredSource.describe(uri, context) + " has no scheme: " + EXPECTED);
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "udp", "rtp" -> UdpSource.of(uri, context);
            case "http", "https" -> HttpSource.of(uri, context);
            case "hls+http", "hls+https" -> HlsSource.of(uri, context);
            case "file" -> FileLoopSource.of(uri, context);
            case "ffmpeg" -> FfmpegSource.of(uri, context);
            default -> throw new InvalidSourceException(MeteredSource.describe(uri, context)
                    + " has unknown scheme '" + scheme + "': " + EXPECTED
                    + " (inputs such as srt or rtmp go through ffmpeg:" + scheme + "://…)");
        };
    }

    /** Parses the text of a URI first; a malformed one fails with the same kind of message. */
    public static Source create(String uri, SourceContext context) {
        try {
            return create(new URI(uri), context);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSourceException("source '" + MaskedUri.mask(uri) + "' of channel " + context.channel()
                    + " is not a valid URI: " + e.getReason() + " at index " + e.getIndex());
        }
    }
}
