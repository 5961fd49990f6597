package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored reseller: sells subscriptions on the operator's behalf, paying with credits.
 *
 * @param credits the balance, never negative
 * @param version incremented by every change, including every credit movement
 */
public record Reseller(ResellerDraft draft, long credits, long version, Instant created, Instant updated) {

    /** The largest balance a reseller can hold, far below overflow of any sum of two balances. */
    public static final long MAX_CREDITS = 1_000_000_000_000L;

    public Reseller {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (credits < 0 || credits > MAX_CREDITS) {
            throw new InvalidValueException("reseller", "credits", "are " + credits + ": must be between 0 and "
                    + MAX_CREDITS);
        }
        if (version < 1) {
            throw new InvalidValueException("reseller", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public String name() {
        return draft.name();
    }
}
