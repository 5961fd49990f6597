package headwater.media.hls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders playlists as the exact text of RFC 8216: LF line ends, UTF-8, tags in a fixed order, so a rendered playlist
 * can be compared byte for byte and {@link PlaylistParser} reads back what was written.
 *
 * <p>{@code EXT-X-VERSION} is the lowest version the features in use need (§7): 3 for decimal {@code EXTINF}, 4 with
 * byte ranges, 5 with a {@code KEYFORMAT}, 6 with {@code EXT-X-MAP}.
 */
public final class PlaylistWriter {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PlaylistWriter() {}

    public static byte[] render(Playlist playlist) {
        String text = switch (playlist) {
            case MediaPlaylist m -> render(m);
            case MultivariantPlaylist m -> render(m);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String render(MediaPlaylist playlist) {
        StringBuilder b = new StringBuilder(128 + 96 * playlist.segments().size());
        b.append("#EXTM3U\n");
        b.append("#EXT-X-VERSION:").append(version(playlist)).append('\n');
        b.append("#EXT-X-TARGETDURATION:").append(targetDurationSeconds(playlist)).append('\n');
        b.append("#EXT-X-MEDIA-SEQUENCE:").append(playlist.mediaSequence()).append('\n');
        b.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(playlist.discontinuitySequence()).append('\n');
        if (playlist.playlistType() != null) {
            b.append("#EXT-X-PLAYLIST-TYPE:").append(playlist.playlistType().name()).append('\n');
        }
        if (playlist.independentSegments()) {
            b.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        }
        SegmentKey key = null;
        MediaInitializationSection map = null;
        for (PlaylistSegment s : playlist.segments()) {
            if (s.discontinuity()) {
                b.append("#EXT-X-DISCONTINUITY\n");
            }
            if (!Objects.equals(key, s.key())) {
                key = s.key();
                appendKey(b, key);
            }
            if (!Objects.equals(map, s.map()) && s.map() != null) {
                map = s.map();
                b.append("#EXT-X-MAP:URI=").append(quoted(map.uri()));
                if (map.byteRange() != null) {
                    b.append(",BYTERANGE=\"").append(map.byteRange().length()).append('@')
                            .append(map.byteRange().offset()).append('"');
                }
                b.append('\n');
            }
            if (s.programDateTime() != null) {
                appendDateTime(b.append("#EXT-X-PROGRAM-DATE-TIME:"), s.programDateTime()).append('\n');
            }
            appendSeconds(b.append("#EXTINF:"), s.duration()).append(',').append(oneLine(s.title()))
                    .append('\n');
            if (s.byteRange() != null) {
                b.append("#EXT-X-BYTERANGE:").append(s.byteRange().length()).append('@').append(s.byteRange().offset())
                        .append('\n');
            }
            b.append(uriLine(s.uri())).append('\n');
        }
        if (playlist.endList()) {
            b.append("#EXT-X-ENDLIST\n");
        }
        return b.toString();
    }

    public static String render(MultivariantPlaylist playlist) {
        StringBuilder b = new StringBuilder(64 + 160 * playlist.variants().size());
        b.append("#EXTM3U\n");
        b.append("#EXT-X-VERSION:3\n");
        if (playlist.independentSegments()) {
            b.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        }
        for (VariantStream v : playlist.variants()) {
            b.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(v.bandwidth());
            if (v.averageBandwidth() > 0) {
                b.append(",AVERAGE-BANDWIDTH=").append(v.averageBandwidth());
            }
            if (!v.codecs().isEmpty()) {
                b.append(",CODECS=").append(quoted(v.codecs()));
            }
            if (v.resolution() != null) {
                b.append(",RESOLUTION=").append(v.resolution().width()).append('x').append(v.resolution().height());
            }
            if (v.frameRate() > 0) {
                b.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.frameRate()));
            }
            b.append('\n').append(uriLine(v.uri())).append('\n');
        }
        return b.toString();
    }

    /**
     * {@code EXT-X-TARGETDURATION}: the playlist's target in whole seconds (rounded up), or the longest {@code EXTINF}
     * rounded to the nearest second if that is longer, as §4.3.3.1 requires.
     */
    public static long targetDurationSeconds(MediaPlaylist playlist) {
        Duration target = playlist.targetDuration();
        long seconds = target.getSeconds() + (target.getNano() > 0 ? 1 : 0);
        for (PlaylistSegment s : playlist.segments()) {
            long rounded = s.duration().plusMillis(500).getSeconds();
            seconds = Math.max(seconds, rounded);
        }
        return seconds;
    }

    /** {@code EXTINF} seconds: at least three decimals, more only when the duration needs them. */
    static String formatSeconds(Duration d) {
        return appendSeconds(new StringBuilder(16), d).toString();
    }

    private static StringBuilder appendSeconds(StringBuilder b, Duration d) {
        return appendFraction(b.append(d.getSeconds()).append('.'), d.getNano());
    }

    /** {@code 2026-11-21T05:00:00.000Z}: milliseconds, or finer only when the instant has finer digits. */
    static String formatDateTime(Instant instant) {
        return appendDateTime(new StringBuilder(32), instant).toString();
    }

    /**
     * Appends the date and time digit by digit: every live playlist lists one per segment and is rendered again for
     * each new segment of every channel, and {@link DateTimeFormatter} made most of a headend's garbage doing it.
     */
    private static StringBuilder appendDateTime(StringBuilder b, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            DATE_TIME.formatTo(instant, b); // "+10000-...": beyond four digits, as the pattern prints them
        } else {
            digits(b, t.getYear(), 4).append('-');
            digits(b, t.getMonthValue(), 2).append('-');
            digits(b, t.getDayOfMonth(), 2).append('T');
            digits(b, t.getHour(), 2).append(':');
            digits(b, t.getMinute(), 2).append(':');
            digits(b, t.getSecond(), 2);
        }
        return appendFraction(b.append('.'), instant.getNano()).append('Z');
    }

    /** Nine digits of nanoseconds with the trailing zeros after the third dropped. */
    private static StringBuilder appendFraction(StringBuilder b, int nanos) {
        int width = 9;
        while (width > 3 && nanos % 10 == 0) {
            nanos /= 10;
            width--;
        }
        return digits(b, nanos, width);
    }

    /** {@code value} (&gt;= 0) in {@code width} digits, zero-padded. */
    private static StringBuilder digits(StringBuilder b, int value, int width) {
        for (int scale = POWERS_OF_TEN[width - 1]; scale > 0; scale /= 10) {
            b.append((char) ('0' + value / scale % 10));
        }
        return b;
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static int version(MediaPlaylist playlist) {
        int version = 3;
        for (PlaylistSegment s : playlist.segments()) {
            if (s.byteRange() != null) {
                version = Math.max(version, 4);
            }
            if (s.key() != null && (!s.key().keyFormat().equals(SegmentKey.IDENTITY)
                    || !s.key().keyFormatVersions().equals("1"))) {
                version = Math.max(version, 5);
            }
            if (s.map() != null) {
                version = Math.max(version, 6);
            }
        }
        return version;
    }

    private static void appendKey(StringBuilder b, SegmentKey key) {
        if (key == null) {
            b.append("#EXT-X-KEY:METHOD=NONE\n");
            return;
        }
        b.append("#EXT-X-KEY:METHOD=").append(key.method().tag()).append(",URI=").append(quoted(key.uri()));
        byte[] iv = key.iv();
        if (iv != null) {
            b.append(",IV=0x").append(HexFormat.of().withUpperCase().formatHex(iv));
        }
        if (!key.keyFormat().equals(SegmentKey.IDENTITY)) {
            b.append(",KEYFORMAT=").append(quoted(key.keyFormat()));
        }
        if (!key.keyFormatVersions().equals("1")) {
            b.append(",KEYFORMATVERSIONS=").append(quoted(key.keyFormatVersions()));
        }
        b.append('\n');
    }

    /** A quoted-string may hold neither a double quote nor a line end (§4.2). */
    private static String quoted(String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("'" + value + "' cannot be written as a quoted-string");
        }
        return '"' + value + '"';
    }

    private static String oneLine(String title) {
        if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("EXTINF title '" + title + "' spans lines");
        }
        return title;
    }

    private static String uriLine(String uri) {
        if (uri.isBlank() || uri.startsWith("#") || uri.indexOf('\n') >= 0 || uri.indexOf('\r') >= 0
                || !uri.equals(uri.strip())) {
            throw new IllegalArgumentException("'" + uri + "' cannot be written as a URI line");
        }
        return uri;
    }
}
