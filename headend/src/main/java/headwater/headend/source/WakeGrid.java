package headwater.headend.source;

/**
 * A grid of wake-up instants shared by every thread of the JVM: the multiples of a period on the
 * {@link System#nanoTime} scale. Threads that sleep "until the next grid point at or after t" instead of "until t" wake
 * together, so the scheduler (the virtual-thread carriers and their timer) wakes once per grid point for all of them
 * instead of once per thread and deadline. What it costs is lateness: a deadline is met up to one period late.
 *
 * <p>Used by the {@code file://} source's pacing and by the channels' watchdogs; with many channels in one JVM the
 * wake-ups, not the packaging, dominate the CPU time of a live channel.
 */
public final class WakeGrid {
    private final long periodNanos;

    /** @param periodNanos the distance between grid points, &gt; 0 */
    public WakeGrid(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("a wake grid needs a positive period, got " + periodNanos + " ns");
        }
        this.periodNanos = periodNanos;
    }

    public long periodNanos() {
        return periodNanos;
    }

    /** The first grid point at or after {@code deadline} (a {@link System#nanoTime} value). */
    public long pointAtOrAfter(long deadline) {
        return Math.ceilDiv(deadline, periodNanos) * periodNanos;
    }

    /**
     * How long to sleep from {@code now} to the first grid point at or after {@code deadline}; 0 when the deadline is
     * already met.
     */
    public long sleepNanos(long now, long deadline) {
        if (deadline - now <= 0) {
            return 0;
        }
        return pointAtOrAfter(deadline) - now;
    }
}
