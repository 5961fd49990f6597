package headwater.domain.subscriber;

/**
 * Turns passwords into {@link PasswordHash}es and checks them. Implemented outside the domain (Argon2id in module
 * {@code security}). Callers clear the password arrays after use.
 */
public interface PasswordHasher {

    /** A new hash of {@code password} with a fresh random salt and the current parameters. */
    PasswordHash hash(char[] password);

    /**
     * Whether {@code password} matches {@code hash}, compared in constant time. A hash this hasher cannot read
     * (another algorithm, out-of-range parameters) does not match; it is never an exception the caller could
     * tell apart from a wrong password.
     */
    boolean verify(char[] password, PasswordHash hash);

    /** Whether {@code hash} was made with other parameters than the current ones and should be replaced at next login. */
    boolean needsRehash(PasswordHash hash);
}
