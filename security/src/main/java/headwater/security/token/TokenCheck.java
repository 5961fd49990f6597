package headwater.security.token;

/** What {@link PlaybackTokens#verify} found: a valid token and what it names, or why it is refused. */
public sealed interface TokenCheck {

    /**
     * The token is authentic for the scope and not expired.
     *
     * @param sessionId          the session it names, 32 lower-case hex digits
     * @param expiresEpochSecond when it stops being valid (unix seconds)
     * @param keyId              the key that signed it
     */
    record Valid(String sessionId, long expiresEpochSecond, String keyId) implements TokenCheck {
    }

    /** Refused, and why (for logs and counters; the client only ever learns "no"). */
    record Invalid(Reason reason) implements TokenCheck {
    }

    /** Why a token is refused, in the order the checks run. */
    enum Reason {
        /** Not the token grammar: empty, too long, truncated, not lower-case hex, a leading zero. No MAC computed. */
        MALFORMED,
        /** Its key id is not among the accepted keys (never made, or retired long enough ago to be purged). */
        UNKNOWN_KEY,
        /** The MAC does not match: tampered, or signed for another scope. */
        BAD_SIGNATURE,
        /** Authentic but past its expiry. */
        EXPIRED;

        private final Invalid check = new Invalid(this);

        /** The shared instance for this reason (refusals allocate nothing). */
        public Invalid check() {
            return check;
        }
    }

    default boolean valid() {
        return this instanceof Valid;
    }
}
