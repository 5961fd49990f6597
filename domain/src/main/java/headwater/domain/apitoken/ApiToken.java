package headwater.domain.apitoken;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.identity.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stored API token: never the token, only its digest. Revoking keeps the row (who had access, and until when).
 *
 * @param name       what the token is for ("billing-script"); unique, an id
 * @param digest     SHA-256 of the token, 64 lower-case hex digits
 * @param role       the role it acts in: {@link Role#ADMIN}, {@link Role#SUPPORT} or {@link Role#RESELLER}
 * @param scopes     what it may be used for, all granted to {@code role}; not empty
 * @param resellerId the reseller it acts for: required for {@link Role#RESELLER}, null otherwise
 * @param createdBy  who made it (an account, a token name, or {@code cli:<user>})
 * @param created    when it was made
 * @param lastUsed   when it last authenticated a request (to the minute or so), or null if never
 * @param expires    after this it authenticates nothing; null for never
 * @param revoked    when it was revoked, or null
 */
public record ApiToken(String name, String digest, Role role, Set<ApiScope> scopes, String resellerId,
                       String createdBy, Instant created, Instant lastUsed, Instant expires, Instant revoked) {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_CREATED_BY = 200;

    public ApiToken {
        checkName(name);
        checkDigest(digest);
        Objects.requireNonNull(role, "role");
        if (role == Role.SUBSCRIBER) {
            throw new InvalidValueException("api token", "role", "SUBSCRIBER is not a token role: subscribers use"
                    + " their portal login; one of ADMIN, SUPPORT, RESELLER");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidValueException("api token", "scopes", "are missing: name at least one");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        Set<ApiScope> beyond = EnumSet.copyOf(scopes);
        beyond.removeAll(ApiScope.grantedTo(role));
        if (!beyond.isEmpty()) {
            throw new InvalidValueException("api token", "scopes", beyond.stream().map(ApiScope::text).toList()
                    + " are beyond what role " + role + " may do");
        }
        if ((role == Role.RESELLER) != (resellerId != null)) {
            throw new InvalidValueException("api token", "resellerId", role == Role.RESELLER
                    ? "is missing: a RESELLER token acts for one reseller" : "is only for RESELLER tokens");
        }
        if (resellerId != null) {
            Check.id("api token", "resellerId", resellerId);
        }
        if (createdBy == null || createdBy.isBlank() || createdBy.length() > MAX_CREATED_BY) {
            throw new InvalidValueException("api token", "createdBy", "must name who made it (1 to " + MAX_CREATED_BY
                    + " characters)");
        }
        Objects.requireNonNull(created, "created");
        if (expires != null && !expires.isAfter(created)) {
            throw new InvalidValueException("api token", "expires", "is " + expires + ", not after its creation "
                    + created);
        }
    }

    /** A new token, never used, never revoked. */
    public static ApiToken issued(String name, String digest, Role role, Set<ApiScope> scopes, String resellerId,
                                  String createdBy, Instant created, Instant expires) {
        return new ApiToken(name, digest, role, scopes, resellerId, createdBy, created, null, expires, null);
    }

    /** Whether it authenticates requests at {@code now}: not revoked, not expired. */
    public boolean activeAt(Instant now) {
        return revoked == null && (expires == null || now.isBefore(expires));
    }

    /** The scopes as text, sorted, e.g. {@code [catalogue:read, sessions:kill]}. */
    public Set<String> scopeTexts() {
        return scopes.stream().map(ApiScope::text).collect(Collectors.toCollection(TreeSet::new));
    }

    public static String checkName(String name) {
        return Check.id("api token", "name", name);
    }

    public static String checkDigest(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new InvalidValueException("api token", "digest", "must be 64 lower-case hex digits (SHA-256)");
        }
        return digest;
    }

    /** Never shows the digest: it identifies a live token. */
    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + role + ", " + scopeTexts() + (revoked != null ? ", revoked" : "") + "]";
    }
}
