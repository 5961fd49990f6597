package headwater.domain.protect;

import java.time.Instant;
import java.util.List;

/** The stored data keys (wrapped). Blocking: call from a worker thread. */
public interface DataKeyRepository {

    /** Every key, retired ones included, oldest first. */
    List<DataKey> list();

    /** Stores a new key. */
    void add(DataKey key);

    /** Retires every key but {@code keepId} that is not retired yet. */
    void retireAllBut(String keepId, Instant at);

    /**
     * Replaces the wrapped form of the keys listed (same ids) in one transaction: after a master key rotation either
     * all keys are wrapped under the new master key or none is.
     *
     * @throws headwater.domain.catalog.NotFoundException a listed id is not stored (nothing is changed)
     */
    void rewrap(List<DataKey> keys);
}
