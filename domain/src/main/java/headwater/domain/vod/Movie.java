package headwater.domain.vod;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored film: the operator's {@link MovieDraft} plus the store's bookkeeping.
 *
 * @param version incremented by every update; an update names the version it was based on (optimistic concurrency)
 * @param added   when the film was first stored
 * @param updated when it was last changed
 */
public record Movie(MovieDraft draft, long version, Instant added, Instant updated) {

    public Movie {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(updated, "updated");
        if (version < 1) {
            throw new InvalidValueException("movie", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public String name() {
        return draft.name();
    }

    public MediaInfo mediaInfo() {
        return draft.mediaInfo();
    }
}
