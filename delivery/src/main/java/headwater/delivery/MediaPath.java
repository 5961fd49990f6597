package headwater.delivery;

/**
 * Parses the raw (still percent-encoded) request path into a {@link Route} in one pass, without regular
 * expressions or allocation beyond the channel id string.
 *
 * <p>The grammar is deliberately strict so that nothing an attacker can encode reaches a lookup, let alone the
 * filesystem (segment files come from the headend's window, never from the URL):
 * <pre>
 *   /live/{channel}/index.m3u8     multivariant playlist
 *   /live/{channel}/media.m3u8     media playlist
 *   /live/{channel}/{sequence}.ts  segment
 *   /live/{channel}.ts             continuous MPEG-TS
 *   /healthz, /metrics
 *   channel  = [a-z0-9] [a-z0-9_-]{0,63}         (no dots, no '%', no '/', no upper case)
 *   sequence = "0" / [1-9] [0-9]{0,18}, at most Long.MAX_VALUE
 * </pre>
 * Because {@code '%'} and {@code '.'} are outside the channel alphabet, {@code ..}, {@code %2e%2e} and
 * {@code %2f} can never form a channel id or a sequence. Later, the session token will be one more path segment,
 * parsed and checked here first so that a request without a valid token costs no catalog lookup.
 */
public final class MediaPath {

    /** Longest channel id. */
    public static final int MAX_CHANNEL_LENGTH = 64;

    private static final String LIVE = "/live/";
    private static final String TS = ".ts";
    private static final String MULTIVARIANT = "index.m3u8";
    private static final String MEDIA = "media.m3u8";
    private static final int MAX_SEQUENCE_DIGITS = 19;

    private static final Route HEALTH = new Route.Health();
    private static final Route METRICS = new Route.Metrics();
    private static final Route NOT_FOUND = new Route.NotFound();
    private static final Route BAD_CHANNEL = new Route.Malformed(
            "invalid channel id: expected [a-z0-9][a-z0-9_-]{0,63}");
    private static final Route BAD_SEQUENCE = new Route.Malformed(
            "invalid media sequence: expected a decimal number 0.." + Long.MAX_VALUE + " without leading zeros");

    private MediaPath() {
    }

    /**
     * @param rawPath the request path as sent, before percent-decoding, without the query
     * @return the route; never null
     */
    static Route parse(String rawPath) {
        if (rawPath == null) {
            return NOT_FOUND;
        }
        if (!rawPath.startsWith(LIVE)) {
            return switch (rawPath) {
                case "/healthz" -> HEALTH;
                case "/metrics" -> METRICS;
                default -> NOT_FOUND;
            };
        }
        int channelStart = LIVE.length();
        int slash = rawPath.indexOf('/', channelStart);
        if (slash < 0) {
            // /live/{channel}.ts
            if (!rawPath.endsWith(TS)) {
                return rawPath.length() == channelStart ? NOT_FOUND : unknownOrMalformed(rawPath, channelStart);
            }
            int channelEnd = rawPath.length() - TS.length();
            if (!isChannelId(rawPath, channelStart, channelEnd)) {
                return BAD_CHANNEL;
            }
            return new Route.Stream(rawPath.substring(channelStart, channelEnd));
        }
        if (!isChannelId(rawPath, channelStart, slash)) {
            return BAD_CHANNEL;
        }
        int leafStart = slash + 1;
        if (rawPath.indexOf('/', leafStart) >= 0) {
            return NOT_FOUND;
        }
        String channel = rawPath.substring(channelStart, slash);
        if (rawPath.startsWith(MULTIVARIANT, leafStart) && rawPath.length() == leafStart + MULTIVARIANT.length()) {
            return new Route.MultivariantPlaylist(channel);
        }
        if (rawPath.startsWith(MEDIA, leafStart) && rawPath.length() == leafStart + MEDIA.length()) {
            return new Route.MediaPlaylist(channel);
        }
        if (rawPath.endsWith(TS)) {
            long sequence = parseSequence(rawPath, leafStart, rawPath.length() - TS.length());
            return sequence < 0 ? BAD_SEQUENCE : new Route.Segment(channel, sequence);
        }
        return NOT_FOUND;
    }

    /** Whether {@code id} is a channel id that HTTP can address; the headend should refuse any other. */
    public static boolean isChannelId(CharSequence id) {
        return id != null && isChannelId(id, 0, id.length());
    }

    private static Route unknownOrMalformed(String rawPath, int channelStart) {
        // "/live/x" with no suffix: a well-formed id is just an unknown resource, anything else is malformed.
        return isChannelId(rawPath, channelStart, rawPath.length()) ? NOT_FOUND : BAD_CHANNEL;
    }

    private static boolean isChannelId(CharSequence s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_CHANNEL_LENGTH) {
            return false;
        }
        char first = s.charAt(from);
        if (!isLowerAlnum(first)) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!isLowerAlnum(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** @return the sequence, or -1 when the text is not a canonical non-negative decimal that fits a long */
    private static long parseSequence(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_SEQUENCE_DIGITS) {
            return -1;
        }
        if (length > 1 && s.charAt(from) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
