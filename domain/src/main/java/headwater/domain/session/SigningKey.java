package headwater.domain.session;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key that playback tokens are signed with, as the store keeps it. The secret has to be stored itself (an HMAC
 * cannot be checked against a digest), so it is copied in and out and never shown by {@link #toString()}.
 *
 * @param id      the key id carried in tokens: 1 to 8 lower-case hex digits, a counter ({@link KeyRotation#nextId})
 * @param secret  the HMAC-SHA256 key, 16 to 64 bytes (Headwater makes 32 random bytes)
 * @param created when it was made; it signs from {@code created + propagation} on (see {@link KeyRotation})
 * @param retired when it stops (or stopped) signing, or null while it is current; its tokens stay accepted until
 *                {@code retired + sessions.lifetime}
 */
public record SigningKey(String id, byte[] secret, Instant created, Instant retired) {

    public static final int MAX_ID_LENGTH = 8;
    public static final int MIN_SECRET_BYTES = 16;
    public static final int MAX_SECRET_BYTES = 64;

    public SigningKey {
        checkId(id);
        if (secret == null || secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            throw new InvalidValueException("signing key", "secret", "must be " + MIN_SECRET_BYTES + " to "
                    + MAX_SECRET_BYTES + " bytes, got " + (secret == null ? "none" : secret.length));
        }
        secret = secret.clone();
        Objects.requireNonNull(created, "created");
    }

    /** @throws InvalidValueException not 1 to 8 lower-case hex digits */
    public static String checkId(String id) {
        boolean hex = id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
        for (int i = 0; hex && i < id.length(); i++) {
            char c = id.charAt(i);
            hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!hex) {
            throw new InvalidValueException("signing key", "id", (id == null ? "is missing" : "\"" + id + "\" is not")
                    + " 1 to " + MAX_ID_LENGTH + " lower-case hex digits");
        }
        return id;
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** Whether it no longer signs at {@code at}. */
    public boolean retiredAt(Instant at) {
        return retired != null && !at.isBefore(retired);
    }

    /** This key retired at {@code at}. */
    public SigningKey retire(Instant at) {
        return new SigningKey(id, secret, created, at);
    }

    /** The id as a number, for ordering keys by age of their counter. */
    public long number() {
        return Long.parseLong(id, 16);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && id.equals(key.id) && Arrays.equals(secret, key.secret)
                && created.equals(key.created) && Objects.equals(retired, key.retired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, created, retired);
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + ", secret=***, created=" + created + ", retired=" + retired + "]";
    }
}
