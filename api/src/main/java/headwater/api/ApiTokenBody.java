package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An API token as a client asks for it.
 *
 * @param role    ADMIN, SUPPORT or RESELLER
 * @param scopes  scope texts ({@code catalogue:read}, {@code billing:*}); each granted to the role and held by the
 *                caller
 * @param expires an ISO-8601 time with offset, or null for never
 */
record ApiTokenBody(String name, Role role, List<String> scopes, String resellerId, String expires) {

    /** The scopes, checked. @throws ApiException naming each unknown scope */
    Set<ApiScope> scopeSet() {
        List<FieldError> errors = new ArrayList<>();
        Bodies.required("name", name, errors);
        Bodies.required("role", role, errors);
        Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "are missing: name at least one"));
        } else {
            for (int i = 0; i < scopes.size(); i++) {
                try {
                    set.addAll(ApiScope.parse("scopes[" + i + "]", scopes.get(i)));
                } catch (headwater.domain.catalog.InvalidValueException e) {
                    errors.add(new FieldError("scopes[" + i + "]", e.getMessage()
                            .substring(("api token scopes[" + i + "] ").length())));
                }
            }
        }
        Bodies.check(errors);
        return set;
    }

    /** The expiry, or null. @throws ApiException not an ISO-8601 time */
    Instant expiry() {
        if (expires == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        Instant at = SubscriberBody.instant("expires", expires, errors);
        Bodies.check(errors);
        return at;
    }
}
