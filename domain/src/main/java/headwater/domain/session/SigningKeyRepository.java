package headwater.domain.session;

import java.time.Instant;
import java.util.List;

/**
 * The token signing keys at rest (secrets included: the store's database must be protected like the keys). Failures
 * are {@link headwater.domain.catalog.CatalogException}s.
 */
public interface SigningKeyRepository {

    /**
     * Stores a new key.
     *
     * @throws headwater.domain.catalog.DuplicateKeyException its id is taken (another node rotated at the same time)
     */
    SigningKey create(SigningKey key);

    /** Every stored key, oldest id first. */
    List<SigningKey> list();

    /**
     * Retires the key at {@code at} unless it is retired already (an earlier retirement is never moved).
     *
     * @return whether it was retired now
     */
    boolean retire(String id, Instant at);

    /**
     * Deletes the keys retired before {@code at}: their tokens have all expired.
     *
     * @return how many were deleted
     */
    int purgeRetiredBefore(Instant at);
}
