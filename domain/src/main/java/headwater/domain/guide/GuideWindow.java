package headwater.domain.guide;

/**
 * A stretch of time in which a feed's programmes are shown: {@code [from, until)} in epoch milliseconds, with
 * {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} for "unbounded".
 */
public record GuideWindow(long from, long until) {

    public static final GuideWindow ALWAYS = new GuideWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    public GuideWindow {
        if (until <= from) {
            throw new IllegalArgumentException("window [" + from + ", " + until + ") is empty");
        }
    }

    /** Whether a programme starting at {@code start} belongs to this window. */
    public boolean admits(long start) {
        return start >= from && start < until;
    }

    /** A stop cut at the window's end. */
    public long clip(long stop) {
        return Math.min(stop, until);
    }
}
