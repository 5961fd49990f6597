package headwater.api.identity;

import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies a password against a stored hash, or against a decoy hash when there is none (unknown user), so that both
 * cost one Argon2id and an answer's timing does not tell whether a username exists.
 */
final class PasswordCheck {

    private final PasswordHasher hasher;
    private volatile PasswordHash decoy;

    PasswordCheck(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** Whether {@code password} matches {@code stored}; with a null {@code stored}, false after the same work. */
    boolean matches(String password, PasswordHash stored) {
        char[] characters = password.toCharArray();
        try {
            boolean verified = hasher.verify(characters, stored == null ? decoy() : stored);
            return verified && stored != null;
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    /** Makes the decoy hash now, so that not even the first unknown username costs more than a known one. */
    PasswordCheck prepared() {
        decoy();
        return this;
    }

    PasswordHash hash(String password) {
        char[] characters = password.toCharArray();
        try {
            return hasher.hash(characters);
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash);
    }

    private PasswordHash decoy() {
        PasswordHash made = decoy;
        if (made == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            made = hash(Base64.getEncoder().encodeToString(random));
            decoy = made;
        }
        return made;
    }
}
