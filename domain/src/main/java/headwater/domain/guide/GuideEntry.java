package headwater.domain.guide;

import java.time.Instant;
import java.util.Objects;

/**
 * One programme of the merged guide, as the guide queries return it: enough for now/next and the Xtream API.
 *
 * @param channelId   the catalogue channel asked for
 * @param sourceId    the guide source it comes from
 * @param xmltvId     the XMLTV channel of that source
 * @param stop        the stop as merged (may be cut where a higher-priority source takes over)
 * @param title       the first title, or {@code null} when the guide gives none
 * @param lang        the language of that title, or {@code null}
 * @param description the first description, or {@code null}
 * @param catchupId   the provider's catch-up id, or {@code null}
 */
public record GuideEntry(String channelId, String sourceId, String xmltvId, Instant start, Instant stop, String title,
                         String lang, String description, String catchupId) {

    public GuideEntry {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(xmltvId, "xmltvId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
    }

    /** Whether it is on at {@code at}. */
    public boolean isOn(Instant at) {
        return !start.isAfter(at) && stop.isAfter(at);
    }
}
