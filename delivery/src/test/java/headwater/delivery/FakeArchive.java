package headwater.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An archive catalog for tests that answers like the real one (see {@link ArchiveCatalog#window}) and counts calls. */
final class FakeArchive implements ArchiveCatalog {

    private final Map<String, List<ArchivedSegment>> channels = new ConcurrentHashMap<>();
    final AtomicInteger windows = new AtomicInteger();

    /** Appends a recorded segment to the channel's archive (sequence order). */
    void record(String channel, ArchivedSegment segment) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(segment);
    }

    @Override
    public List<ArchivedSegment> window(String channelId, Instant from, Instant to) {
        windows.incrementAndGet();
        List<ArchivedSegment> all = channels.getOrDefault(channelId, List.of());
        List<ArchivedSegment> window = new ArrayList<>();
        for (ArchivedSegment segment : all) {
            if (segment.end().isAfter(from) && segment.start().isBefore(to)) {
                window.add(segment);
            }
        }
        return window;
    }
}
