package headwater.media.hls;

import java.time.Instant;

/**
 * A finished HLS media segment (RFC 8216 §3): a run of transport stream packets that starts with a PAT, a PMT and a
 * keyframe.
 *
 * @param sequence media sequence number, increasing by one per segment of a rendition
 * @param discontinuitySequence how many discontinuities precede this segment since the channel started
 * @param discontinuity whether an {@code EXT-X-DISCONTINUITY} tag precedes this segment
 * @param startPts PTS (90 kHz, 33-bit) of the first video (or, with no video, audio) access unit
 * @param duration90k duration in 90 kHz ticks, measured from timestamps, never from the wall clock
 * @param programDateTime the wall-clock time of the first sample, for {@code EXT-X-PROGRAM-DATE-TIME}
 * @param sizeBytes total bytes as stored: a multiple of 188 in the clear, 1..16 more once encrypted
 * @param encryption how the stored segment is encrypted ({@code EXT-X-KEY}), or null when it is in the clear
 */
public record MediaSegment(
        long sequence,
        long discontinuitySequence,
        boolean discontinuity,
        long startPts,
        long duration90k,
        Instant programDateTime,
        long sizeBytes,
        SegmentEncryption encryption) {

    /** A segment in the clear, as the segmenter cuts it. */
    public MediaSegment(long sequence, long discontinuitySequence, boolean discontinuity, long startPts,
            long duration90k, Instant programDateTime, long sizeBytes) {
        this(sequence, discontinuitySequence, discontinuity, startPts, duration90k, programDateTime, sizeBytes, null);
    }

    /** Whether the stored segment is encrypted. */
    public boolean encrypted() {
        return encryption != null;
    }

    public double durationSeconds() {
        return duration90k / 90_000.0;
    }

    /** Average bitrate of this segment in bits per second. */
    public long bitsPerSecond() {
        return duration90k <= 0 ? 0 : sizeBytes * 8L * 90_000L / duration90k;
    }
}
