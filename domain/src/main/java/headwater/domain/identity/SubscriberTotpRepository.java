package headwater.domain.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * The stored TOTP enrolments of subscribers. Failures are {@link headwater.domain.catalog.CatalogException}s. Seeds
 * are sealed by the store before they are written.
 */
public interface SubscriberTotpRepository {

    Optional<SubscriberTotp> find(String subscriberId);

    /** Stores a new pending enrolment, replacing a pending one; never replaces a confirmed one. */
    boolean start(String subscriberId, TotpSeed seed, Instant at);

    /** Marks the pending enrolment confirmed. @return whether a pending one existed */
    boolean confirm(String subscriberId, Instant at);

    /**
     * Records that a code of {@code step} was accepted, only if it is later than the last recorded step, atomically:
     * of two requests racing with the same code, one wins.
     *
     * @return whether it was recorded (false: that step or a later one was used already)
     */
    boolean useStep(String subscriberId, long step);

    /** @return whether there was an enrolment */
    boolean remove(String subscriberId);
}
