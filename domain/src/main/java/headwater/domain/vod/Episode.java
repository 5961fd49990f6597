package headwater.domain.vod;

import headwater.domain.catalog.InvalidValueException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored episode: the operator's {@link EpisodeDraft} plus the store's bookkeeping.
 *
 * @param version incremented by every update; an update names the version it was based on, so that a probe that
 *                finishes late cannot undo an operator's edit (or the other way round)
 */
public record Episode(EpisodeDraft draft, long version, Instant added, Instant updated) {

    public Episode {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(updated, "updated");
        if (version < 1) {
            throw new InvalidValueException("episode", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public String seriesId() {
        return draft.seriesId();
    }

    public int seasonNumber() {
        return draft.seasonNumber();
    }

    public int episodeNumber() {
        return draft.episodeNumber();
    }

    public String title() {
        return draft.title();
    }

    public URI source() {
        return draft.source();
    }

    public MediaInfo mediaInfo() {
        return draft.mediaInfo();
    }
}
