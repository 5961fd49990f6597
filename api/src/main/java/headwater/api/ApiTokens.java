package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.apitoken.ApiToken;
import headwater.domain.apitoken.ApiTokenRepository;
import headwater.domain.identity.Role;
import headwater.security.secret.BearerSecret;
import headwater.security.secret.SecretDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API's tokens: made here ({@value #PREFIX} + 256 random bits, {@link BearerSecret}), stored as SHA-256
 * digests by the {@link ApiTokenRepository}, checked on every request. A token is shown once, when made, and never
 * again. Keys of the single admin key that came before ({@value #LEGACY_PREFIX}) were migrated to ADMIN tokens and
 * still authenticate until revoked.
 */
public final class ApiTokens {

    public static final String PREFIX = "hw_api_";
    /** The prefix of admin keys made before named tokens; the V13 migration kept them as ADMIN tokens. */
    public static final String LEGACY_PREFIX = "hw_admin_";
    /** A token's last-used time is written at most this often, so that reads do not each cost a write. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;

    public ApiTokens(ApiTokenRepository tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token made now and stored. Blocking.
     *
     * @param createdBy who asks for it (an account or token name, or {@code cli:<user>})
     * @param expires   when it stops working, or null for never
     * @throws headwater.domain.catalog.InvalidValueException scopes beyond the role, a reseller token without its
     *                                                        reseller, a bad name
     * @throws headwater.domain.catalog.DuplicateKeyException the name is taken (revoked tokens keep theirs)
     */
    public Issued issue(String name, Role role, Set<ApiScope> scopes, String resellerId, String createdBy,
                        Instant expires) {
        BearerSecret secret = BearerSecret.generate(PREFIX);
        ApiToken token = tokens.create(ApiToken.issued(name, secret.digest().hex(), role, scopes, resellerId,
                createdBy, Instant.ofEpochMilli(clock.millis()), expires));
        return new Issued(token, secret.reveal());
    }

    /** Every token, revoked and expired ones too, by name. Blocking. */
    public List<ApiToken> list() {
        return tokens.list();
    }

    /** Revokes the token named {@code name}. Blocking. @return the token as revoked, or empty (none, or already) */
    public Optional<ApiToken> revoke(String name) {
        return tokens.revoke(name, clock.instant());
    }

    /**
     * Removes a token a tool made for itself for one call (see {@link ApiTokenRepository#delete}). Blocking.
     *
     * @return whether it existed
     */
    public boolean discard(String name) {
        return tokens.delete(name);
    }

    /** Whether {@code text} is shaped like a token (or a key from before tokens); says nothing about validity. */
    static boolean hasShape(String text) {
        return BearerSecret.hasShape(PREFIX, text) || BearerSecret.hasShape(LEGACY_PREFIX, text);
    }

    /**
     * The stored, active token that {@code text} is, or why not. The token is found by its digest, and the digests
     * are compared again in constant time; its last-used time is recorded. Blocking.
     */
    Check authenticate(String text) {
        SecretDigest presented = SecretDigest.of(text);
        Optional<ApiToken> found = tokens.findByDigest(presented.hex())
                .filter(token -> SecretDigest.fromHex(token.digest()).equals(presented));
        if (found.isEmpty()) {
            return Check.refused("no stored API token matches the Bearer token");
        }
        ApiToken token = found.get();
        Instant now = clock.instant();
        if (token.revoked() != null) {
            return Check.refused("API token " + token.name() + " was revoked at " + token.revoked());
        }
        if (!token.activeAt(now)) {
            return Check.refused("API token " + token.name() + " expired at " + token.expires());
        }
        if (token.lastUsed() == null || token.lastUsed().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            tokens.recordUse(token.name(), now);
        }
        return new Check(token, null);
    }

    /** A token made by {@link #issue}: the stored row and the token text, to show once. */
    public record Issued(ApiToken token, String secret) {
        /** Never shows the token. */
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    /** The outcome of {@link #authenticate}: the token, or the reason for the log (never the token text). */
    record Check(ApiToken token, String refusal) {
        static Check refused(String reason) {
            return new Check(null, reason);
        }
    }
}
