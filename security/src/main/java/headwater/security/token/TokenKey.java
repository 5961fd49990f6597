package headwater.security.token;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * One HMAC-SHA256 key that playback tokens are signed with.
 *
 * @param id     the key id carried in every token ({@code kid}): 1 to 8 lower-case hex digits
 * @param secret the HMAC key, 16 to 64 bytes (Headwater makes 32 random bytes); copied in and out, never shown by
 *               {@link #toString()}
 */
public record TokenKey(String id, byte[] secret) {

    public static final int MAX_ID_LENGTH = 8;
    public static final int MIN_SECRET_BYTES = 16;
    public static final int MAX_SECRET_BYTES = 64;

    public TokenKey {
        if (!isId(id)) {
            throw new IllegalArgumentException("a token key id is 1 to " + MAX_ID_LENGTH
                    + " lower-case hex digits, got " + (id == null ? "none" : "\"" + id + "\""));
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret of token key " + id + " is " + secret.length + " bytes: "
                    + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES + " allowed");
        }
        secret = secret.clone();
    }

    /** Whether {@code id} is 1 to 8 lower-case hex digits. */
    public static boolean isId(CharSequence id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (TokenText.nibble(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The secret without copying, for this package's MACs only. */
    byte[] secretBytes() {
        return secret;
    }

    /** Same id and same secret (compared in constant time). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKey key && id.equals(key.id) && MessageDigest.isEqual(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "TokenKey[" + id + ", secret=***(" + secret.length + " bytes)]";
    }
}
