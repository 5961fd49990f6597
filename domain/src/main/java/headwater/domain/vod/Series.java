package headwater.domain.vod;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored series: the operator's {@link SeriesDraft} plus the store's bookkeeping.
 *
 * @param version incremented by every update of the series itself (not of its seasons or episodes)
 */
public record Series(SeriesDraft draft, long version, Instant added, Instant updated) {

    public Series {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(updated, "updated");
        if (version < 1) {
            throw new InvalidValueException("series", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public String name() {
        return draft.name();
    }
}
