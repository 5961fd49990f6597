package headwater.domain.guide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the guides of several sources that feed one channel are merged. Each feed covers a <em>span</em>: from its
 * first programme's start to its last programme's stop, gaps inside included. Feeds are ranked by
 * {@link GuideFeed#ORDER} (higher priority first; ties by source id). Then:
 *
 * <ul>
 *   <li>the highest-ranked feed is shown whole;</li>
 *   <li>a lower-ranked feed is shown only in its <em>windows</em>: the times no higher-ranked feed's span covers. A
 *       programme of it is kept when it starts in one of its windows, and cut to stop where that window ends (where
 *       a higher-ranked span begins); a programme that starts inside a higher-ranked span is dropped whole.</li>
 * </ul>
 *
 * <p>So where the preferred source has a guide, only it is shown, gaps included; the others fill in before, after
 * and between its spans. The result never overlaps (each feed's own programmes do not: {@link ProgrammeTimeline}).
 */
public final class GuideMerge {

    private GuideMerge() {
    }

    /** Each feed's windows, in {@link GuideFeed#ORDER}. */
    public static Map<GuideFeed, List<GuideWindow>> windows(List<GuideFeed> feeds) {
        List<GuideFeed> ranked = new ArrayList<>(feeds);
        ranked.sort(GuideFeed.ORDER);
        Map<GuideFeed, List<GuideWindow>> windows = new LinkedHashMap<>();
        List<long[]> covered = new ArrayList<>(); // union of the spans of the feeds ranked higher, sorted, disjoint
        for (GuideFeed feed : ranked) {
            windows.put(feed, complement(covered));
            covered = union(covered, feed.first().toEpochMilli(), feed.last().toEpochMilli());
        }
        return windows;
    }

    /**
     * Merges entries already read per feed: keeps those that start in one of their feed's windows, cuts their stop
     * at its end, and returns them in start order.
     */
    public static List<GuideEntry> merge(Map<GuideFeed, List<GuideEntry>> entries) {
        Map<GuideFeed, List<GuideWindow>> windows = windows(List.copyOf(entries.keySet()));
        List<GuideEntry> merged = new ArrayList<>();
        windows.forEach((feed, feedWindows) -> {
            for (GuideEntry e : entries.get(feed)) {
                long start = e.start().toEpochMilli();
                for (GuideWindow w : feedWindows) {
                    if (w.admits(start)) {
                        long stop = w.clip(e.stop().toEpochMilli());
                        merged.add(stop == e.stop().toEpochMilli() ? e : new GuideEntry(e.channelId(), e.sourceId(),
                                e.xmltvId(), e.start(), Instant.ofEpochMilli(stop), e.title(), e.lang(),
                                e.description(), e.catchupId()));
                        break;
                    }
                }
            }
        });
        merged.sort(Comparator.comparing(GuideEntry::start));
        return merged;
    }

    private static List<GuideWindow> complement(List<long[]> covered) {
        List<GuideWindow> free = new ArrayList<>();
        long from = Long.MIN_VALUE;
        for (long[] span : covered) {
            if (span[0] > from) {
                free.add(new GuideWindow(from, span[0]));
            }
            from = span[1];
        }
        if (from < Long.MAX_VALUE) {
            free.add(new GuideWindow(from, Long.MAX_VALUE));
        }
        return free;
    }

    private static List<long[]> union(List<long[]> spans, long first, long last) {
        List<long[]> all = new ArrayList<>(spans);
        all.add(new long[] {first, last});
        all.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : all) {
            long[] tail = merged.isEmpty() ? null : merged.getLast();
            if (tail != null && s[0] <= tail[1]) {
                tail[1] = Math.max(tail[1], s[1]);
            } else {
                merged.add(new long[] {s[0], s[1]});
            }
        }
        return merged;
    }
}
