package headwater.security.token;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs and checks playback tokens: {@code sid "-" exp "-" kid "-" mac}, all lower-case hex, where {@code mac} is
 * the first 16 bytes of HMAC-SHA256(key[kid], {@code sid "-" exp "-" kid "|" scope}). See
 * {@code docs/05-playback-tokens.md} for the grammar, test vectors and an edge check.
 *
 * <p>{@link #verify} runs on the event loop for every media request: it parses in one pass without regular
 * expressions, refuses anything outside the grammar before computing a MAC, uses the ring's per-thread Mac and
 * compares the MAC in constant time. A refusal allocates nothing; a valid token allocates its session id string.
 * Thread-safe.
 */
public final class PlaybackTokens {

    /** Longest text that is even looked at; longer is {@link TokenCheck.Reason#MALFORMED} at once. */
    public static final int MAX_LENGTH = 128;
    /** Hex digits of the session id. */
    public static final int SESSION_ID_LENGTH = 32;
    /** Most hex digits of the expiry: 15, so that it always fits a positive long. */
    public static final int MAX_EXPIRY_DIGITS = 15;
    /** Hex digits of the MAC. */
    public static final int MAC_LENGTH = TokenMac.BYTES * 2;
    private static final long MAX_EXPIRY = (1L << (4 * MAX_EXPIRY_DIGITS)) - 1;
    private static final int MIN_LENGTH = SESSION_ID_LENGTH + 1 + 1 + 1 + 1 + 1 + MAC_LENGTH;

    private final Supplier<TokenKeyRing> keys;

    /** @param keys the ring in force, asked on every call (so that a rotation takes effect at once) */
    public PlaybackTokens(Supplier<TokenKeyRing> keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Tokens under one fixed ring. */
    public static PlaybackTokens of(TokenKeyRing ring) {
        Objects.requireNonNull(ring, "ring");
        return new PlaybackTokens(() -> ring);
    }

    /**
     * The token for a session and a scope, with the ring's signing key.
     *
     * @param sessionId          32 lower-case hex digits
     * @param expiresEpochSecond unix seconds, 0 to 16^15 - 1
     * @param scope              what the token opens, such as {@code live/news}; compared whole
     */
    public String sign(String sessionId, long expiresEpochSecond, String scope) {
        if (sessionId == null || sessionId.length() != SESSION_ID_LENGTH
                || !TokenText.isHex(sessionId, 0, SESSION_ID_LENGTH)) {
            throw new IllegalArgumentException("a session id is " + SESSION_ID_LENGTH + " lower-case hex digits");
        }
        if (expiresEpochSecond < 0 || expiresEpochSecond > MAX_EXPIRY) {
            throw new IllegalArgumentException("a token expiry is 0 to " + MAX_EXPIRY + " (unix seconds), got "
                    + expiresEpochSecond);
        }
        Objects.requireNonNull(scope, "scope");
        TokenKeyRing.Entry entry = ring().signingEntry();
        StringBuilder token = new StringBuilder(SESSION_ID_LENGTH + 2 * MAX_EXPIRY_DIGITS + MAC_LENGTH)
                .append(sessionId).append('-').append(Long.toHexString(expiresEpochSecond)).append('-')
                .append(entry.key.id());
        TokenMac mac = entry.mac();
        mac.compute(token, token.length(), scope);
        token.append('-');
        TokenText.appendHex(token, mac.result(), TokenMac.BYTES);
        return token.toString();
    }

    /**
     * Checks {@code token} for {@code scope} at {@code nowEpochSecond}: grammar, key, MAC (constant time), expiry, in
     * this order. Valid while {@code now < exp}.
     */
    public TokenCheck verify(CharSequence token, CharSequence scope, long nowEpochSecond) {
        int expEnd = expiryEnd(token);
        if (expEnd < 0 || scope == null) {
            return TokenCheck.Reason.MALFORMED.check();
        }
        int macStart = token.length() - MAC_LENGTH;
        TokenKeyRing.Entry entry = ring().find(token, expEnd + 1, macStart - 1);
        if (entry == null) {
            return TokenCheck.Reason.UNKNOWN_KEY.check();
        }
        TokenMac mac = entry.mac();
        mac.compute(token, macStart - 1, scope);
        byte[] expected = mac.result();
        int difference = 0;
        for (int i = 0; i < TokenMac.BYTES; i++) {
            int presented = TokenText.nibble(token.charAt(macStart + 2 * i)) << 4
                    | TokenText.nibble(token.charAt(macStart + 2 * i + 1));
            difference |= presented ^ (expected[i] & 0xff);
        }
        if (difference != 0) {
            return TokenCheck.Reason.BAD_SIGNATURE.check();
        }
        long expires = 0;
        for (int i = SESSION_ID_LENGTH + 1; i < expEnd; i++) {
            expires = expires << 4 | TokenText.nibble(token.charAt(i));
        }
        if (nowEpochSecond >= expires) {
            return TokenCheck.Reason.EXPIRED.check();
        }
        return new TokenCheck.Valid(token.subSequence(0, SESSION_ID_LENGTH).toString(), expires, entry.key.id());
    }

    /** The session id a well-formed token names (not verified: only for routing a request), or null. */
    public static String sessionIdOf(CharSequence token) {
        return expiryEnd(token) < 0 ? null : token.subSequence(0, SESSION_ID_LENGTH).toString();
    }

    /**
     * Whether two tokens are the same text, in time that depends only on their lengths (for comparing a presented
     * token with a stored one). Null equals nothing.
     */
    public static boolean sameToken(CharSequence a, CharSequence b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length(); i++) {
            difference |= a.charAt(i) ^ b.charAt(i);
        }
        return difference == 0;
    }

    private TokenKeyRing ring() {
        TokenKeyRing ring = keys.get();
        if (ring == null) {
            throw new IllegalStateException("no token keys: the key ring is not loaded");
        }
        return ring;
    }

    /**
     * Where the expiry ends (the index of the '-' before the key id) when {@code token} has the grammar, else -1.
     * Looks at each character at most once; nothing secret is involved.
     */
    static int expiryEnd(CharSequence token) {
        if (token == null) {
            return -1;
        }
        int length = token.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return -1;
        }
        int macDash = length - MAC_LENGTH - 1;
        if (token.charAt(SESSION_ID_LENGTH) != '-' || token.charAt(macDash) != '-'
                || !TokenText.isHex(token, 0, SESSION_ID_LENGTH) || !TokenText.isHex(token, macDash + 1, length)) {
            return -1;
        }
        int expStart = SESSION_ID_LENGTH + 1;
        int expEnd = expStart;
        while (expEnd < macDash && TokenText.nibble(token.charAt(expEnd)) >= 0) {
            expEnd++;
        }
        int digits = expEnd - expStart;
        if (digits == 0 || digits > MAX_EXPIRY_DIGITS || (token.charAt(expStart) == '0' && digits > 1)
                || expEnd >= macDash || token.charAt(expEnd) != '-') {
            return -1;
        }
        int kidDigits = macDash - expEnd - 1;
        if (kidDigits < 1 || kidDigits > TokenKey.MAX_ID_LENGTH || !TokenText.isHex(token, expEnd + 1, macDash)) {
            return -1;
        }
        return expEnd;
    }
}
