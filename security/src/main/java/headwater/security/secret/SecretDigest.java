package headwater.security.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 digest of a secret, which is what gets stored instead of the secret. A plain, unsalted hash is enough
 * here: the secrets are 256-bit random values, not passwords, so there is nothing to brute-force or look up.
 * Comparisons run in time independent of where the digests differ.
 */
public final class SecretDigest {

    /** Bytes of a SHA-256 digest. */
    public static final int BYTES = 32;

    private final byte[] bytes;

    private SecretDigest(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The digest of {@code secret}'s UTF-8 bytes. */
    public static SecretDigest of(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("cannot digest a missing secret");
        }
        try {
            return new SecretDigest(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * A stored digest read back from its hex form.
     *
     * @throws IllegalArgumentException not 64 hex digits
     */
    public static SecretDigest fromHex(String hex) {
        if (hex == null || hex.length() != BYTES * 2) {
            throw new IllegalArgumentException("a SHA-256 digest is " + BYTES * 2 + " hex digits, got "
                    + (hex == null ? "none" : hex.length() + " characters"));
        }
        try {
            return new SecretDigest(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a SHA-256 digest is " + BYTES * 2 + " hex digits: " + e.getMessage(), e);
        }
    }

    /** Lower-case hex, 64 characters: the stored form. */
    public String hex() {
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code secret} digests to this digest, compared in constant time. */
    public boolean matches(String secret) {
        return secret != null && equals(of(secret));
    }

    /** Constant-time comparison of the digests ({@link MessageDigest#isEqual}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretDigest digest && MessageDigest.isEqual(bytes, digest.bytes);
    }

    @Override
    public int hashCode() {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
    }

    /** The first 8 hex digits: enough to tell stored keys apart in a log line, useless for finding the secret. */
    @Override
    public String toString() {
        return "sha256:" + hex().substring(0, 8) + "…";
    }
}
