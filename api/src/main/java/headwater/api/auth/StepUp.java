package headwater.api.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * Step-up for sensitive actions (payout, key rotation, role change): the caller must have proven its second factor
 * within {@link #WINDOW}, at login or through {@code POST /api/v1/auth/step-up}. API tokens never qualify: a token is
 * one factor.
 */
public final class StepUp {

    /** How recent the second factor must be. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private StepUp() {
    }

    /** Whether {@code principal} proved its second factor at most {@link #WINDOW} before {@code now}. */
    public static boolean recent(Principal principal, Instant now) {
        if (principal == null || principal.kind() != Principal.Kind.WEB_SESSION || principal.secondFactorAt() == null) {
            return false;
        }
        Instant at = principal.secondFactorAt();
        return !at.isAfter(now) && Duration.between(at, now).compareTo(WINDOW) <= 0;
    }
}
