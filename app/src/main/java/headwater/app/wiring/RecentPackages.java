package headwater.app.wiring;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.catalog.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's packages as the Xtream endpoints read them: each package (and the list of all) is read from the store
 * at most once per {@code maxAge} and shared by every request meanwhile. A package of 10,000 channels is 10,000 rows;
 * reading it for every {@code player_api.php} call of every subscriber made the package read most of each answer's
 * cost (bench/README.md, section 12). A change reaches the listings within {@code maxAge}; what a subscriber may
 * actually play is decided by the session's entitlement check, which does not read through this. Writes go to the
 * store and forget what was read.
 */
public final class RecentPackages implements PackageRepository {

    /** How stale a listing may be. */
    public static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Read<T>(T value, Instant at) {
    }

    private final PackageRepository store;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Read<Optional<Package>>> packages = new ConcurrentHashMap<>();
    private volatile Read<List<Package>> all;

    public RecentPackages(PackageRepository store, Clock clock, Duration maxAge) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    @Override
    public Optional<Package> find(String id) {
        Instant now = clock.instant();
        Read<Optional<Package>> read = packages.get(id);
        if (read == null || stale(read, now)) {
            read = new Read<>(store.find(id), now);
            if (packages.size() > 10_000) {
                packages.clear();
            }
            packages.put(id, read);
        }
        return read.value();
    }

    @Override
    public List<Package> list() {
        Instant now = clock.instant();
        Read<List<Package>> read = all;
        if (read == null || stale(read, now)) {
            read = new Read<>(store.list(), now);
            all = read;
        }
        return read.value();
    }

    /** Whether {@code read} is too old to answer at {@code now}. */
    private boolean stale(Read<?> read, Instant now) {
        return read.at().plus(maxAge).isBefore(now) || read.at().isAfter(now);
    }

    private void forget() {
        packages.clear();
        all = null;
    }

    @Override
    public Package create(Package pkg) {
        forget();
        return store.create(pkg);
    }

    @Override
    public Package update(long expectedVersion, Package pkg) {
        forget();
        return store.update(expectedVersion, pkg);
    }

    @Override
    public Package addChannels(String packageId, Collection<String> channelIds) {
        forget();
        return store.addChannels(packageId, channelIds);
    }

    @Override
    public Package removeChannels(String packageId, Collection<String> channelIds) {
        forget();
        return store.removeChannels(packageId, channelIds);
    }

    @Override
    public boolean delete(String id) {
        forget();
        return store.delete(id);
    }

    @Override
    public Page<Channel> channels(String packageId, int offset, int limit) {
        return store.channels(packageId, offset, limit);
    }
}
