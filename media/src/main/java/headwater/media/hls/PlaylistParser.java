package headwater.media.hls;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads media and multivariant playlists received from outside (RFC 8216 §4), such as the remote live playlists an
 * {@code hls+http} source follows.
 *
 * <p>Tolerant where real servers differ: a byte order mark, CRLF or CR line ends, blank lines, surrounding white
 * space, comments and unknown tags are accepted. Strict where a wrong guess would hurt: a value that is not what its
 * tag needs fails with a {@link PlaylistParseException} naming the line. Relative URIs (segments, keys, maps,
 * variants) are resolved against the playlist's own URI. Nothing but that exception is thrown for any input.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlaylistParser {
    /** Playlists larger than this are refused by default: a 10 000-segment live window is about 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

    private static final Pattern BYTE_RANGE = Pattern.compile("([0-9]{1,18})(?:@([0-9]{1,18}))?");
    private static final Pattern RESOLUTION = Pattern.compile("([0-9]{1,5})[xX]([0-9]{1,5})");
    private static final Pattern IV = Pattern.compile("0[xX]([0-9a-fA-F]{1,32})");
    private static final Pattern DECIMAL = Pattern.compile("([0-9]{1,12})(?:\\.([0-9]*))?");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("(.*[+-][0-9]{2})([0-9]{2})");

    private final int maxBytes;

    public PlaylistParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public PlaylistParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("size limit " + maxBytes + " must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Parses a playlist of either kind.
     *
     * @param base the URI the playlist was fetched from, to resolve relative URIs against; null keeps them as written
     */
    public Playlist parse(byte[] body, URI base) throws PlaylistParseException {
        if (body.length > maxBytes) {
            throw new PlaylistParseException(0, "playlist is " + body.length + " bytes, more than the limit of "
                    + maxBytes);
        }
        return parse(new String(body, StandardCharsets.UTF_8), base);
    }

    public Playlist parse(String text, URI base) throws PlaylistParseException {
        if (text.length() > maxBytes) {
            throw new PlaylistParseException(0, "playlist is " + text.length() + " characters, more than the limit of "
                    + maxBytes);
        }
        return new Reading(base).read(text);
    }

    public MediaPlaylist parseMedia(byte[] body, URI base) throws PlaylistParseException {
        if (parse(body, base) instanceof MediaPlaylist m) {
            return m;
        }
        throw new PlaylistParseException(0, "expected a media playlist, got a multivariant playlist");
    }

    public MultivariantPlaylist parseMultivariant(byte[] body, URI base) throws PlaylistParseException {
        if (parse(body, base) instanceof MultivariantPlaylist m) {
            return m;
        }
        throw new PlaylistParseException(0, "expected a multivariant playlist, got a media playlist");
    }

    /** The state of one parse. */
    private static final class Reading {
        private final URI base;
        private int line;

        // media playlist
        private Duration targetDuration;
        private long mediaSequence;
        private long discontinuitySequence;
        private boolean endList;
        private PlaylistType playlistType;
        private boolean independentSegments;
        private final List<PlaylistSegment> segments = new ArrayList<>();
        private int firstSegmentLine;
        private Duration pendingDuration;
        private int pendingDurationLine;
        private String pendingTitle;
        private boolean pendingDiscontinuity;
        private Instant pendingDateTime;
        private long pendingRangeLength = -1;
        private long pendingRangeOffset = -1;
        private int pendingRangeLine;
        private SegmentKey key;
        private MediaInitializationSection map;

        // multivariant playlist
        private final List<VariantStream> variants = new ArrayList<>();
        private int firstVariantLine;
        private Map<String, String> pendingVariant;
        private int pendingVariantLine;

        Reading(URI base) {
            this.base = base;
        }

        Playlist read(String text) throws PlaylistParseException {
            int pos = 0;
            int n = text.length();
            while (pos < n || line == 0) {
                int end = pos;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                String raw = text.substring(pos, end);
                pos = end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n'
                        ? end + 2
                        : end + 1;
                line++;
                if (line == 1) {
                    String first = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
                    if (!first.strip().equals("#EXTM3U")) {
                        throw new PlaylistParseException(1, "expected #EXTM3U, found '" + Excerpt.of(first) + "'");
                    }
                    continue;
                }
                String l = raw.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("#EXT")) {
                    tag(l);
                } else if (!l.startsWith("#")) {
                    uri(l);
                }
            }
            return finish();
        }

        private void tag(String l) throws PlaylistParseException {
            int colon = l.indexOf(':');
            String name = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1).strip();
            switch (name) {
                case "#EXT-X-VERSION" -> integer(name, value);
                case "#EXT-X-TARGETDURATION" -> {
                    Duration d = decimalSeconds(name, value);
                    targetDuration = Duration.ofSeconds(d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
                }
                case "#EXT-X-MEDIA-SEQUENCE" -> mediaSequence = integer(name, value);
                case "#EXT-X-DISCONTINUITY-SEQUENCE" -> discontinuitySequence = integer(name, value);
                case "#EXT-X-ENDLIST" -> endList = true;
                case "#EXT-X-INDEPENDENT-SEGMENTS" -> independentSegments = true;
                case "#EXT-X-PLAYLIST-TYPE" -> playlistType = switch (value) {
                    case "VOD" -> PlaylistType.VOD;
                    case "EVENT" -> PlaylistType.EVENT;
                    default -> throw error(name + " '" + Excerpt.of(value) + "' is neither VOD nor EVENT");
                };
                case "#EXTINF" -> extinf(value);
                case "#EXT-X-BYTERANGE" -> {
                    Matcher m = BYTE_RANGE.matcher(value);
                    if (!m.matches()) {
                        throw error(name + " '" + Excerpt.of(value) + "' is not <length>[@<offset>]");
                    }
                    pendingRangeLength = Long.parseLong(m.group(1));
                    pendingRangeOffset = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
                    pendingRangeLine = line;
                }
                case "#EXT-X-DISCONTINUITY" -> pendingDiscontinuity = true;
                case "#EXT-X-PROGRAM-DATE-TIME" -> pendingDateTime = dateTime(name, value);
                case "#EXT-X-KEY" -> key(AttributeList.parse(value, line, name));
                case "#EXT-X-MAP" -> map(AttributeList.parse(value, line, name));
                case "#EXT-X-STREAM-INF" -> {
                    if (pendingVariant != null) {
                        throw error(name + " follows the one on line " + pendingVariantLine + " without a URI between");
                    }
                    pendingVariant = AttributeList.parse(value, line, name);
                    pendingVariantLine = line;
                    if (firstVariantLine == 0) {
                        firstVariantLine = line;
                    }
                }
                default -> {
                    // RFC 8216 §6.3.1: unknown tags are ignored
                }
            }
        }

        private void extinf(String value) throws PlaylistParseException {
            int comma = value.indexOf(',');
            String duration = (comma < 0 ? value : value.substring(0, comma)).strip();
            pendingDuration = decimalSeconds("#EXTINF duration", duration);
            pendingTitle = comma < 0 ? "" : value.substring(comma + 1).strip();
            pendingDurationLine = line;
            if (firstSegmentLine == 0) {
                firstSegmentLine = line;
            }
        }

        private void key(Map<String, String> a) throws PlaylistParseException {
            String methodName = a.get("METHOD");
            if (methodName == null) {
                throw error("#EXT-X-KEY has no METHOD");
            }
            KeyMethod method = KeyMethod.ofTag(methodName);
            if (method == null) {
                throw error("#EXT-X-KEY METHOD '" + Excerpt.of(methodName)
                        + "' is not one of NONE, AES-128, SAMPLE-AES, SAMPLE-AES-CTR");
            }
            if (method == KeyMethod.NONE) {
                key = null;
                return;
            }
            String uri = a.get("URI");
            if (uri == null || uri.isEmpty()) {
                throw error("#EXT-X-KEY METHOD=" + method.tag() + " has no URI");
            }
            byte[] iv = null;
            String ivText = a.get("IV");
            if (ivText != null) {
                Matcher m = IV.matcher(ivText);
                if (!m.matches()) {
                    throw error("#EXT-X-KEY IV '" + Excerpt.of(ivText) + "' is not a 128-bit hexadecimal-sequence");
                }
                String hex = "0".repeat(32 - m.group(1).length()) + m.group(1);
                iv = new byte[16];
                for (int i = 0; i < 16; i++) {
                    iv[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
                }
            }
            key = new SegmentKey(method, resolve(uri, "#EXT-X-KEY URI"), iv, a.get("KEYFORMAT"),
                    a.get("KEYFORMATVERSIONS"));
        }

        private void map(Map<String, String> a) throws PlaylistParseException {
            String uri = a.get("URI");
            if (uri == null || uri.isEmpty()) {
                throw error("#EXT-X-MAP has no URI");
            }
            ByteRange range = null;
            String rangeText = a.get("BYTERANGE");
            if (rangeText != null) {
                Matcher m = BYTE_RANGE.matcher(rangeText);
                if (!m.matches()) {
                    throw error("#EXT-X-MAP BYTERANGE '" + Excerpt.of(rangeText) + "' is not <length>[@<offset>]");
                }
                range = new ByteRange(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
            }
            map = new MediaInitializationSection(resolve(uri, "#EXT-X-MAP URI"), range);
        }

        private void uri(String l) throws PlaylistParseException {
            if (pendingVariant != null) {
                variants.add(variant(pendingVariant, resolve(l, "variant URI")));
                pendingVariant = null;
                return;
            }
            if (pendingDuration == null) {
                throw error("URI '" + Excerpt.of(l) + "' has no #EXTINF or #EXT-X-STREAM-INF before it");
            }
            String uri = resolve(l, "segment URI");
            ByteRange range = null;
            if (pendingRangeLength >= 0) {
                long offset = pendingRangeOffset;
                if (offset < 0) {
                    PlaylistSegment previous = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                    if (previous == null || previous.byteRange() == null || !previous.uri().equals(uri)) {
                        throw new PlaylistParseException(pendingRangeLine, "#EXT-X-BYTERANGE has no offset and does "
                                + "not follow a sub-range of the same resource");
                    }
                    offset = previous.byteRange().end();
                }
                range = new ByteRange(pendingRangeLength, offset);
            }
            segments.add(new PlaylistSegment(uri, pendingDuration, pendingTitle, pendingDiscontinuity,
                    pendingDateTime, range, key, map));
            pendingDuration = null;
            pendingTitle = null;
            pendingDiscontinuity = false;
            pendingDateTime = null;
            pendingRangeLength = -1;
            pendingRangeOffset = -1;
        }

        private VariantStream variant(Map<String, String> a, String uri) throws PlaylistParseException {
            int at = line;
            line = pendingVariantLine;
            String bandwidth = a.get("BANDWIDTH");
            if (bandwidth == null) {
                throw error("#EXT-X-STREAM-INF has no BANDWIDTH");
            }
            long peak = integer("#EXT-X-STREAM-INF BANDWIDTH", bandwidth);
            String average = a.get("AVERAGE-BANDWIDTH");
            long mean = average == null ? 0 : integer("#EXT-X-STREAM-INF AVERAGE-BANDWIDTH", average);
            Resolution resolution = null;
            String resolutionText = a.get("RESOLUTION");
            if (resolutionText != null) {
                Matcher m = RESOLUTION.matcher(resolutionText);
                int w = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                int h = m.matches() ? Integer.parseInt(m.group(2)) : 0;
                if (w <= 0 || h <= 0) {
                    throw error("#EXT-X-STREAM-INF RESOLUTION '" + Excerpt.of(resolutionText)
                            + "' is not <width>x<height>");
                }
                resolution = new Resolution(w, h);
            }
            double frameRate = 0;
            String frameRateText = a.get("FRAME-RATE");
            if (frameRateText != null) {
                Duration asSeconds = decimalSeconds("#EXT-X-STREAM-INF FRAME-RATE", frameRateText);
                frameRate = asSeconds.getSeconds() + asSeconds.getNano() / 1e9;
            }
            line = at;
            return new VariantStream(uri, peak, mean, a.get("CODECS"), resolution, frameRate);
        }

        private Playlist finish() throws PlaylistParseException {
            if (pendingVariant != null) {
                throw new PlaylistParseException(pendingVariantLine, "#EXT-X-STREAM-INF has no URI after it");
            }
            if (pendingDuration != null) {
                throw new PlaylistParseException(pendingDurationLine, "#EXTINF has no URI after it");
            }
            if (firstVariantLine > 0) {
                if (firstSegmentLine > 0) {
                    throw new PlaylistParseException(0, "playlist mixes media segments (line " + firstSegmentLine
                            + ") and variant streams (line " + firstVariantLine + ")");
                }
                return new MultivariantPlaylist(independentSegments, variants);
            }
            if (targetDuration == null) {
                throw new PlaylistParseException(0, "media playlist has no #EXT-X-TARGETDURATION");
            }
            return new MediaPlaylist(targetDuration, mediaSequence, discontinuitySequence, segments, endList,
                    playlistType, independentSegments);
        }

        private long integer(String what, String value) throws PlaylistParseException {
            if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error(what + " '" + Excerpt.of(value) + "' is not a number");
            }
            if (value.length() > 18) {
                throw error(what + " '" + Excerpt.of(value) + "' is out of range");
            }
            return Long.parseLong(value);
        }

        /** A decimal-floating-point number of seconds, exact to the nanosecond (further digits are cut). */
        private Duration decimalSeconds(String what, String value) throws PlaylistParseException {
            Matcher m = DECIMAL.matcher(value);
            if (!m.matches()) {
                throw error(what + " '" + Excerpt.of(value) + "' is not a number");
            }
            long seconds = Long.parseLong(m.group(1));
            String fraction = m.group(2) == null ? "" : m.group(2);
            fraction = fraction.length() > 9 ? fraction.substring(0, 9) : fraction + "0".repeat(9 - fraction.length());
            return Duration.ofSeconds(seconds, Long.parseLong(fraction));
        }

        private Instant dateTime(String what, String value) throws PlaylistParseException {
            try {
                return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // servers also write +0000 for +00:00, or leave the offset out
            }
            try {
                Matcher m = OFFSET_WITHOUT_COLON.matcher(value);
                if (m.matches()) {
                    return OffsetDateTime.parse(m.group(1) + ":" + m.group(2), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
                }
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw error(what + " '" + Excerpt.of(value) + "' is not an ISO 8601 date-time");
            }
        }

        private String resolve(String reference, String what) throws PlaylistParseException {
            if (base == null) {
                return reference;
            }
            try {
                return base.resolve(new URI(reference)).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw error(what + " '" + Excerpt.of(reference) + "' is not a valid URI");
            }
        }

        private PlaylistParseException error(String problem) {
            return new PlaylistParseException(line, problem);
        }
    }
}
