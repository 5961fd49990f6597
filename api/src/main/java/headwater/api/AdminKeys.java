package headwater.api;

import headwater.domain.apikey.ApiKey;
import headwater.domain.apikey.ApiKeyRepository;
import headwater.security.secret.BearerSecret;
import headwater.security.secret.SecretDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin API keys: made here, stored as digests by the {@link ApiKeyRepository}, checked on every request.
 * A key is {@value #PREFIX} + 256 random bits ({@link BearerSecret}); it is shown once, when made, and never again.
 */
public final class AdminKeys {

    public static final String PREFIX = "hw_admin_";
    /** The name of the key that first start makes. */
    public static final String FIRST_KEY_NAME = "admin";
    /** A key's last-used time is written at most this often, so that reads do not each cost a write. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;

    public AdminKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * At first start: makes and stores the first key when no key exists. Blocking (a database write).
     *
     * @return the new key, for the caller to print ONCE; empty when a key existed already
     */
    public Optional<String> ensureKey() {
        BearerSecret secret = BearerSecret.generate(PREFIX);
        return keys.createIfNone(FIRST_KEY_NAME, secret.digest().hex()) ? Optional.of(secret.reveal()) : Optional.empty();
    }

    /**
     * Makes and stores another key (a second operator, a rotation). Blocking.
     *
     * @return the key, to show once
     * @throws headwater.domain.catalog.DuplicateKeyException the name is taken
     */
    public String create(String name) {
        BearerSecret secret = BearerSecret.generate(PREFIX);
        keys.create(name, secret.digest().hex());
        return secret.reveal();
    }

    /**
     * The name of the stored key that {@code token} is, or empty. Every stored digest is compared, in constant time,
     * whatever matches; the key's last-used time is recorded. Blocking (database reads, sometimes a write).
     */
    Optional<String> authenticate(String token) {
        SecretDigest presented = SecretDigest.of(token);
        ApiKey match = null;
        for (ApiKey key : keys.list()) {
            if (SecretDigest.fromHex(key.digest()).equals(presented) && match == null) {
                match = key;
            }
        }
        if (match == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (match.lastUsed() == null || match.lastUsed().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            keys.recordUse(match.name(), now);
        }
        return Optional.of(match.name());
    }
}
