package headwater.app.wiring;

import headwater.api.xtream.XtreamCatalogueStamp;
import headwater.store.Database;
import headwater.store.catalog.CategoriesFingerprint;
import headwater.store.catalog.PackageVodFingerprint;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The Xtream endpoints' {@link XtreamCatalogueStamp} over the store: the channels and the packages' channels
 * ({@link CatalogueFingerprint}), the categories, and the packages' films and series. Five aggregate queries, no rows;
 * read at most once per {@code interval} (the requests in between reuse the last reading), so a catalogue change shows
 * in the Xtream listings within that interval and a burst of requests costs the store one reading per interval.
 */
public final class XtreamCatalogueFingerprint implements XtreamCatalogueStamp {

    /** The default interval: a change shows within a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Database database;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private volatile Reading last;

    /** What one reading saw, and when (System.nanoTime). */
    private record Reading(Stamp stamp, long at) {
    }

    /** The stamp value: equal exactly when no part changed. */
    record Stamp(CatalogueFingerprint catalogue, CategoriesFingerprint categories, PackageVodFingerprint vod) {
    }

    public XtreamCatalogueFingerprint(Database database) {
        this(database, DEFAULT_INTERVAL, System::nanoTime);
    }

    XtreamCatalogueFingerprint(Database database, Duration interval, LongSupplier nanoTime) {
        this.database = Objects.requireNonNull(database, "database");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Object current() {
        long now = nanoTime.getAsLong();
        Reading reading = last;
        if (reading == null || now - reading.at() >= intervalNanos) {
            reading = new Reading(new Stamp(CatalogueFingerprint.read(database), CategoriesFingerprint.read(database),
                    PackageVodFingerprint.read(database)), now);
            last = reading;
        }
        return reading.stamp();
    }
}
