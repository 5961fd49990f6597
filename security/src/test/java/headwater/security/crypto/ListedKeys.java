package headwater.security.crypto;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wrapped keys in a list, for the cipher's own tests (the database-backed store is tested in the store module). */
final class ListedKeys implements WrappedKeys {

    final List<WrappedKey> keys = new CopyOnWriteArrayList<>();

    @Override
    public List<WrappedKey> all() {
        return List.copyOf(keys);
    }

    @Override
    public void add(WrappedKey key) {
        keys.add(key);
    }

    @Override
    public void retireAllBut(String keepId, Instant at) {
        keys.replaceAll(k -> k.id().equals(keepId) || k.retired() != null ? k
                : new WrappedKey(k.id(), k.wrapped(), k.created(), at));
    }
}
