package headwater.security.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B §5.1.1.2 (memorized secrets): long enough, not too long to hash,
 * not on a list of common and breached passwords, not containing the user name, and nothing else (no composition
 * rules, no forced rotation). Every character is allowed, spaces and emoji included; passwords are normalised to
 * Unicode NFKC (§5.1.1.2: "SHOULD be applied") before they are checked and before they are hashed, so that the same
 * password typed on another keyboard still matches. Nothing is ever truncated: a password longer than
 * {@value #MAX_LENGTH} characters is refused, not cut.
 *
 * <p>Minimum length: {@value #OPERATOR_MIN_LENGTH} characters for operators and resellers, whose accounts reach every
 * subscriber; {@value #SUBSCRIBER_MIN_LENGTH} (NIST's minimum) for subscribers, who type theirs into set-top boxes.
 *
 * <p>The list ({@code common-passwords.txt}, beside this class; its README names the source and licence) holds about
 * 18,000 passwords of 8 characters or more; it is compared case-insensitively.
 */
public final class PasswordPolicy {

    public static final int OPERATOR_MIN_LENGTH = 12;
    public static final int SUBSCRIBER_MIN_LENGTH = 8;
    /** Characters (code points, after normalisation) allowed at most; far above what anyone types. */
    public static final int MAX_LENGTH = 256;
    /** A user name shorter than this is not searched for in the password (every password contains "a"). */
    private static final int MIN_USERNAME_SEARCH = 3;

    private static final PasswordPolicy OPERATORS = new PasswordPolicy(OPERATOR_MIN_LENGTH);
    private static final PasswordPolicy SUBSCRIBERS = new PasswordPolicy(SUBSCRIBER_MIN_LENGTH);

    private final int minLength;

    private PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** For operator and reseller accounts. */
    public static PasswordPolicy operators() {
        return OPERATORS;
    }

    /** For subscribers. */
    public static PasswordPolicy subscribers() {
        return SUBSCRIBERS;
    }

    public int minLength() {
        return minLength;
    }

    /** The form a password is checked, hashed and verified in: Unicode NFKC. */
    public static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Why {@code password} may not be set for {@code username}, or empty when it may. The reason never quotes the
     * password.
     */
    public Optional<String> refusal(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("the password is empty");
        }
        String normal = normalise(password);
        int length = normal.codePointCount(0, normal.length());
        if (length < minLength) {
            return Optional.of("the password has " + length + " characters: at least " + minLength + " are needed");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password has " + length + " characters: at most " + MAX_LENGTH + " are allowed");
        }
        if (normal.chars().anyMatch(c -> Character.isSurrogate((char) c)) && !validSurrogates(normal)) {
            return Optional.of("the password is not valid Unicode (an unpaired surrogate)");
        }
        String lower = normal.toLowerCase(Locale.ROOT);
        if (CommonPasswords.SET.contains(lower)) {
            return Optional.of("the password is on the list of common and breached passwords: choose another");
        }
        if (username != null) {
            String name = normalise(username).toLowerCase(Locale.ROOT).strip();
            if (name.length() >= MIN_USERNAME_SEARCH && lower.contains(name)) {
                return Optional.of("the password contains the user name");
            }
        }
        if (normal.codePoints().distinct().count() == 1) {
            return Optional.of("the password repeats a single character");
        }
        return Optional.empty();
    }

    private static boolean validSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The bundled list, read once on first use. */
    private static final class CommonPasswords {
        static final Set<String> SET = load();

        private static Set<String> load() {
            Set<String> set = new HashSet<>(40_000);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("common-passwords.txt is missing beside PasswordPolicy");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        set.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(set);
        }
    }
}
