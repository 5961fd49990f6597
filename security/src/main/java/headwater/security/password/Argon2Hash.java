package headwater.security.password;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in its PHC string form, {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, with
 * salt and hash in unpadded standard Base64 as the reference implementation writes them. Only version 19 (0x13) is
 * read, and only the canonical form (fields in this order, no leading zeros, no padding), so that
 * {@code parse(s).format()} is {@code s}. {@link #toString()} leaves out salt and hash.
 */
public final class Argon2Hash {

    /** Argon2 version 1.3, the only one in use since 2016. */
    public static final int VERSION = 0x13;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=([0-9]{1,10})\\$m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int MAX_TEXT_LENGTH = 256;

    private final Argon2Parameters parameters;
    private final byte[] salt;
    private final byte[] hash;

    Argon2Hash(Argon2Parameters parameters, byte[] salt, byte[] hash) {
        if (salt.length != parameters.saltLength() || hash.length != parameters.hashLength()) {
            throw new IllegalArgumentException("salt and hash lengths " + salt.length + " and " + hash.length
                    + " do not match the parameters " + parameters);
        }
        this.parameters = parameters;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /**
     * Reads a PHC string.
     *
     * @throws IllegalArgumentException naming what is wrong; the message never quotes the salt or the hash
     */
    public static Argon2Hash parse(String phc) {
        if (phc == null) {
            throw new IllegalArgumentException("the password hash is missing");
        }
        if (phc.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("the password hash is " + phc.length() + " characters long: an Argon2id "
                    + "PHC string has at most " + MAX_TEXT_LENGTH);
        }
        if (!phc.startsWith("$argon2id$")) {
            int end = phc.indexOf('$', 1);
            String algorithm = phc.startsWith("$") && end > 1 && end <= 33 ? phc.substring(1, end) : null;
            throw new IllegalArgumentException(algorithm == null
                    ? "the password hash is not a PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash)"
                    : "the password hash uses the algorithm \"" + algorithm.replaceAll("[^A-Za-z0-9-]", "?")
                            + "\": only argon2id is supported");
        }
        Matcher matcher = PHC.matcher(phc);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the password hash is not of the form "
                    + "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash> with unpadded Base64 salt and hash");
        }
        int version = number("version v", matcher.group(1));
        if (version != VERSION) {
            throw new IllegalArgumentException("the password hash has Argon2 version " + version + ": only "
                    + VERSION + " (1.3) is supported");
        }
        byte[] salt = base64("salt", matcher.group(5));
        byte[] hash = base64("hash", matcher.group(6));
        Argon2Parameters parameters = new Argon2Parameters(number("memory m", matcher.group(2)),
                number("iterations t", matcher.group(3)), number("parallelism p", matcher.group(4)), salt.length,
                hash.length);
        return new Argon2Hash(parameters, salt, hash);
    }

    /** The PHC string. */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + VERSION + "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Argon2Hash that && parameters.equals(that.parameters) && Arrays.equals(salt, that.salt)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * parameters.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "Argon2Hash[" + parameters + "]";
    }

    private static int number(String what, String digits) {
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new IllegalArgumentException("the password hash's " + what + " has a leading zero");
        }
        long value = Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the password hash's " + what + " is " + value + ": too large");
        }
        return (int) value;
    }

    private static byte[] base64(String what, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the password hash's " + what + " is not Base64 (" + text.length()
                    + " characters)");
        }
        if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("the password hash's " + what + " is not canonical unpadded Base64: "
                    + "its last character carries bits that are not zero");
        }
        return bytes;
    }
}
