package headwater.domain.guide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes each enabled source when it is due, on one thread, and keeps the store tidy: the retention window is
 * applied once an hour and replaced generations are deleted after every round.
 *
 * <p>A source is due when it was never imported, when its last successful import is {@code refreshInterval} old, or
 * when its last import failed {@code min(refreshInterval, }{@value #RETRY_MINUTES}{@code  minutes)} ago. A failed
 * refresh keeps the old guide; the error is recorded on the source by {@link GuideImport}.
 */
public final class GuideRefreshScheduler implements AutoCloseable {

    static final int RETRY_MINUTES = 15;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(RETRY_MINUTES);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** An unfinished generation this old belongs to an import that died with its process. */
    private static final Duration STALE_LOAD = Duration.ofHours(6);
    private static final System.Logger LOG = System.getLogger(GuideRefreshScheduler.class.getName());

    private final GuideImport imports;
    private final GuideSourceRepository sources;
    private final GuideStore store;
    private final Clock clock;
    private final Duration tick;
    private ScheduledExecutorService executor;
    private Instant lastPurge;

    public GuideRefreshScheduler(GuideImport imports, GuideSourceRepository sources, GuideStore store, Clock clock,
                                 Duration tick) {
        this.imports = imports;
        this.sources = sources;
        this.store = store;
        this.clock = clock;
        this.tick = tick;
    }

    /** Starts the rounds: the first at once, then {@code tick} after the end of each. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("the guide refresh scheduler is running already");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guide-refresh");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::roundLogged, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether {@code source} should be refreshed at {@code now}. */
    public static boolean due(GuideSource source, Instant now) {
        if (!source.enabled()) {
            return false;
        }
        GuideImportOutcome last = source.lastImport();
        if (last == null) {
            return true;
        }
        Duration wait = last.succeeded() ? source.refreshInterval()
                : min(source.refreshInterval(), RETRY_AFTER_FAILURE);
        return !now.isBefore(last.finished().plus(wait));
    }

    /**
     * One round: refreshes the due sources one after the other, applies retention when an hour has passed, deletes
     * replaced generations.
     *
     * @return the ids of the sources refreshed successfully
     */
    public List<String> round() {
        List<String> refreshed = new ArrayList<>();
        for (GuideSource source : sources.list()) {
            if (!due(source, clock.instant())) {
                continue;
            }
            try {
                imports.refresh(source.id());
                refreshed.add(source.id());
            } catch (GuideImportException e) {
                // recorded on the source and logged by the import; the old guide stays
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "guide source " + source.id() + ": refresh failed", e);
            }
        }
        Instant now = clock.instant();
        if (lastPurge == null || !now.isBefore(lastPurge.plus(PURGE_EVERY))) {
            GuideRetention retention = imports.options().retention();
            long purged = store.purge(retention.keepFrom(now), retention.keepUntil(now));
            lastPurge = now;
            LOG.log(System.Logger.Level.DEBUG, () -> "guide retention: " + purged + " programmes purged");
        }
        store.collectGarbage(now.minus(STALE_LOAD));
        return refreshed;
    }

    private void roundLogged() {
        try {
            round();
        } catch (RuntimeException e) {
            // One bad round (the database briefly unreachable) must not end the schedule.
            LOG.log(System.Logger.Level.WARNING, "guide refresh round failed; next round in " + tick, e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the guide refresh thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
