package headwater.domain.guide;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One source's XMLTV channel feeding a catalogue channel, with the span its programmes cover.
 *
 * @param first the first programme's start
 * @param last  the last programme's stop
 */
public record GuideFeed(String sourceId, int priority, String xmltvId, Instant first, Instant last) {

    /** Highest priority first; on a tie, the smaller source id, then the smaller XMLTV id. */
    public static final Comparator<GuideFeed> ORDER = Comparator.comparingInt(GuideFeed::priority).reversed()
            .thenComparing(GuideFeed::sourceId).thenComparing(GuideFeed::xmltvId);

    public GuideFeed {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(xmltvId, "xmltvId");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }
}
