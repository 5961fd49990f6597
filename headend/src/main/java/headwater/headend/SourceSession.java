package headwater.headend;

import headwater.headend.source.MaskedUri;
import headwater.headend.source.Source;

/**
 * One opened source of a channel, from open to close: what the health checks watch. Written by the channel's
 * thread, read by the health checks of {@link HealthWatch}.
 */
final class SourceSession {
    final int index;
    final Source source;
    final boolean slate;
    final long startedNanos;
    volatile long lastDataNanos;
    volatile long lastVideoNanos;
    /** When the first keyframe (or, without video, the first audio unit) arrived; -1 before. */
    volatile long healthySinceNanos = -1;
    volatile boolean hasVideo;
    volatile String abortReason;
    boolean fed;
    /** What a probe already read (through the first keyframe), to feed before reading on; null when none. */
    byte[] replay;
    // watchdog's own
    long ccAtCheck = -1;
    long ccCheckNanos;

    SourceSession(int index, Source source, boolean slate, long now) {
        this.index = index;
        this.source = source;
        this.slate = slate;
        this.startedNanos = now;
        this.lastDataNanos = now;
        this.lastVideoNanos = now;
    }

    /** Fails the session from another thread: records why, then closes the source to unblock its read. */
    void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        source.close();
    }

    long healthyNanos(long now) {
        long since = healthySinceNanos;
        return since < 0 ? 0 : now - since;
    }

    String describe() {
        return (slate ? "slate" : "source " + index) + " (" + new MaskedUri(source.uri()) + ")";
    }
}
