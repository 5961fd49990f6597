package headwater.media.ts;

/**
 * Arithmetic on 33-bit MPEG timestamps (PTS, DTS and the PCR base, 90 kHz), which wrap every 2^33 ticks
 * (about 26.5 hours).
 */
public final class Timestamps {
    /** 2^33: the number of distinct 33-bit timestamps. */
    public static final long WRAP = 1L << 33;
    public static final long MASK = WRAP - 1;
    private static final long HALF = 1L << 32;

    private Timestamps() {}

    /**
     * {@code later - earlier} taken the short way round the 33-bit circle: in {@code [-2^32, 2^32)}, so a timestamp
     * just after the wrap is a little later, not 26 hours earlier.
     */
    public static long diff(long later, long earlier) {
        long d = (later - earlier) & MASK;
        return d >= HALF ? d - WRAP : d;
    }

    /** {@code ts + delta}, wrapped into 33 bits. */
    public static long add(long ts, long delta) {
        return (ts + delta) & MASK;
    }

    /**
     * Unwraps a 33-bit timestamp into a 64-bit timeline: the value congruent to {@code ts} modulo 2^33 that is nearest
     * to {@code previous} (an earlier result of this method, or any starting point such as the first timestamp).
     * Fed timestamps in order, it keeps increasing across wrap-arounds.
     */
    public static long unwrap(long previous, long ts) {
        return previous + diff(ts & MASK, previous & MASK);
    }

    /** Ticks at 90 kHz to seconds. */
    public static double seconds(long ticks) {
        return ticks / (double) TsPacket.PTS_HZ;
    }
}
