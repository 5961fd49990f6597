package headwater.api.xtream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The grammar of {@link MediaUrl}, in one pass over the path's segments, without regular expressions. */
final class MediaUrlParser {

    static final String TIMESHIFT_PHP = "/streaming/timeshift.php";

    /** First segments that are never a username of the short form: the long forms' words and our own paths. */
    private static final Set<String> NOT_SHORT = Set.of("live", "movie", "series", "timeshift", "timeshifts",
            "streaming", "s", "api", "healthz", "metrics");
    private static final int MAX_SEGMENTS = 6;
    private static final int MAX_EXTENSION = 8; // as delivery's MediaPath

    private static final MediaUrl NOT_MEDIA = new MediaUrl.NotMedia();
    private static final MediaUrl BAD_ENCODING = new MediaUrl.Malformed("path",
            "invalid percent-encoding or UTF-8 in a path segment");
    private static final MediaUrl BAD_DURATION = new MediaUrl.Malformed("duration",
            "expected whole minutes, 1 to " + MediaUrl.MAX_MINUTES);
    private static final MediaUrl BAD_FORMAT = new MediaUrl.Malformed("extension", "expected .ts or .m3u8");
    private static final MediaUrl BAD_CONTAINER = new MediaUrl.Malformed("extension",
            "expected the container extension (1 to " + MAX_EXTENSION + " letters or digits), e.g. .mp4");
    private static final MediaUrl BAD_STREAM = new MediaUrl.Malformed("stream", "expected a stream id number");

    private MediaUrlParser() {
    }

    static MediaUrl parse(String rawPath, Function<String, String> query, ZoneId zone) {
        if (rawPath == null || rawPath.length() < 2 || rawPath.charAt(0) != '/') {
            return NOT_MEDIA;
        }
        if (rawPath.equals(TIMESHIFT_PHP)) {
            return timeshiftQuery(query, zone);
        }
        String[] raw = rawPath.substring(1).split("/", MAX_SEGMENTS + 1);
        if (raw.length > MAX_SEGMENTS) {
            return NOT_MEDIA;
        }
        return switch (raw[0]) {
            case "live" -> live(raw);
            case "movie", "series" -> vod(raw, raw[0].equals("movie"));
            case "timeshift" -> timeshift(raw, zone, false);
            case "timeshifts" -> timeshift(raw, zone, true);
            default -> raw.length == 3 && !NOT_SHORT.contains(raw[0]) ? shortLive(raw) : NOT_MEDIA;
        };
    }

    /** {@code /live/{u}/{p}/{file}} or {@code /live/{token}/{file}}. */
    private static MediaUrl live(String[] raw) {
        if (raw.length != 3 && raw.length != 4) {
            return NOT_MEDIA;
        }
        Object credentials = credentials(raw, 1, raw.length - 1);
        if (credentials instanceof MediaUrl refused) {
            return refused;
        }
        return liveFile((MediaCredentials) credentials, raw[raw.length - 1], false);
    }

    /** {@code /{u}/{p}/{id}[.ts|.m3u8]}: only a number with a live extension, else some other path. */
    private static MediaUrl shortLive(String[] raw) {
        MediaUrl file = liveFile(new MediaCredentials.Token("-"), raw[2], true);
        if (!(file instanceof MediaUrl.Live)) {
            return NOT_MEDIA;
        }
        Object credentials = credentials(raw, 0, 2);
        if (credentials instanceof MediaUrl refused) {
            return refused;
        }
        MediaUrl.Live live = (MediaUrl.Live) file;
        return new MediaUrl.Live((MediaCredentials) credentials, live.stream(), live.hls());
    }

    private static MediaUrl liveFile(MediaCredentials credentials, String file, boolean strict) {
        int dot = file.lastIndexOf('.');
        int stream = number(file, 0, dot < 0 ? file.length() : dot);
        if (stream < 0) {
            return NOT_MEDIA;
        }
        if (dot < 0) {
            return new MediaUrl.Live(credentials, stream, false);
        }
        Boolean hls = hls(file.substring(dot + 1));
        if (hls == null) {
            return strict ? NOT_MEDIA : BAD_FORMAT;
        }
        return new MediaUrl.Live(credentials, stream, hls);
    }

    /** {@code /movie|series/{u}/{p}/{id}.{ext}} or with a token. */
    private static MediaUrl vod(String[] raw, boolean movie) {
        if (raw.length != 3 && raw.length != 4) {
            return NOT_MEDIA;
        }
        Object credentials = credentials(raw, 1, raw.length - 1);
        if (credentials instanceof MediaUrl refused) {
            return refused;
        }
        String file = raw[raw.length - 1];
        int dot = file.lastIndexOf('.');
        int stream = number(file, 0, dot < 0 ? file.length() : dot);
        if (stream < 0) {
            return NOT_MEDIA;
        }
        String extension = dot < 0 ? null : file.substring(dot + 1);
        if (!isContainer(extension)) {
            return BAD_CONTAINER;
        }
        extension = extension.toLowerCase(Locale.ROOT);
        MediaCredentials who = (MediaCredentials) credentials;
        return movie ? new MediaUrl.Movie(who, stream, extension) : new MediaUrl.Episode(who, stream, extension);
    }

    /**
     * {@code /timeshift/{u}/{p}/{minutes}/{start}/{id}.{ext}} (XC), {@code /timeshifts/{u}/{p}/{minutes}/{id}/{start}.{ext}}
     * (XUI), or either with a token in place of u/p.
     */
    private static MediaUrl timeshift(String[] raw, ZoneId zone, boolean xui) {
        if (raw.length != 5 && raw.length != 6) {
            return NOT_MEDIA;
        }
        int at = raw.length - 3; // minutes, then two more segments
        Object credentials = credentials(raw, 1, at);
        if (credentials instanceof MediaUrl refused) {
            return refused;
        }
        String last = raw[at + 2];
        int dot = last.lastIndexOf('.');
        String bare = dot < 0 ? last : last.substring(0, dot);
        String idText = xui ? raw[at + 1] : bare;
        String startText = decode(xui ? bare : raw[at + 1]);
        int stream = number(idText, 0, idText.length());
        if (stream < 0 || startText == null) {
            return stream < 0 ? NOT_MEDIA : BAD_ENCODING;
        }
        Boolean hls = dot < 0 ? Boolean.FALSE : hls(last.substring(dot + 1));
        if (hls == null) {
            return BAD_FORMAT;
        }
        return window((MediaCredentials) credentials, stream, hls, startText, raw[at], zone);
    }

    /** {@code /streaming/timeshift.php?username=&password=&stream=&start=&duration=} (or {@code token=}). */
    private static MediaUrl timeshiftQuery(Function<String, String> query, ZoneId zone) {
        String token = query.apply("token");
        String username = query.apply("username");
        String password = query.apply("password");
        MediaCredentials credentials;
        if (username == null && password == null && token != null) {
            if (!fits(token)) {
                return tooLong("token");
            }
            credentials = new MediaCredentials.Token(token);
        } else {
            if (!fits(username)) {
                return tooLong("username");
            }
            if (!fits(password)) {
                return tooLong("password");
            }
            credentials = new MediaCredentials.Password(username, password);
        }
        String streamText = query.apply("stream");
        if (streamText == null) {
            return BAD_STREAM;
        }
        int dot = streamText.lastIndexOf('.');
        int stream = number(streamText, 0, dot < 0 ? streamText.length() : dot);
        if (stream < 0) {
            return BAD_STREAM;
        }
        String extension = dot >= 0 ? streamText.substring(dot + 1) : query.apply("extension");
        Boolean hls = extension == null ? Boolean.FALSE : hls(extension);
        if (hls == null) {
            return BAD_FORMAT;
        }
        String start = query.apply("start");
        String duration = query.apply("duration");
        if (start == null) {
            return badStart(zone);
        }
        return window(credentials, stream, hls, start, duration == null ? "" : duration, zone);
    }

    private static MediaUrl window(MediaCredentials credentials, int stream, boolean hls, String startText,
                                   String minutesText, ZoneId zone) {
        int minutes = number(minutesText, 0, minutesText.length());
        if (minutes < 1 || minutes > MediaUrl.MAX_MINUTES) {
            return BAD_DURATION;
        }
        Instant start = start(startText, zone);
        if (start == null) {
            return badStart(zone);
        }
        return new MediaUrl.Timeshift(credentials, stream, hls, start, minutes);
    }

    /**
     * {@code YYYY-MM-DD:HH-MM} or {@code YYYY-MM-DD:HH-MM-SS} in {@code zone}.
     *
     * @return the instant, or null when the text is not such a time, or is before 1970
     */
    static Instant start(String text, ZoneId zone) {
        int length = text.length();
        if (length != 16 && length != 19) {
            return null;
        }
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ':' || text.charAt(13) != '-'
                || (length == 19 && text.charAt(16) != '-')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = length == 19 ? digits(text, 17, 19) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            Instant start = LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant();
            return start.getEpochSecond() < 0 ? null : start;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static MediaUrl badStart(ZoneId zone) {
        return new MediaUrl.Malformed("start", "expected YYYY-MM-DD:HH-MM in the server's time zone (" + zone.getId()
                + "), not before 1970");
    }

    /**
     * The credentials in {@code raw[from..to)}: one segment is a token, two are a username and a password.
     *
     * @return a {@link MediaCredentials}, or the {@link MediaUrl.Malformed} answer
     */
    private static Object credentials(String[] raw, int from, int to) {
        if (to - from == 1) {
            String token = decode(raw[from]);
            if (token == null) {
                return BAD_ENCODING;
            }
            return fits(token) ? new MediaCredentials.Token(token) : tooLong("token");
        }
        String username = decode(raw[from]);
        String password = decode(raw[from + 1]);
        if (username == null || password == null) {
            return BAD_ENCODING;
        }
        if (!fits(username)) {
            return tooLong("username");
        }
        if (!fits(password)) {
            return tooLong("password");
        }
        return new MediaCredentials.Password(username, password);
    }

    private static boolean fits(String credential) {
        return credential != null && !credential.isEmpty() && credential.length() <= MediaUrl.MAX_CREDENTIAL;
    }

    private static MediaUrl tooLong(String field) {
        return new MediaUrl.Malformed(field, "must be 1 to " + MediaUrl.MAX_CREDENTIAL + " characters");
    }

    /** @return TRUE for m3u8, FALSE for ts (any case), null for anything else */
    private static Boolean hls(String extension) {
        if (extension.equalsIgnoreCase("ts")) {
            return Boolean.FALSE;
        }
        return extension.equalsIgnoreCase("m3u8") ? Boolean.TRUE : null;
    }

    private static boolean isContainer(String extension) {
        if (extension == null || extension.isEmpty() || extension.length() > MAX_EXTENSION) {
            return false;
        }
        for (int i = 0; i < extension.length(); i++) {
            char c = extension.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** @return the canonical decimal in {@code s[from..to)} (no sign, no leading zero) up to 2^31-1, else -1 */
    private static int number(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 10 || (length > 1 && s.charAt(from) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** @return the fixed-width decimal in {@code s[from..to)}, or -1 */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Percent-decodes a path segment (UTF-8; a '+' stays a '+', as in any path).
     *
     * @return the text, or null for a broken escape or bytes that are not UTF-8
     */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            int percent = segment.indexOf('%', i);
            if (percent != i) {
                int end = percent < 0 ? segment.length() : percent;
                byte[] plain = segment.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i = end;
                continue;
            }
            if (i + 3 > segment.length()) {
                return null;
            }
            int high = hex(segment.charAt(i + 1));
            int low = hex(segment.charAt(i + 2));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
