package headwater.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A VOD catalogue for tests: scope to file, counting lookups. */
final class FakeVod implements VodCatalog {

    final Map<String, VodFile> files = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Optional<VodFile> file(String scope) {
        lookups.incrementAndGet();
        return Optional.ofNullable(files.get(scope));
    }
}
