package headwater.headend;

import headwater.media.hls.MediaSegment;
import java.nio.file.Path;

/**
 * Keeps finished segments beyond the live window: the catch-up archive ({@link headwater.headend.archive.Archives}).
 *
 * <p>{@link #record} is called by the channel's thread, with the window's lock held, right after the segment's file
 * got its final name and before the window may rotate it away; it must take its own reference to the file (a hard
 * link, else a copy) before it returns, and must not throw: a failure is the recorder's to log.
 */
@FunctionalInterface
public interface SegmentRecorder {

    /**
     * @param file    the complete segment file in the live window (deleted by its rotation later)
     * @param segment what the window stored: sequence, duration, program date-time, size
     */
    void record(Path file, MediaSegment segment);

    /** Keeps nothing. */
    SegmentRecorder NONE = (file, segment) -> {};
}
