package headwater.api;

import headwater.domain.apitoken.ApiScope;
import java.util.Objects;

/**
 * Who may call one route: callers whose role is granted {@code scope} and, for API tokens, who hold it (or
 * {@code admin}); or, for the portal, subscribers only. Together the routes' Access values are the API's table of
 * role × route: {@link ApiScope#grantedTo} says which role reaches which scope.
 *
 * @param scope  the scope the route needs; null for a portal route
 * @param stepUp a sensitive action: a web session must have proven its second factor within
 *               {@link Authorization#STEP_UP_WINDOW}
 */
record Access(ApiScope scope, boolean stepUp) {

    /** Routes of the subscriber portal: a subscriber's own data, nothing else. */
    static final Access PORTAL = new Access(null, false);

    static Access to(ApiScope scope) {
        return new Access(Objects.requireNonNull(scope, "scope"), false);
    }

    /** A sensitive action (token made or revoked, signing key rotated, someone else's password set). */
    static Access sensitive(ApiScope scope) {
        return new Access(Objects.requireNonNull(scope, "scope"), true);
    }

    boolean portal() {
        return scope == null;
    }
}
