package headwater.bench.viewers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the viewers of one event loop saw: written only by that loop's thread (no locks on the hot path), read by
 * {@link ViewerSimulation} once every viewer has finished. {@link #ofThisThread()} hands each thread its own.
 */
final class LoopStats {

    private static final List<LoopStats> ALL = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<LoopStats> MINE = ThreadLocal.withInitial(() -> {
        LoopStats s = new LoopStats();
        ALL.add(s);
        return s;
    });

    final LatencySamples playlistFirstByte = new LatencySamples();
    final LatencySamples segmentFirstByte = new LatencySamples();
    final LatencySamples segmentWhole = new LatencySamples();
    /** The same first-byte times, of requests sent once the start-up burst is over (see ViewerSimulation). */
    final LatencySamples playlistFirstByteSettled = new LatencySamples();
    final LatencySamples segmentFirstByteSettled = new LatencySamples();
    long playlists;
    long segments;
    long bytes;
    /** Playlists that listed nothing newer than the last segment fetched (fetched again half a target later). */
    long noNewSegment;
    /** Segments that left the window before the viewer asked for them. */
    long skipped;
    /** Cycles that began later than one target duration after the previous one (the viewer fell behind). */
    long lateCycles;
    long connections;

    static LoopStats ofThisThread() {
        return MINE.get();
    }

    static List<LoopStats> all() {
        return List.copyOf(ALL);
    }
}
