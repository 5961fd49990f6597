package headwater.headend;

import headwater.media.hls.MediaSegment;
import headwater.media.ts.StreamFormat;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a live channel's playlists (RFC 8216): the media playlist of the window and the multivariant playlist with
 * its single variant. The only place that knows the text format, so it can move onto the media module's playlist
 * classes without touching the window.
 */
final class LivePlaylists {
    static final String MEDIA_PLAYLIST = "media.m3u8";
    private static final DateTimeFormatter PROGRAM_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LivePlaylists() {}

    /**
     * @param segments the segments to list, oldest first, never empty; each carries the window's own sequence,
     *     discontinuity flag and discontinuity sequence (number of discontinuities up to and including it)
     */
    static byte[] media(List<MediaSegment> segments, int targetDurationSeconds) {
        MediaSegment first = segments.getFirst();
        StringBuilder b = new StringBuilder(64 + 96 * segments.size());
        b.append("#EXTM3U\n");
        b.append("#EXT-X-VERSION:3\n");
        b.append("#EXT-X-TARGETDURATION:").append(targetDurationSeconds).append('\n');
        b.append("#EXT-X-MEDIA-SEQUENCE:").append(first.sequence()).append('\n');
        b.append("#EXT-X-DISCONTINUITY-SEQUENCE:")
                .append(first.discontinuitySequence() - (first.discontinuity() ? 1 : 0)).append('\n');
        for (MediaSegment s : segments) {
            if (s.discontinuity()) {
                b.append("#EXT-X-DISCONTINUITY\n");
            }
            if (s.programDateTime() != null) {
                b.append("#EXT-X-PROGRAM-DATE-TIME:").append(PROGRAM_DATE_TIME.format(s.programDateTime())).append('\n');
            }
            b.append("#EXTINF:").append(String.format(Locale.ROOT, "%.3f", s.durationSeconds())).append(",\n");
            b.append(s.sequence()).append(".ts\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One variant: {@code BANDWIDTH} is the peak segment bitrate, {@code AVERAGE-BANDWIDTH} the mean over the
     * segments; {@code CODECS}, {@code RESOLUTION} and {@code FRAME-RATE} come from the stream formats when known.
     */
    static byte[] multivariant(List<MediaSegment> segments, List<StreamFormat> formats) {
        long peak = 0;
        long bytes = 0;
        long ticks = 0;
        for (MediaSegment s : segments) {
            peak = Math.max(peak, s.bitsPerSecond());
            bytes += s.sizeBytes();
            ticks += s.duration90k();
        }
        long average = ticks <= 0 ? peak : bytes * 8L * 90_000L / ticks;
        StringBuilder b = new StringBuilder(256);
        b.append("#EXTM3U\n");
        b.append("#EXT-X-VERSION:3\n");
        b.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        b.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(Math.max(peak, average))
                .append(",AVERAGE-BANDWIDTH=").append(average);
        Set<String> codecs = new LinkedHashSet<>();
        StreamFormat video = null;
        for (StreamFormat f : formats) {
            if (f.codec().isVideo() && video == null) {
                video = f;
            }
        }
        if (video != null && video.codecs() != null && !video.codecs().isEmpty()) {
            codecs.add(video.codecs());
        }
        for (StreamFormat f : formats) {
            if (f.codec().isAudio() && f.codecs() != null && !f.codecs().isEmpty()) {
                codecs.add(f.codecs());
            }
        }
        if (!codecs.isEmpty()) {
            b.append(",CODECS=\"").append(String.join(",", codecs)).append('"');
        }
        if (video != null && video.width() > 0 && video.height() > 0) {
            b.append(",RESOLUTION=").append(video.width()).append('x').append(video.height());
            if (video.frameRate() > 0) {
                b.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", video.frameRate()));
            }
        }
        b.append('\n').append(MEDIA_PLAYLIST).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
