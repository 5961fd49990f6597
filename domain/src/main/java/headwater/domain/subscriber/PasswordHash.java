package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A stored password: a PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}) made by a
 * {@link PasswordHasher}, never the password. Only its shape is checked here; the hasher reads its parameters.
 * {@link #toString()} names the algorithm only, so that the hash never reaches a log.
 */
public record PasswordHash(String phc) {

    public static final int MAX_LENGTH = 512;

    /** {@code $id} then {@code $}-separated fields of the PHC character set (B64, parameters, version). */
    private static final Pattern PHC = Pattern.compile("\\$[a-z0-9-]{1,32}(\\$[A-Za-z0-9/+.=,-]*)+");

    public PasswordHash {
        if (phc == null) {
            throw new InvalidValueException("subscriber", "passwordHash", "is missing");
        }
        if (phc.length() > MAX_LENGTH) {
            throw new InvalidValueException("subscriber", "passwordHash", "is " + phc.length()
                    + " characters long: at most " + MAX_LENGTH + " allowed");
        }
        if (!PHC.matcher(phc).matches()) {
            // The value is not quoted: it may be a password given by mistake.
            throw new InvalidValueException("subscriber", "passwordHash", "is not a PHC string such as "
                    + "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>: store the hasher's output, never a password");
        }
    }

    /** The algorithm id, e.g. {@code argon2id}. */
    public String algorithm() {
        int end = phc.indexOf('$', 1);
        return end < 0 ? phc.substring(1) : phc.substring(1, end);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + "]";
    }
}
