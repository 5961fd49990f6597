package headwater.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's optional TOTP enrolment: once confirmed, the portal login needs a code besides the password.
 *
 * @param subscriberId whose
 * @param seed         the shared secret (sealed at rest under {@link headwater.domain.protect.FieldCipher} field
 *                     {@value #SEED_FIELD})
 * @param started      when the seed was made and shown
 * @param confirmedAt  when the subscriber proved the app has it (first code), or null while pending
 * @param lastStep     the last TOTP step accepted, or {@link Long#MIN_VALUE} when none was
 */
public record SubscriberTotp(String subscriberId, TotpSeed seed, Instant started, Instant confirmedAt, long lastStep) {

    /** The FieldCipher field the seed is sealed for (the column {@code subscriber_totp.seed}). */
    public static final String SEED_FIELD = "subscriber_totp.seed";

    public SubscriberTotp {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(started, "started");
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
