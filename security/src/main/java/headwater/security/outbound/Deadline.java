package headwater.security.outbound;

import java.time.Duration;

/** The end of a download's total time, measured on the monotonic clock. */
record Deadline(long endNanos, Duration total) {

    static Deadline after(Duration total) {
        return new Deadline(System.nanoTime() + total.toNanos(), total);
    }

    /** Milliseconds left, at least 0. */
    long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }
}
