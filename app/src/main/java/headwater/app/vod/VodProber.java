package headwater.app.vod;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.vod.Episode;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.Series;
import headwater.domain.vod.SeriesRepository;
import headwater.domain.vod.VodQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes, in the background of a running server, the films and episodes whose media info is unknown (never probed)
 * or whose source changed since it was probed, at most {@code concurrency} at a time.
 *
 * <p>They are found by a periodic scan of the catalogue, not by a hook in the admin API: the CLI adds films from
 * another process, and a second server may share a PostgreSQL. The scan has its own interval ({@code vod.scanInterval},
 * 30 s by default) rather than the channel poll's 2 s: there is no cheap fingerprint of the VOD tables, so each scan
 * reads every film and episode, and a film whose details appear half a minute after it was added costs nobody
 * anything, unlike a channel that should start at once.
 *
 * <p>"Source changed" is judged against what this process saw: a film seen for the first time with media info is
 * taken as probed from its current source; one whose source is later no longer the one seen is probed again. A source changed
 * while no server ran keeps its old media info until {@code headwater vod probe} (the store keeps no probed source).
 * Failures are remembered in {@link ProbeFailures}: logged once per source, retried with a growing delay.
 */
public final class VodProber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VodProber.class);
    private static final int PAGE = VodQuery.MAX_LIMIT;

    private final VodProbing probing;
    private final MovieRepository movies;
    private final SeriesRepository series;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ProbeFailures failures = new ProbeFailures();
    /** The source each film or episode had when it was last seen with media info. */
    private final Map<String, URI> probedSources = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Counter probed;
    private final Counter failed;

    public VodProber(VodProbing probing, MovieRepository movies, SeriesRepository series, Clock clock, int concurrency,
                     MeterRegistry registry) {
        this.probing = probing;
        this.movies = movies;
        this.series = series;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("vod-probe-", 1).daemon().factory());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vod-scan").daemon().factory());
        this.probed = Counter.builder("headwater.vod.probes").tag("result", "stored")
                .description("Probes of films and episodes by their result").register(registry);
        this.failed = Counter.builder("headwater.vod.probes").tag("result", "failed")
                .description("Probes of films and episodes by their result").register(registry);
    }

    /** Scans now and then every {@code interval}; a failed scan is logged and the next one tries again. */
    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::scanQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("cannot scan the films and episodes for probing (retrying in the next scan): {}", e.getMessage());
        }
    }

    /** Queues every film and episode that needs a probe; returns how many were queued. */
    synchronized int scan() {
        Set<String> seen = new HashSet<>();
        int queued = 0;
        for (Movie movie : allMovies()) {
            queued += consider("movie:" + movie.id(), movie.draft().source(), movie.mediaInfo(), seen,
                    key -> probing.probeMovie(movie.id()).draft().source());
        }
        for (Episode episode : allEpisodes()) {
            queued += consider("episode:" + episode.id(), episode.source(), episode.mediaInfo(), seen,
                    key -> probing.probeEpisode(episode.id()).source());
        }
        probedSources.keySet().retainAll(seen);
        failures.retain(seen);
        return queued;
    }

    private int consider(String key, URI source, MediaInfo info, Set<String> seen, Function<String, URI> probe) {
        seen.add(key);
        if (info != null) {
            URI known = probedSources.putIfAbsent(key, source);
            if (known == null || known.equals(source)) {
                return 0;
            }
        }
        if (failures.waiting(key, source, clock.instant()) || !inFlight.add(key)) {
            return 0;
        }
        workers.execute(() -> run(key, source, probe));
        return 1;
    }

    private void run(String key, URI source, Function<String, URI> probe) {
        try {
            URI stored = probe.apply(key);
            probedSources.put(key, stored);
            failures.forget(key);
            probed.increment();
            LOG.info("probed {} ({})", key, MediaProbeException.shown(stored));
        } catch (MediaProbeException e) {
            failed.increment();
            URI failedSource = e.source() == null ? source : e.source();
            if (failures.record(key, failedSource, clock.instant())) {
                LOG.warn("{}: {} (retried after {}, or at once when its source changes)", key, e.getMessage(),
                        headwater.app.config.DurationText.format(ProbeFailures.FIRST_RETRY));
            } else {
                LOG.debug("{}: still failing: {}", key, e.getMessage());
            }
        } catch (NotFoundException e) {
            LOG.debug("{} was deleted before it was probed", key);
        } catch (CatalogException e) {
            LOG.info("{} changed while it was probed; the next scan probes it again ({})", key, e.getMessage());
        } catch (RuntimeException e) {
            failed.increment();
            if (failures.record(key, source, clock.instant())) {
                LOG.warn("{}: cannot probe or store its media info: {}", key, e.toString());
            }
        } finally {
            inFlight.remove(key);
        }
    }

    private List<Movie> allMovies() {
        return all(movies::list);
    }

    private List<Episode> allEpisodes() {
        List<Episode> episodes = new ArrayList<>();
        for (Series show : all(series::list)) {
            episodes.addAll(series.episodes(show.id()));
        }
        return episodes;
    }

    private static <T> List<T> all(Function<VodQuery, Page<T>> list) {
        List<T> all = new ArrayList<>();
        VodQuery query = VodQuery.firstPage(PAGE);
        Page<T> page;
        do {
            page = list.apply(query);
            all.addAll(page.items());
            query = query.next();
        } while (page.hasMore() && !page.items().isEmpty());
        return all;
    }

    /** Stops scanning and waits for the running probes (each ends within its timeout). */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
