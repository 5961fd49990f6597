package headwater.security.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes passwords with Argon2id (RFC 9106, Bouncy Castle) into PHC strings and verifies them in constant time.
 * Passwords are taken as {@code char[]} and encoded to UTF-8 in a buffer that is wiped after use; the caller wipes
 * its own array. Thread-safe.
 */
public final class Argon2idHasher {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2idHasher.class);

    private final Argon2Parameters parameters;
    private final SecureRandom random;

    /** With {@link Argon2Parameters#RECOMMENDED} and a strong random salt. */
    public Argon2idHasher() {
        this(Argon2Parameters.RECOMMENDED, new SecureRandom());
    }

    public Argon2idHasher(Argon2Parameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
    }

    /**
     * A PHC string of {@code password} with a fresh salt.
     *
     * @throws IllegalArgumentException the password is empty or is not valid UTF-16 (an unpaired surrogate)
     */
    public String hash(char[] password) {
        byte[] salt = new byte[parameters.saltLength()];
        random.nextBytes(salt);
        return hash(password, salt);
    }

    /** A PHC string of {@code password} with the given salt: for known-answer tests. */
    String hash(char[] password, byte[] salt) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        byte[] hash = derive(password, parameters, salt);
        if (hash == null) {
            throw new IllegalArgumentException("the password contains an unpaired UTF-16 surrogate");
        }
        return new Argon2Hash(parameters, salt, hash).format();
    }

    /**
     * Whether {@code password} matches the PHC string {@code stored}, comparing in constant time. An unreadable
     * stored hash never matches; the reason is logged (without the hash), and the caller sees only {@code false}.
     */
    public boolean verify(char[] password, String stored) {
        Argon2Hash expected;
        try {
            expected = Argon2Hash.parse(stored);
        } catch (IllegalArgumentException e) {
            LOG.warn("a stored password hash cannot be used: {}", e.getMessage());
            return false;
        }
        byte[] actual = derive(password, expected.parameters(), expected.salt());
        if (actual == null) {
            return false;
        }
        byte[] wanted = expected.hash();
        boolean same = MessageDigest.isEqual(actual, wanted);
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    /** Whether {@code stored} should be replaced by a new hash: unreadable, or made with other parameters. */
    public boolean needsRehash(String stored) {
        try {
            return !Argon2Hash.parse(stored).parameters().equals(parameters);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    /** The raw Argon2id output, or null when the password cannot be encoded as UTF-8. */
    private static byte[] derive(char[] password, Argon2Parameters parameters, byte[] salt) {
        byte[] utf8 = utf8(password);
        if (utf8 == null) {
            return null;
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                    org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                    .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(parameters.memoryKiB())
                    .withIterations(parameters.iterations())
                    .withParallelism(parameters.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[parameters.hashLength()];
            generator.generateBytes(utf8, out);
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** UTF-8 of the password in an array the caller wipes, or null for an unpaired surrogate. */
    private static byte[] utf8(char[] password) {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            return null;
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
