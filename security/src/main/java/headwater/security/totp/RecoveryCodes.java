package headwater.security.totp;

import headwater.security.secret.SecretDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: the way into an account whose authenticator is lost. Each is 80 random bits as 16 Base32
 * characters in groups of four ({@code abcd-efgh-ijkl-mnop}), shown once and stored as the SHA-256 digest of its
 * normalised form: with 80 bits there is nothing to brute-force, so a fast digest suffices (as for
 * {@link SecretDigest}'s bearer secrets). A code works once; the caller deletes its digest when it is used.
 */
public final class RecoveryCodes {

    /** Codes made at enrolment. */
    public static final int COUNT = 10;
    private static final int BYTES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** {@value #COUNT} new codes, as shown to their owner. */
    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            codes.add(randomCode());
        }
        return List.copyOf(codes);
    }

    /**
     * One code of this form ({@code abcd-efgh-ijkl-mnop}, 80 random bits): also for other one-time codes a person
     * types, such as the first-run setup code.
     */
    public static String randomCode() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String text = Base32.encode(bytes).toLowerCase(Locale.ROOT);
        return text.substring(0, 4) + "-" + text.substring(4, 8) + "-" + text.substring(8, 12) + "-"
                + text.substring(12, 16);
    }

    /**
     * The digest to store for a code, or to look a presented code up by: of its normalised form (lower case, without
     * spaces and hyphens), so that {@code ABCD EFGH ...} as typed finds {@code abcd-efgh-...} as shown.
     */
    public static SecretDigest digest(String code) {
        return SecretDigest.of(normalise(code));
    }

    /** Whether {@code text} could be a recovery code (16 Base32 characters once normalised): no digest otherwise. */
    public static boolean hasShape(String text) {
        if (text == null || text.length() > 40) {
            return false;
        }
        String normal = normalise(text);
        return normal.length() == 16 && normal.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '2' && c <= '7');
    }

    private static String normalise(String code) {
        if (code == null) {
            throw new IllegalArgumentException("the recovery code is missing");
        }
        return code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }
}
