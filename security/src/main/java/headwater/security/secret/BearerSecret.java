package headwater.security.secret;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer secret: a prefix naming what it unlocks ({@code hw_admin_}) followed by 256 random bits in unpadded
 * URL-safe base64 (43 characters). The prefix lets secret scanners and people recognise a leaked key; the random part
 * is what makes it unguessable. {@link #toString()} shows the prefix only, so a secret logged by mistake leaks nothing.
 */
public final class BearerSecret {

    /** Random bytes in a secret: 256 bits. */
    public static final int RANDOM_BYTES = 32;
    /** Length of the base64url text of {@link #RANDOM_BYTES} without padding. */
    public static final int RANDOM_CHARS = 43;

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]*_([a-z0-9]+_)*");
    private static final Pattern RANDOM = Pattern.compile("[A-Za-z0-9_-]{" + RANDOM_CHARS + "}");
    private static final SecureRandom RANDOM_SOURCE = new SecureRandom();

    private final String prefix;
    private final String value;

    private BearerSecret(String prefix, String value) {
        this.prefix = prefix;
        this.value = value;
    }

    /**
     * A new secret from the JDK's {@link SecureRandom}.
     *
     * @param prefix lower-case letters and digits ending in '_', e.g. {@code hw_admin_}
     */
    public static BearerSecret generate(String prefix) {
        return generate(prefix, RANDOM_SOURCE);
    }

    static BearerSecret generate(String prefix, SecureRandom random) {
        checkPrefix(prefix);
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new BearerSecret(prefix, prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Whether {@code candidate} has the shape of a secret with this prefix. Only a shape check, for early and precise
     * log lines; whether it is a valid key is decided by comparing digests.
     */
    public static boolean hasShape(String prefix, String candidate) {
        checkPrefix(prefix);
        return candidate != null && candidate.length() == prefix.length() + RANDOM_CHARS && candidate.startsWith(prefix)
                && RANDOM.matcher(candidate).region(prefix.length(), candidate.length()).matches();
    }

    private static void checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches() || prefix.length() > 32) {
            throw new IllegalArgumentException("secret prefix \"" + prefix
                    + "\" must be at most 32 lower-case letters, digits and '_', start with a letter and end with '_'");
        }
    }

    /** The secret itself: show it to its owner once, never log it. */
    public String reveal() {
        return value;
    }

    public String prefix() {
        return prefix;
    }

    /** The digest to store in its place. */
    public SecretDigest digest() {
        return SecretDigest.of(value);
    }

    @Override
    public String toString() {
        return prefix + "…(secret)";
    }
}
