package headwater.bench.viewers;

import java.util.Arrays;

/**
 * Every latency of one kind, in microseconds, kept whole so that percentiles are exact (10,000 viewers for 600 s make
 * about 1.5 million of each kind: 12 MB). One instance per event loop: {@link #add} is not thread-safe, {@link #merge}
 * joins them at the end.
 */
final class LatencySamples {

    private long[] micros = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    static LatencySamples merge(Iterable<LatencySamples> parts) {
        LatencySamples all = new LatencySamples();
        for (LatencySamples part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.micros[i] * 1_000);
            }
        }
        Arrays.sort(all.micros, 0, all.size);
        return all;
    }

    int count() {
        return size;
    }

    /** The nearest-rank percentile in milliseconds of a merged (sorted) instance; NaN when empty. */
    double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return micros[Math.clamp(rank - 1, 0, size - 1)] / 1000.0;
    }

    double maxMillis() {
        return size == 0 ? Double.NaN : micros[size - 1] / 1000.0;
    }
}
