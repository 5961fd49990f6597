package headwater.domain.catalog;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored channel: the operator's {@link ChannelDraft} plus the store's bookkeeping.
 *
 * @param version incremented by every update; an update names the version it was based on (optimistic concurrency)
 */
public record Channel(ChannelDraft draft, long version, Instant created, Instant updated) {

    public Channel {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (version < 1) {
            throw new InvalidValueException("channel", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public int number() {
        return draft.number();
    }

    public String name() {
        return draft.name();
    }

    public URI logo() {
        return draft.logo();
    }

    public List<String> categoryIds() {
        return draft.categoryIds();
    }

    public String epgChannelId() {
        return draft.epgChannelId();
    }

    public List<URI> sources() {
        return draft.sources();
    }

    public int archiveDays() {
        return draft.archiveDays();
    }

    public boolean radio() {
        return draft.radio();
    }

    /** Whether its HLS segments are encrypted with AES-128. */
    public boolean encrypted() {
        return draft.encrypted();
    }

    public boolean enabled() {
        return draft.enabled();
    }
}
