package headwater.media.hls;

import headwater.media.ts.StreamFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code EXT-X-STREAM-INF} of a multivariant playlist (RFC 8216 §4.3.4.2) and the URI of its media playlist.
 *
 * @param bandwidth {@code BANDWIDTH}: peak segment bit rate, bits per second
 * @param averageBandwidth {@code AVERAGE-BANDWIDTH}, or 0 when absent
 * @param codecs {@code CODECS} (RFC 6381 values joined by commas), or {@code ""} when absent
 * @param resolution {@code RESOLUTION}, or null when absent
 * @param frameRate {@code FRAME-RATE}, or 0 when absent
 */
public record VariantStream(
        String uri, long bandwidth, long averageBandwidth, String codecs, Resolution resolution, double frameRate) {

    public VariantStream {
        Objects.requireNonNull(uri, "uri");
        if (bandwidth < 0 || averageBandwidth < 0 || frameRate < 0 || Double.isNaN(frameRate)) {
            throw new IllegalArgumentException("variant " + uri + " has a negative bandwidth or frame rate");
        }
        codecs = codecs == null ? "" : codecs;
    }

    /**
     * Describes a rendition from what the stream says about itself and the segments it produced.
     *
     * @param formats the formats of the program's streams ({@link HlsSegmenter#formats()}): CODECS lists the video
     *     codecs, then the audio codecs; RESOLUTION and FRAME-RATE come from the first video stream
     * @param segments segments of the rendition (their sizes include the PAT and PMT each one starts with)
     */
    public static VariantStream describe(String uri, List<StreamFormat> formats, List<MediaSegment> segments,
            Duration targetDuration) {
        List<String> codecs = new ArrayList<>();
        StreamFormat video = null;
        for (StreamFormat f : formats) {
            if (f.codec().isVideo()) {
                video = video == null ? f : video;
                addCodec(codecs, f);
            }
        }
        for (StreamFormat f : formats) {
            if (f.codec().isAudio()) {
                addCodec(codecs, f);
            }
        }
        SegmentBitrate bitrate = SegmentBitrate.measure(segments, targetDuration);
        Resolution resolution = video != null && video.width() > 0 && video.height() > 0
                ? new Resolution(video.width(), video.height())
                : null;
        double frameRate = video == null ? 0 : Math.round(video.frameRate() * 1000) / 1000.0;
        return new VariantStream(uri, bitrate.peak(), bitrate.average(), String.join(",", codecs), resolution,
                frameRate);
    }

    private static void addCodec(List<String> codecs, StreamFormat f) {
        if (f.codecs() != null && !f.codecs().isEmpty() && !codecs.contains(f.codecs())) {
            codecs.add(f.codecs());
        }
    }
}
