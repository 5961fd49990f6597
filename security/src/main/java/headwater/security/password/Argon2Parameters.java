package headwater.security.password;

/**
 * The cost and sizes of an Argon2id hash.
 *
 * @param memoryKiB   memory per hash in KiB ({@code m})
 * @param iterations  passes over the memory ({@code t})
 * @param parallelism lanes ({@code p})
 * @param saltLength  bytes of random salt
 * @param hashLength  bytes of output
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength) {

    /**
     * OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane; Password Storage Cheat Sheet), a 16-byte salt and a
     * 32-byte hash: about 20 MiB and tens of milliseconds per login.
     */
    public static final Argon2Parameters RECOMMENDED = new Argon2Parameters(19_456, 2, 1, 16, 32);

    /**
     * Limits for hashes read from storage (256 MiB, 32 passes, 16 lanes: far above any published recommendation), so
     * that a planted hash cannot make one login allocate gigabytes or run for minutes.
     */
    public static final int MAX_MEMORY_KIB = 262_144;
    public static final int MAX_ITERATIONS = 32;
    public static final int MAX_PARALLELISM = 16;
    public static final int MIN_SALT_LENGTH = 8;
    public static final int MAX_SALT_LENGTH = 64;
    public static final int MIN_HASH_LENGTH = 16;
    public static final int MAX_HASH_LENGTH = 64;

    public Argon2Parameters {
        check("parallelism p", parallelism, 1, MAX_PARALLELISM);
        check("memory m", memoryKiB, 8 * parallelism, MAX_MEMORY_KIB);
        check("iterations t", iterations, 1, MAX_ITERATIONS);
        check("salt length", saltLength, MIN_SALT_LENGTH, MAX_SALT_LENGTH);
        check("hash length", hashLength, MIN_HASH_LENGTH, MAX_HASH_LENGTH);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Argon2 " + what + " is " + value + ": must be between " + min + " and "
                    + max);
        }
    }
}
