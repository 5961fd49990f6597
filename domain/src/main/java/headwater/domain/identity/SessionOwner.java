package headwater.domain.identity;

import headwater.domain.catalog.Check;
import java.util.Objects;

/**
 * Who a web session belongs to: an account (operator or reseller) or a subscriber (portal).
 *
 * @param kind which of the two
 * @param id   the account's or the subscriber's id
 */
public record SessionOwner(Kind kind, String id) {

    public enum Kind { ACCOUNT, SUBSCRIBER }

    public SessionOwner {
        Objects.requireNonNull(kind, "kind");
        Check.id("web session", "owner", id);
    }

    public static SessionOwner account(String id) {
        return new SessionOwner(Kind.ACCOUNT, id);
    }

    public static SessionOwner subscriber(String id) {
        return new SessionOwner(Kind.SUBSCRIBER, id);
    }
}
