package headwater.delivery;

/**
 * Parses the raw (still percent-encoded) request path into a {@link Route} in one pass, without regular
 * expressions; it allocates the route, the token and the scope strings.
 *
 * <p>The grammar is deliberately strict so that nothing an attacker can encode reaches the gate, a lookup, let alone
 * the filesystem (segment files come from the headend's window, never from the URL):
 * <pre>
 *   /s/{token}/live/{channel}/index.m3u8     multivariant playlist
 *   /s/{token}/live/{channel}/media.m3u8     media playlist (segment URIs are relative: "{sequence}.ts")
 *   /s/{token}/live/{channel}/{sequence}.ts  segment
 *   /s/{token}/live/{channel}/key/{keyId}.key      AES-128 key of encrypted segments ("key/{keyId}.key")
 *   /s/{token}/live/{channel}.ts             continuous MPEG-TS
 *   /s/{token}/archive/{channel}/{window}/index.m3u8     the window as an HLS VOD (or EVENT) playlist
 *   /s/{token}/archive/{channel}/{window}/{sequence}.ts  an archived segment of the window
 *   /s/{token}/archive/{channel}/{window}/key/{keyId}.key  AES-128 key of archived segments
 *   /s/{token}/archive/{channel}/{window}.ts             the window as one continuous MPEG-TS
 *   /s/{token}/movie/{id}.{ext}              a film, byte ranges
 *   /s/{token}/episode/{id}.{ext}            an episode, byte ranges
 *   /healthz, /metrics
 *   token    = [0-9a-f-]{1,128}                    (anything else: Refused, the same 403 as a token the gate refuses)
 *   channel  = [a-z0-9] [a-z0-9_-]{0,63}           (no dots, no '%', no '/', no upper case)
 *   sequence = "0" / [1-9] [0-9]{0,18}, at most Long.MAX_VALUE
 *   keyId    = [0-9a-f]{1,64}
 *   window   = start "-" seconds                   (start: Unix seconds, canonical decimal; seconds: 1..86400)
 *   id       = [A-Za-z0-9] [A-Za-z0-9._-]{0,63}    (the extension is split off at the LAST dot)
 *   ext      = [A-Za-z0-9]{1,8}
 *   scope    = "live/" channel | "archive/" channel "/" window | "movie/" id | "episode/" id
 *                                                  (what the token must be signed for; compared whole)
 * </pre>
 * The token is checked first: a path with a bad token segment is {@link Route.Refused} whatever follows, so the
 * answer never tells which part was wrong. A good token segment followed by something outside the grammar is
 * {@link Route.Malformed} (400) under {@code live/}, {@code archive/}, {@code movie/} and {@code episode/}, else
 * {@link Route.NotFound}. Because {@code '%'} and {@code '/'} are outside every alphabet, {@code '.'} is outside the
 * token and channel alphabets and cannot start an id, and sequences and windows are digits, {@code ..},
 * {@code %2e%2e}, {@code ..%252f} and {@code %2f} can never form a token, a channel id, an id or a number, in any
 * segment; nothing parsed here is ever used as a file name. The old {@code /live/...} paths without a token are not
 * found (they are the Xtream forms now, served by the server's fallback).
 */
public final class MediaPath {

    /** Longest channel id. */
    public static final int MAX_CHANNEL_LENGTH = 64;

    /** Longest token segment let through to the {@link PlaybackGate}. */
    public static final int MAX_TOKEN_LENGTH = 128;

    /** Longest film or episode id. */
    public static final int MAX_ID_LENGTH = 64;

    /** Longest archive window, in seconds: one day (as {@code PlaybackTarget.Archive.MAX_SECONDS}). */
    public static final long MAX_ARCHIVE_SECONDS = 86_400;

    /** The scope of a live channel is this prefix and the channel id. */
    static final String LIVE_SCOPE = "live/";
    static final String ARCHIVE_SCOPE = "archive/";
    static final String MOVIE_SCOPE = "movie/";
    static final String EPISODE_SCOPE = "episode/";
    private static final int MAX_EXTENSION_LENGTH = 8;

    private static final String SESSION = "/s/";
    private static final String TS = ".ts";
    private static final String MULTIVARIANT = "index.m3u8";
    private static final String MEDIA = "media.m3u8";
    private static final String KEY_DIR = "key/";
    private static final String KEY = ".key";
    private static final int MAX_KEY_ID_LENGTH = 64;
    private static final int MAX_SEQUENCE_DIGITS = 19;

    private static final Route HEALTH = new Route.Health();
    private static final Route METRICS = new Route.Metrics();
    private static final Route NOT_FOUND = new Route.NotFound();
    private static final Route REFUSED = new Route.Refused();
    private static final Route BAD_CHANNEL = new Route.Malformed(
            "invalid channel id: expected [a-z0-9][a-z0-9_-]{0,63}");
    private static final Route BAD_SEQUENCE = new Route.Malformed(
            "invalid media sequence: expected a decimal number 0.." + Long.MAX_VALUE + " without leading zeros");
    private static final Route BAD_WINDOW = new Route.Malformed(
            "invalid archive window: expected {start}-{seconds}, start in Unix seconds and 1.." + MAX_ARCHIVE_SECONDS
                    + " seconds, decimal without leading zeros");
    private static final Route BAD_KEY = new Route.Malformed("invalid key id: expected [0-9a-f]{1,64}");
    private static final Route BAD_ID = new Route.Malformed(
            "invalid id: expected [A-Za-z0-9][A-Za-z0-9._-]{0,63} and an extension [A-Za-z0-9]{1,8}");

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
        if (!rawPath.startsWith(SESSION)) {
            return switch (rawPath) {
                case "/healthz" -> HEALTH;
                case "/metrics" -> METRICS;
                default -> NOT_FOUND;
            };
        }
        int tokenStart = SESSION.length();
        int tokenEnd = rawPath.indexOf('/', tokenStart);
        if (tokenEnd < 0) {
            return NOT_FOUND; // "/s/{anything}": nothing to serve, whatever the token
        }
        if (!isToken(rawPath, tokenStart, tokenEnd)) {
            return REFUSED;
        }
        int scopeStart = tokenEnd + 1;
        if (rawPath.startsWith(LIVE_SCOPE, scopeStart)) {
            return live(rawPath, rawPath.substring(tokenStart, tokenEnd), scopeStart);
        }
        if (rawPath.startsWith(ARCHIVE_SCOPE, scopeStart)) {
            return archive(rawPath, tokenStart, tokenEnd, scopeStart);
        }
        if (rawPath.startsWith(MOVIE_SCOPE, scopeStart)) {
            return vod(rawPath, tokenStart, tokenEnd, scopeStart, MOVIE_SCOPE.length());
        }
        if (rawPath.startsWith(EPISODE_SCOPE, scopeStart)) {
            return vod(rawPath, tokenStart, tokenEnd, scopeStart, EPISODE_SCOPE.length());
        }
        return NOT_FOUND;
    }

    private static Route archive(String rawPath, int tokenStart, int tokenEnd, int scopeStart) {
        int channelStart = scopeStart + ARCHIVE_SCOPE.length();
        int channelEnd = rawPath.indexOf('/', channelStart);
        if (channelEnd < 0) {
            return rawPath.length() == channelStart ? NOT_FOUND : unknownOrMalformed(rawPath, channelStart);
        }
        if (!isChannelId(rawPath, channelStart, channelEnd)) {
            return BAD_CHANNEL;
        }
        int windowStart = channelEnd + 1;
        int windowEnd = rawPath.indexOf('/', windowStart);
        boolean stream = windowEnd < 0;
        if (stream) {
            if (!rawPath.endsWith(TS) || rawPath.length() - TS.length() <= windowStart) {
                return rawPath.length() == windowStart || isWindow(rawPath, windowStart, rawPath.length())
                        ? NOT_FOUND : BAD_WINDOW;
            }
            windowEnd = rawPath.length() - TS.length();
        }
        int dash = rawPath.indexOf('-', windowStart);
        if (dash < 0 || dash >= windowEnd) {
            return BAD_WINDOW;
        }
        long start = parseSequence(rawPath, windowStart, dash);
        long seconds = parseSequence(rawPath, dash + 1, windowEnd);
        if (start < 0 || seconds < 1 || seconds > MAX_ARCHIVE_SECONDS || start > Long.MAX_VALUE - seconds) {
            return BAD_WINDOW;
        }
        String token = rawPath.substring(tokenStart, tokenEnd);
        String scope = rawPath.substring(scopeStart, windowEnd);
        String channel = rawPath.substring(channelStart, channelEnd);
        if (stream) {
            return new Route.ArchiveStream(token, scope, channel, start, seconds);
        }
        int leafStart = windowEnd + 1;
        if (rawPath.startsWith(KEY_DIR, leafStart)) {
            String keyId = keyId(rawPath, leafStart + KEY_DIR.length());
            return keyId == null ? BAD_KEY
                    : new Route.ArchiveKey(token, scope, channel, start, seconds, keyId);
        }
        if (rawPath.indexOf('/', leafStart) >= 0) {
            return NOT_FOUND;
        }
        if (rawPath.startsWith(MULTIVARIANT, leafStart) && rawPath.length() == leafStart + MULTIVARIANT.length()) {
            return new Route.ArchivePlaylist(token, scope, channel, start, seconds);
        }
        if (rawPath.endsWith(TS)) {
            long sequence = parseSequence(rawPath, leafStart, rawPath.length() - TS.length());
            return sequence < 0 ? BAD_SEQUENCE
                    : new Route.ArchiveSegment(token, scope, channel, start, seconds, sequence);
        }
        return NOT_FOUND;
    }

    private static boolean isWindow(String s, int from, int to) {
        int dash = s.indexOf('-', from);
        if (dash < 0 || dash >= to) {
            return false;
        }
        long seconds = parseSequence(s, dash + 1, to);
        return parseSequence(s, from, dash) >= 0 && seconds >= 1 && seconds <= MAX_ARCHIVE_SECONDS;
    }

    private static Route vod(String rawPath, int tokenStart, int tokenEnd, int scopeStart, int kindLength) {
        int idStart = scopeStart + kindLength;
        if (rawPath.length() == idStart) {
            return NOT_FOUND;
        }
        if (rawPath.indexOf('/', idStart) >= 0) {
            return BAD_ID;
        }
        int dot = rawPath.lastIndexOf('.');
        if (dot < idStart) {
            return isVodId(rawPath, idStart, rawPath.length()) ? NOT_FOUND : BAD_ID;
        }
        if (!isVodId(rawPath, idStart, dot) || !isExtension(rawPath, dot + 1, rawPath.length())) {
            return BAD_ID;
        }
        return new Route.Vod(rawPath.substring(tokenStart, tokenEnd), rawPath.substring(scopeStart, dot),
                rawPath.substring(dot + 1));
    }

    /** Whether {@code id} is a film or episode id that HTTP can address: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}. */
    public static boolean isVodId(CharSequence id) {
        return id != null && isVodId(id, 0, id.length());
    }

    private static boolean isVodId(CharSequence s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_ID_LENGTH || !isAlnum(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isExtension(CharSequence s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_EXTENSION_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
    }

    private static Route live(String rawPath, String token, int scopeStart) {
        int channelStart = scopeStart + LIVE_SCOPE.length();
        int slash = rawPath.indexOf('/', channelStart);
        if (slash < 0) {
            // live/{channel}.ts
            if (!rawPath.endsWith(TS)) {
                return rawPath.length() == channelStart ? NOT_FOUND : unknownOrMalformed(rawPath, channelStart);
            }
            int channelEnd = rawPath.length() - TS.length();
            if (!isChannelId(rawPath, channelStart, channelEnd)) {
                return BAD_CHANNEL;
            }
            return new Route.Stream(token, rawPath.substring(scopeStart, channelEnd));
        }
        if (!isChannelId(rawPath, channelStart, slash)) {
            return BAD_CHANNEL;
        }
        int leafStart = slash + 1;
        if (rawPath.startsWith(KEY_DIR, leafStart)) {
            String keyId = keyId(rawPath, leafStart + KEY_DIR.length());
            return keyId == null ? BAD_KEY : new Route.Key(token, rawPath.substring(scopeStart, slash), keyId);
        }
        if (rawPath.indexOf('/', leafStart) >= 0) {
            return NOT_FOUND;
        }
        if (rawPath.startsWith(MULTIVARIANT, leafStart) && rawPath.length() == leafStart + MULTIVARIANT.length()) {
            return new Route.MultivariantPlaylist(token, rawPath.substring(scopeStart, slash));
        }
        if (rawPath.startsWith(MEDIA, leafStart) && rawPath.length() == leafStart + MEDIA.length()) {
            return new Route.MediaPlaylist(token, rawPath.substring(scopeStart, slash));
        }
        if (rawPath.endsWith(TS)) {
            long sequence = parseSequence(rawPath, leafStart, rawPath.length() - TS.length());
            return sequence < 0 ? BAD_SEQUENCE
                    : new Route.Segment(token, rawPath.substring(scopeStart, slash), sequence);
        }
        return NOT_FOUND;
    }

    /** The key id of {@code {keyId}.key} from {@code from} to the end of the path, or null when it is not one. */
    private static String keyId(String rawPath, int from) {
        if (!rawPath.endsWith(KEY)) {
            return null;
        }
        int to = rawPath.length() - KEY.length();
        int length = to - from;
        if (length < 1 || length > MAX_KEY_ID_LENGTH) {
            return null;
        }
        for (int i = from; i < to; i++) {
            char c = rawPath.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return rawPath.substring(from, to);
    }

    /** Whether {@code id} is a channel id that HTTP can address; the headend should refuse any other. */
    public static boolean isChannelId(CharSequence id) {
        return id != null && isChannelId(id, 0, id.length());
    }

    /** Whether {@code text} may be handed to the gate as a token: 1..128 of {@code [0-9a-f-]}. */
    static boolean isToken(CharSequence text) {
        return text != null && isToken(text, 0, text.length());
    }

    private static boolean isToken(CharSequence s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_TOKEN_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Route unknownOrMalformed(String rawPath, int channelStart) {
        // "live/x" with no suffix: a well-formed id is just an unknown resource, anything else is malformed.
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
