package headwater.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key that wraps the data keys: 256 bits from a key file or the environment, never stored in the database.
 * {@link #toString()} shows a short fingerprint only, so a key logged by mistake leaks nothing.
 */
public final class MasterKey {

    public static final int BYTES = Aes256Gcm.KEY_BYTES;
    private static final String WRAP_CONTEXT = "headwater data key ";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{2,}={0,2}");

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a master key is " + BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** A new random key. */
    public static MasterKey generate() {
        return new MasterKey(Aes256Gcm.randomKey());
    }

    /** @throws IllegalArgumentException not 32 bytes */
    public static MasterKey of(byte[] key) {
        return new MasterKey(key);
    }

    /**
     * The key from its base64 (standard or URL-safe alphabet, padding optional; surrounding white space ignored).
     *
     * @throws IllegalArgumentException not base64 of 32 bytes (the message does not quote the text)
     */
    public static MasterKey fromBase64(String text) {
        String trimmed = text.strip();
        if (!BASE64.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("a master key is the base64 of " + BYTES + " random bytes; this text "
                    + "is not base64");
        }
        byte[] bytes = Base64.getDecoder().decode(trimmed.replace("=", "").replace('-', '+').replace('_', '/'));
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a master key is the base64 of " + BYTES + " random bytes; this text "
                    + "decodes to " + bytes.length + " bytes");
        }
        return new MasterKey(bytes);
    }

    /** The key as base64, for the key file. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** Wraps a data key; the wrapped key opens only under this master key and for the same id. */
    public byte[] wrap(String dataKeyId, byte[] dataKey) {
        return Aes256Gcm.seal(key, context(dataKeyId), dataKey);
    }

    /** @throws UnsealableException wrapped under another master key, for another id, or altered */
    public byte[] unwrap(String dataKeyId, byte[] wrapped) {
        try {
            return Aes256Gcm.open(key, context(dataKeyId), wrapped);
        } catch (UnsealableException e) {
            throw new UnsealableException("data key " + dataKeyId + " does not unwrap under the master key "
                    + fingerprint() + " (another master key, or the stored key was altered)", e);
        }
    }

    /** The first 8 hex digits of SHA-256 over the key: tells keys apart in messages without revealing them. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] context(String dataKeyId) {
        return (WRAP_CONTEXT + dataKeyId).getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison of the key bytes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "MasterKey[" + fingerprint() + "]";
    }
}
