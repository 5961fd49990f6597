package headwater.domain.session;

import headwater.domain.catalog.DuplicateKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The token signing keys, kept by a {@link SigningKeyRepository} under {@link KeyRotation}'s rules: first start makes
 * a key, a rotation makes the next one and retires the current one, the ring in force is read from the stored keys.
 * Every method is blocking (database calls). Two nodes may call it at the same time: a key id taken by another node
 * makes it read the keys again and use the next id.
 */
public final class SigningKeys {

    /** Bytes of a new secret: 256 bits, as long as HMAC-SHA256's output. */
    public static final int SECRET_BYTES = 32;
    private static final int ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKeyRepository keys;
    private final KeyRotation rotation;
    private final Clock clock;

    public SigningKeys(SigningKeyRepository keys, KeyRotation rotation, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public KeyRotation rotation() {
        return rotation;
    }

    /**
     * Makes a key when none signs (first start).
     *
     * @return the key made now, or empty when one was there (or another node made it meanwhile)
     */
    public Optional<SigningKey> ensureKey() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<SigningKey> stored = keys.list();
            if (rotation.signing(stored, now()).isPresent()) {
                return Optional.empty();
            }
            try {
                return Optional.of(keys.create(newKey(stored, now())));
            } catch (DuplicateKeyException raced) {
                // another node made one: read again
            }
        }
        throw new IllegalStateException("could not make a token signing key: its id was taken " + ATTEMPTS + " times");
    }

    /**
     * Makes the next key and retires every current one at {@link KeyRotation#retirement}: the new key signs from then
     * on, the old ones stay accepted until their tokens have expired.
     *
     * @return the new key
     */
    public SigningKey rotate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<SigningKey> stored = keys.list();
            Instant now = now();
            SigningKey next = newKey(stored, now);
            try {
                keys.create(next);
            } catch (DuplicateKeyException raced) {
                continue; // another node rotated at the same moment: rotate past its key
            }
            for (SigningKey key : stored) {
                if (key.retired() == null) {
                    keys.retire(key.id(), rotation.retirement(now));
                }
            }
            return next;
        }
        throw new IllegalStateException("could not rotate the token signing key: its id was taken " + ATTEMPTS
                + " times");
    }

    /**
     * The keys in force now.
     *
     * @throws IllegalStateException no key signs ({@link #ensureKey} has not run)
     */
    public SigningKeySet current() {
        List<SigningKey> stored = keys.list();
        Instant now = now();
        SigningKey signing = rotation.signing(stored, now).orElseThrow(() -> new IllegalStateException(
                "no token signing key is stored: the server makes one when it starts"));
        return new SigningKeySet(signing, rotation.accepted(stored, now));
    }

    /** Every stored key, oldest id first. */
    public List<SigningKey> list() {
        return keys.list();
    }

    /** Deletes the keys whose tokens have all expired; returns how many. */
    public int purge() {
        return keys.purgeRetiredBefore(rotation.purgeBefore(now()));
    }

    /** Now on this service's clock, to the millisecond, as the store keeps instants. */
    public Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private static SigningKey newKey(List<SigningKey> stored, Instant now) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new SigningKey(KeyRotation.nextId(stored), secret, now, null);
    }
}
