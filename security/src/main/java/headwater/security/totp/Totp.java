package headwater.security.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA1 (RFC 4226 dynamic
 * truncation), {@value #DIGITS} digits, a step of {@value #STEP_SECONDS} seconds from the Unix epoch. A code is
 * accepted in the current step and one step either side (clock drift, a code typed as it turned), and only in a step
 * later than the last one used, so that a code seen over a shoulder or in a log cannot be replayed: {@link #verify}
 * returns the step it matched, which the caller stores. Stateless and thread-safe.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int STEP_SECONDS = 30;
    /** Steps accepted either side of the current one. */
    public static final int DRIFT_STEPS = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The step {@code at} falls in: seconds since the epoch divided by {@value #STEP_SECONDS}. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The {@value #DIGITS}-digit code of {@code key} for {@code step}. */
    public static String code(TotpKey key, long step) {
        return code(key.bytes(), step, DIGITS);
    }

    /**
     * The step in which {@code code} is the key's code, among the current step ± {@value #DRIFT_STEPS} and after
     * {@code lastUsedStep}; empty when none. Every candidate step is computed and compared in constant time, so the
     * time taken does not say which step matched or how many digits were right.
     *
     * @param lastUsedStep the step of the last code accepted for this key, or {@link Long#MIN_VALUE} for none
     */
    public static OptionalLong verify(TotpKey key, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.strip().replace(" ", "");
        if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] presented = digits.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long candidate = current - DRIFT_STEPS; candidate <= current + DRIFT_STEPS; candidate++) {
            byte[] expected = code(key.bytes(), candidate, DIGITS).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented) && candidate > lastUsedStep && matched == Long.MIN_VALUE) {
                matched = candidate;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** RFC 4226 HOTP with HMAC-SHA1 of the 8-byte big-endian {@code counter}, truncated to {@code digits}. */
    static String code(byte[] key, long counter, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA1", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        String text = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - text.length()) + text;
    }
}
