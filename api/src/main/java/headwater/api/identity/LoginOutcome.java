package headwater.api.identity;

import java.time.Duration;
import java.time.Instant;

/** What a login attempt came to. The client sees only success, one generic refusal, or a wait. */
sealed interface LoginOutcome {

    /**
     * @param ownerId        the account's or subscriber's id
     * @param secondFactorAt when the second factor was proven (now), or null when none was (an operator who has
     *                       not enrolled yet, or a subscriber without TOTP)
     */
    record Success(String ownerId, Instant secondFactorAt) implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }

    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
