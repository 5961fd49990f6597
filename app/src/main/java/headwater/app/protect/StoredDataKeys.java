package headwater.app.protect;

import headwater.domain.protect.DataKey;
import headwater.domain.protect.DataKeyRepository;
import headwater.security.crypto.WrappedKey;
import headwater.security.crypto.WrappedKeys;
import java.time.Instant;
import java.util.List;

/** The envelope's {@link WrappedKeys} on the store's {@link DataKeyRepository}. */
record StoredDataKeys(DataKeyRepository repository) implements WrappedKeys {

    @Override
    public List<WrappedKey> all() {
        return repository.list().stream().map(StoredDataKeys::wrapped).toList();
    }

    @Override
    public void add(WrappedKey key) {
        repository.add(stored(key));
    }

    @Override
    public void retireAllBut(String keepId, Instant at) {
        repository.retireAllBut(keepId, at);
    }

    static DataKey stored(WrappedKey key) {
        return new DataKey(key.id(), key.wrapped(), key.created(), key.retired());
    }

    private static WrappedKey wrapped(DataKey key) {
        return new WrappedKey(key.id(), key.wrapped(), key.created(), key.retired());
    }
}
