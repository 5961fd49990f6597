package headwater.headend;

import java.time.Duration;
import java.util.Arrays;

/**
 * The failover chain's memory: for each source (and the slate, last), how often it failed in a row and when it may be
 * tried again. A source that failed rests for the backoff delay; one that had stayed healthy for a while before it
 * failed starts again from the initial delay. Shared by the channel's thread and its probe.
 */
final class SourceChain {
    private final Backoff backoff;
    private final long stableNanos;
    private final int[] failures;
    private final long[] retryAt;
    private final boolean[] hadVideo;

    SourceChain(int size, Backoff backoff, Duration stableAfter) {
        this.backoff = backoff;
        this.stableNanos = stableAfter.toNanos();
        this.failures = new int[size];
        this.retryAt = new long[size];
        this.hadVideo = new boolean[size];
        Arrays.fill(retryAt, Long.MIN_VALUE);
    }

    /** The first index below {@code limit} that is not resting, or -1. */
    synchronized int firstAvailable(int limit, long now) {
        for (int i = 0; i < Math.min(limit, retryAt.length); i++) {
            if (retryAt[i] - now <= 0 || retryAt[i] == Long.MIN_VALUE) {
                return i;
            }
        }
        return -1;
    }

    synchronized boolean available(int index, long now) {
        return retryAt[index] == Long.MIN_VALUE || retryAt[index] - now <= 0;
    }

    /** When the first index below {@code limit} stops resting (a {@link System#nanoTime} value). */
    synchronized long earliestRetry(int limit, long now) {
        long earliest = now + backoff.max().toNanos();
        for (int i = 0; i < Math.min(limit, retryAt.length); i++) {
            if (retryAt[i] == Long.MIN_VALUE) {
                return now;
            }
            if (retryAt[i] - earliest < 0) {
                earliest = retryAt[i];
            }
        }
        return earliest;
    }

    /**
     * Records a failure of {@code index} at {@code now}, after it had been healthy for {@code healthyNanos}.
     *
     * @return how long it rests
     */
    synchronized Duration failed(int index, long now, long healthyNanos) {
        failures[index] = healthyNanos >= stableNanos ? 1 : failures[index] + 1;
        Duration delay = backoff.delay(failures[index]);
        retryAt[index] = now + delay.toNanos();
        return delay;
    }

    synchronized int failures(int index) {
        return failures[index];
    }

    synchronized void sawVideo(int index) {
        hadVideo[index] = true;
    }

    synchronized boolean hadVideo(int index) {
        return hadVideo[index];
    }
}
