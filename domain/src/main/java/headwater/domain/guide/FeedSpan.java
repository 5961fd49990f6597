package headwater.domain.guide;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time one XMLTV channel of a source covers: from its first programme's start to its last programme's stop (gaps
 * inside included), and its longest programme (which bounds the index scans of the range queries).
 */
public record FeedSpan(String xmltvId, Instant first, Instant last, Duration longest) {

    public FeedSpan {
        Objects.requireNonNull(xmltvId, "xmltvId");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(longest, "longest");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("span of " + xmltvId + " ends at " + last + ", before its start " + first);
        }
    }
}
