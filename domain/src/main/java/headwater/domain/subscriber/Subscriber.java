package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stored subscriber: the {@link SubscriberDraft} plus the store's bookkeeping.
 *
 * @param version incremented by every update; an update names the version it was based on (optimistic concurrency)
 */
public record Subscriber(SubscriberDraft draft, long version, Instant created, Instant updated) {

    public Subscriber {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (version < 1) {
            throw new InvalidValueException("subscriber", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public String username() {
        return draft.username();
    }

    public PasswordHash passwordHash() {
        return draft.passwordHash();
    }

    public SubscriberStatus status() {
        return draft.status();
    }

    public Instant expiry() {
        return draft.expiry();
    }

    public int maxConnections() {
        return draft.maxConnections();
    }

    public Set<OutputFormat> outputFormats() {
        return draft.outputFormats();
    }

    public List<NetworkRange> allowedNetworks() {
        return draft.allowedNetworks();
    }

    public Set<String> packageIds() {
        return draft.packageIds();
    }

    public String planId() {
        return draft.planId();
    }

    public String notes() {
        return draft.notes();
    }

    public Owner owner() {
        return draft.owner();
    }

    /** Whether the subscriber may watch at {@code now}: active, and not past the expiry. */
    public boolean mayWatchAt(Instant now) {
        return draft.status() == SubscriberStatus.ACTIVE && (draft.expiry() == null || now.isBefore(draft.expiry()));
    }
}
