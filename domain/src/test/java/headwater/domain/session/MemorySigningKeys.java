package headwater.domain.session;

import headwater.domain.catalog.DuplicateKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link SigningKeyRepository} in a map, for the domain's tests. */
final class MemorySigningKeys implements SigningKeyRepository {

    private final Map<String, SigningKey> keys = new TreeMap<>();

    @Override
    public synchronized SigningKey create(SigningKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new DuplicateKeyException("signing key", "id", key.id(), "already exists");
        }
        return key;
    }

    @Override
    public synchronized List<SigningKey> list() {
        List<SigningKey> all = new ArrayList<>(keys.values());
        all.sort(Comparator.comparingLong(SigningKey::number));
        return all;
    }

    @Override
    public synchronized boolean retire(String id, Instant at) {
        SigningKey key = keys.get(id);
        if (key == null || key.retired() != null) {
            return false;
        }
        keys.put(id, key.retire(at));
        return true;
    }

    @Override
    public synchronized int purgeRetiredBefore(Instant at) {
        int before = keys.size();
        keys.values().removeIf(k -> k.retired() != null && k.retired().isBefore(at));
        return before - keys.size();
    }
}
