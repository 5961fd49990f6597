package headwater.security.totp;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The shared secret of one TOTP enrolment: {@value #BYTES} random bytes (160 bits, the HMAC-SHA1 block RFC 4226 §4
 * recommends). Shown once to its owner as a QR code and a manual key ({@link #base32()}); stored only sealed.
 * {@link #toString()} never shows it.
 */
public final class TotpKey {

    public static final int BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private TotpKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TotpKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new TotpKey(bytes);
    }

    /**
     * A key read back from storage or typed by a person.
     *
     * @throws IllegalArgumentException shorter than 80 bits (RFC 4226 §4's minimum) or longer than 512
     */
    public static TotpKey of(byte[] bytes) {
        if (bytes == null || bytes.length < 10 || bytes.length > 64) {
            throw new IllegalArgumentException("a TOTP key is 10 to 64 bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new TotpKey(bytes.clone());
    }

    /** @throws IllegalArgumentException not Base32, or of the wrong length */
    public static TotpKey ofBase32(String text) {
        return of(Base32.decode(text));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The manual key, Base32 without padding. */
    public String base32() {
        return Base32.encode(bytes);
    }

    /** The manual key in groups of four, as people copy it into an app. */
    public String grouped() {
        String text = base32();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 4) {
            out.append(out.isEmpty() ? "" : " ").append(text, i, Math.min(text.length(), i + 4));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpKey that && java.security.MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpKey[***]";
    }
}
