package headwater.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The media playlist (RFC 8216 §4.4.3) of an archive window: its segments from the one holding the window's start
 * (a keyframe at or before it) to the last that starts before the window's end, with relative URIs
 * {@code {sequence}.ts}. A window that is over is a finished VOD playlist ({@code EXT-X-PLAYLIST-TYPE:VOD},
 * {@code EXT-X-ENDLIST}); a window that still reaches into the future is an {@code EVENT} playlist without
 * {@code EXT-X-ENDLIST}, which players reload as it grows. An encrypted segment is preceded by its
 * {@code EXT-X-KEY} (METHOD=AES-128, the relative {@code key/{keyId}.key} inside the same session, its IV).
 */
final class WindowPlaylist {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_INSTANT;

    private WindowPlaylist() {
    }

    /**
     * @param segments the window's segments in sequence order, not empty
     * @param over     whether the window has ended (nothing more will be recorded into it)
     */
    static byte[] render(List<ArchivedSegment> segments, boolean over) {
        long longestMicros = 0;
        for (ArchivedSegment segment : segments) {
            longestMicros = Math.max(longestMicros, segment.durationMicros());
        }
        // RFC 8216 §4.3.3.1: every EXTINF rounded to the nearest integer must not exceed the target duration.
        long target = Math.max(1, (longestMicros + 500_000) / 1_000_000);
        StringBuilder out = new StringBuilder(128 + segments.size() * 64);
        out.append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:").append(target)
                .append("\n#EXT-X-MEDIA-SEQUENCE:").append(segments.getFirst().sequence())
                .append("\n#EXT-X-PLAYLIST-TYPE:").append(over ? "VOD" : "EVENT").append('\n');
        boolean first = true;
        boolean clear = true;
        for (ArchivedSegment segment : segments) {
            if (segment.encrypted()) {
                out.append("#EXT-X-KEY:METHOD=AES-128,URI=\"key/").append(segment.keyId()).append(".key\",IV=0x")
                        .append(HexFormat.of().withUpperCase().formatHex(segment.iv())).append('\n');
                clear = false;
            } else if (!clear) {
                out.append("#EXT-X-KEY:METHOD=NONE\n");
                clear = true;
            }
            if (segment.discontinuity() && !first) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (first || segment.discontinuity()) {
                out.append("#EXT-X-PROGRAM-DATE-TIME:").append(dateTime(segment.start())).append('\n');
            }
            out.append("#EXTINF:").append(seconds(segment.durationMicros())).append(",\n")
                    .append(segment.sequence()).append(".ts\n");
            first = false;
        }
        if (over) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Milliseconds precision, as players want it: {@code 2026-11-21T14:00:00.000Z}. */
    private static String dateTime(Instant instant) {
        Instant millis = Instant.ofEpochMilli(instant.toEpochMilli());
        String text = DATE_TIME.format(millis);
        return millis.getNano() == 0 ? text.substring(0, text.length() - 1) + ".000Z" : text;
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%03d", micros / 1_000_000, (micros % 1_000_000) / 1_000);
    }
}
