package headwater.domain.subscriber;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;

/**
 * A filtered, sorted page of subscribers. Null filters match everything.
 *
 * @param status         only subscribers of this status
 * @param owner          only subscribers of this owner ({@link Owner#OPERATOR} for the operator's own)
 * @param usernamePrefix only usernames starting with this text, ignoring ASCII case; '%' and '_' are literal
 * @param expiringBefore only subscribers whose expiry is set and earlier than this instant
 */
public record SubscriberQuery(SubscriberStatus status, Owner owner, String usernamePrefix, Instant expiringBefore,
                              SubscriberSort sort, boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public SubscriberQuery {
        if (usernamePrefix != null) {
            Check.optionalText("subscriber query", "usernamePrefix", usernamePrefix, SubscriberDraft.MAX_USERNAME_LENGTH);
        }
        if (sort == null) {
            throw new InvalidValueException("subscriber query", "sort",
                    "is missing: one of USERNAME, ID, EXPIRY, CREATED, UPDATED");
        }
        if (offset < 0) {
            throw new InvalidValueException("subscriber query", "offset", "is " + offset + ": must not be negative");
        }
        Check.range("subscriber query", "limit", limit, 1, MAX_LIMIT);
    }

    /** All subscribers by username, the first {@code limit}. */
    public static SubscriberQuery firstPage(int limit) {
        return new SubscriberQuery(null, null, null, null, SubscriberSort.USERNAME, false, 0, limit);
    }

    public SubscriberQuery withStatus(SubscriberStatus newStatus) {
        return new SubscriberQuery(newStatus, owner, usernamePrefix, expiringBefore, sort, descending, offset, limit);
    }

    public SubscriberQuery ownedBy(Owner newOwner) {
        return new SubscriberQuery(status, newOwner, usernamePrefix, expiringBefore, sort, descending, offset, limit);
    }

    public SubscriberQuery usernameStartingWith(String prefix) {
        return new SubscriberQuery(status, owner, prefix, expiringBefore, sort, descending, offset, limit);
    }

    public SubscriberQuery expiringBefore(Instant instant) {
        return new SubscriberQuery(status, owner, usernamePrefix, instant, sort, descending, offset, limit);
    }

    public SubscriberQuery sortedBy(SubscriberSort newSort, boolean newDescending) {
        return new SubscriberQuery(status, owner, usernamePrefix, expiringBefore, newSort, newDescending, offset, limit);
    }

    public SubscriberQuery page(int newOffset, int newLimit) {
        return new SubscriberQuery(status, owner, usernamePrefix, expiringBefore, sort, descending, newOffset, newLimit);
    }

    /** The page after this one. */
    public SubscriberQuery next() {
        return page(offset + limit, limit);
    }
}
