package headwater.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * An account's TOTP enrolment.
 *
 * @param seed        the shared secret
 * @param started     when the seed was made and shown
 * @param confirmedAt when the owner proved the app has it (first code), or null while pending: a pending enrolment
 *                    is not a second factor yet
 */
public record TotpEnrolment(TotpSeed seed, Instant started, Instant confirmedAt) {

    public TotpEnrolment {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(started, "started");
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
