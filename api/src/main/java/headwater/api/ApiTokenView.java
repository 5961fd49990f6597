package headwater.api;

import headwater.domain.apitoken.ApiToken;
import java.time.Instant;
import java.util.List;

/**
 * An API token as the API lists it: never the token nor its digest. Times are ISO-8601 UTC.
 *
 * @param active  false once revoked or expired
 * @param token   the token itself, only in the answer that made it (shown this once); null otherwise
 */
record ApiTokenView(String name, String role, List<String> scopes, String resellerId, String createdBy,
                    String created, String lastUsed, String expires, String revoked, boolean active, String token) {

    static ApiTokenView of(ApiToken token, Instant now) {
        return new ApiTokenView(token.name(), token.role().name(), List.copyOf(token.scopeTexts()),
                token.resellerId(), token.createdBy(), token.created().toString(), text(token.lastUsed()),
                text(token.expires()), text(token.revoked()), token.activeAt(now), null);
    }

    static ApiTokenView issued(ApiTokens.Issued issued, Instant now) {
        ApiTokenView view = of(issued.token(), now);
        return new ApiTokenView(view.name, view.role, view.scopes, view.resellerId, view.createdBy, view.created,
                view.lastUsed, view.expires, view.revoked, view.active, issued.secret());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ApiTokenView[" + name + ", " + role + ", " + scopes + "]";
    }
}
