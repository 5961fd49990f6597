package headwater.headend;

/** Bytes per second over the last few whole seconds: one writer, any reader. */
final class RateMeter {
    private static final long SECOND = 1_000_000_000L;
    private final int seconds;
    private final long[] bytes;
    private final long[] stamps;

    RateMeter(int seconds) {
        this.seconds = seconds;
        this.bytes = new long[seconds + 1];
        this.stamps = new long[seconds + 1];
        java.util.Arrays.fill(stamps, Long.MIN_VALUE);
    }

    synchronized void record(long n, long nowNanos) {
        long second = Math.floorDiv(nowNanos, SECOND);
        int i = (int) Math.floorMod(second, (long) bytes.length);
        if (stamps[i] != second) {
            stamps[i] = second;
            bytes[i] = 0;
        }
        bytes[i] += n;
    }

    /** Bits per second over the last {@code seconds} complete seconds. */
    synchronized long bitsPerSecond(long nowNanos) {
        long current = Math.floorDiv(nowNanos, SECOND);
        long sum = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (stamps[i] < current && stamps[i] >= current - seconds) {
                sum += bytes[i];
            }
        }
        return sum * 8 / seconds;
    }
}
