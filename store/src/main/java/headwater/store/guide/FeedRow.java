package headwater.store.guide;

import headwater.domain.guide.GuideFeed;

/** A feed as stored: the {@link GuideFeed}, its generation, and the generation's longest programme. */
record FeedRow(GuideFeed feed, long generation, long maxLengthMs) {

    /** The lowest start a programme overlapping {@code fromMs} can have. */
    long earliestStartFor(long fromMs) {
        return fromMs - maxLengthMs;
    }
}
