package headwater.headend.archive;

import headwater.media.hls.SegmentEncryption;
import java.util.Arrays;

/**
 * A channel's recorded segments in memory, oldest first, as parallel primitive arrays (about 33 bytes a segment, no
 * object per segment): appended at the end, removed from the front, searched by start time. Start times never
 * decrease (the recorder clamps them), so a binary search finds a time. Not thread-safe: {@link ChannelArchive}
 * guards it.
 */
final class ArchiveTimeline {
    private long[] sequence = new long[64];
    private long[] startMicros = new long[64];
    private long[] durationMicros = new long[64];
    private long[] sizeBytes = new long[64];
    private boolean[] discontinuity = new boolean[64];
    /** Null for a segment in the clear; shared objects, one per encrypted segment. */
    private SegmentEncryption[] encryption = new SegmentEncryption[64];
    private int head;
    private int size;
    private long bytes;

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    long sequence(int i) {
        return sequence[head + i];
    }

    long startMicros(int i) {
        return startMicros[head + i];
    }

    long durationMicros(int i) {
        return durationMicros[head + i];
    }

    long endMicros(int i) {
        return startMicros[head + i] + durationMicros[head + i];
    }

    long sizeBytes(int i) {
        return sizeBytes[head + i];
    }

    boolean discontinuity(int i) {
        return discontinuity[head + i];
    }

    SegmentEncryption encryption(int i) {
        return encryption[head + i];
    }

    void add(long seq, long start, long duration, long size, boolean disc) {
        add(seq, start, duration, size, disc, null);
    }

    void add(long seq, long start, long duration, long size, boolean disc, SegmentEncryption enc) {
        if (this.size > 0 && (seq <= sequence(this.size - 1) || start < startMicros(this.size - 1))) {
            throw new IllegalArgumentException("segment " + seq + " at " + start + " does not follow segment "
                    + sequence(this.size - 1) + " at " + startMicros(this.size - 1));
        }
        int at = head + this.size;
        if (at == sequence.length) {
            if (head >= sequence.length / 2) {
                shift();
            } else {
                grow();
            }
            at = head + this.size;
        }
        sequence[at] = seq;
        startMicros[at] = start;
        durationMicros[at] = duration;
        sizeBytes[at] = size;
        discontinuity[at] = disc;
        encryption[at] = enc;
        this.size++;
        bytes += size;
    }

    /** Forgets the {@code n} oldest segments. */
    void removeFirst(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("cannot remove " + n + " of " + size + " segments");
        }
        for (int i = 0; i < n; i++) {
            bytes -= sizeBytes[head + i];
        }
        head += n;
        size -= n;
        if (size == 0) {
            head = 0;
        }
    }

    /** Forgets the {@code n} newest segments. */
    void removeLast(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("cannot remove " + n + " of " + size + " segments");
        }
        for (int i = size - n; i < size; i++) {
            bytes -= sizeBytes[head + i];
        }
        size -= n;
        if (size == 0) {
            head = 0;
        }
    }

    /**
     * The index of the first segment of a window starting at {@code fromMicros}: the last one that starts at or before
     * it, unless that one ends at or before it (then the next); 0 when all start after it; {@link #size} when none is
     * left.
     */
    int firstOverlapping(long fromMicros) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (startMicros(mid) <= fromMicros) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return 0;
        }
        return endMicros(found) > fromMicros ? found : found + 1;
    }

    private void shift() {
        System.arraycopy(sequence, head, sequence, 0, size);
        System.arraycopy(startMicros, head, startMicros, 0, size);
        System.arraycopy(durationMicros, head, durationMicros, 0, size);
        System.arraycopy(sizeBytes, head, sizeBytes, 0, size);
        System.arraycopy(discontinuity, head, discontinuity, 0, size);
        System.arraycopy(encryption, head, encryption, 0, size);
        Arrays.fill(encryption, size, encryption.length, null);
        head = 0;
    }

    private void grow() {
        int n = sequence.length * 2;
        sequence = Arrays.copyOf(sequence, n);
        startMicros = Arrays.copyOf(startMicros, n);
        durationMicros = Arrays.copyOf(durationMicros, n);
        sizeBytes = Arrays.copyOf(sizeBytes, n);
        discontinuity = Arrays.copyOf(discontinuity, n);
        encryption = Arrays.copyOf(encryption, n);
    }
}
