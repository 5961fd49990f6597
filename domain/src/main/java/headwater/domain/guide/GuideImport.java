package headwater.domain.guide;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.Page;
import headwater.domain.epg.XmltvImportReport;
import headwater.domain.epg.XmltvParseException;
import headwater.domain.epg.XmltvReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Imports a source's XMLTV guide into the {@link GuideStore}: streamed (the guide is never held in memory), shifted
 * by the source's time shift, matched to the catalogue ({@link ChannelMatcher}), put in order
 * ({@link ProgrammeTimeline}), cut to the retention window, and written as a new generation that becomes the
 * source's guide only when everything was read and stored. A failed import (a corrupt or truncated file, a refused
 * entity, a database error) leaves the previous guide as it was and records the error on the source.
 *
 * <p>One import per source at a time in this process; a second one is refused while the first runs.
 */
public final class GuideImport {

    private static final System.Logger LOG = System.getLogger(GuideImport.class.getName());

    private final GuideSourceRepository sources;
    private final GuideStore store;
    private final ChannelRepository channels;
    private final GuideFetcher fetcher;
    private final Clock clock;
    private final GuideImportOptions options;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    public GuideImport(GuideSourceRepository sources, GuideStore store, ChannelRepository channels,
                       GuideFetcher fetcher, Clock clock, GuideImportOptions options) {
        this.sources = sources;
        this.store = store;
        this.channels = channels;
        this.fetcher = fetcher;
        this.clock = clock;
        this.options = options;
    }

    public GuideImportOptions options() {
        return options;
    }

    /**
     * Fetches the source's guide with the {@link GuideFetcher} and imports it.
     *
     * @throws headwater.domain.catalog.NotFoundException the source does not exist
     * @throws GuideImportException                       the guide cannot be fetched, read or stored
     */
    public GuideImportReport refresh(String sourceId) throws GuideImportException {
        GuideSource source = sources.get(sourceId);
        long t0 = System.nanoTime();
        InputStream in;
        try {
            in = fetcher.open(source);
        } catch (IOException | RuntimeException e) {
            throw failure(source, "cannot fetch the guide: " + message(e), e, t0);
        }
        try {
            return importFrom(sourceId, in);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "guide source " + sourceId + ": cannot close the guide: " + e);
            }
        }
    }

    /**
     * Imports the guide read from {@code in} (plain or gzip) as the source's new guide. Does not close {@code in}.
     *
     * @throws headwater.domain.catalog.NotFoundException the source does not exist
     * @throws GuideImportException                       the guide cannot be read or stored, or an import of the
     *                                                    source is running already
     */
    public GuideImportReport importFrom(String sourceId, InputStream in) throws GuideImportException {
        GuideSource source = sources.get(sourceId);
        ReentrantLock lock = running.computeIfAbsent(sourceId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new GuideImportException(sourceId, "guide source " + sourceId + ": an import of it is running "
                    + "already; try again when it has finished", null);
        }
        long t0 = System.nanoTime();
        try {
            Instant now = clock.instant();
            ChannelMatcher matcher = matcher();
            try (GuideLoad load = store.begin(sourceId)) {
                GuideImportListener listener = new GuideImportListener(load, source.timeShift(), options, now, matcher);
                XmltvImportReport xmltv = new XmltvReader(options.reader()).read(in, listener);
                GuideImportListener.Result result = listener.finish();
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                load.commit(result.spans(), new GuideImportOutcome(clock.instant(), null, result.channels(),
                        result.programmes(), result.unmatched(), took));
                GuideImportReport report = new GuideImportReport(sourceId, load.generation(), result.channels(),
                        result.read(), result.programmes(), result.tally().duplicates(), result.tally().truncated(),
                        result.tally().openEnded(), result.outsideRetention(), result.unmatched(),
                        result.unmatchedFirst(), result.links(), xmltv, took);
                LOG.log(System.Logger.Level.INFO, report::toString);
                return report;
            }
        } catch (XmltvParseException e) {
            throw failure(source, e.getMessage(), e, t0);
        } catch (IOException e) {
            throw failure(source, "cannot read the guide: " + message(e), e, t0);
        } catch (RuntimeException e) {
            throw failure(source, "cannot store the guide: " + message(e), e, t0);
        } finally {
            lock.unlock();
        }
    }

    /** Matches the XMLTV channels of every current guide to the catalogue again; returns the number of links. */
    public long relink() {
        return store.relink(matcher());
    }

    /** The matcher for the catalogue as it is now. */
    public ChannelMatcher matcher() {
        List<Channel> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Channel> page = channels.list(ChannelQuery.firstPage(ChannelQuery.MAX_LIMIT)
                    .page(offset, ChannelQuery.MAX_LIMIT));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return new ChannelMatcher(all);
            }
        }
    }

    private GuideImportException failure(GuideSource source, String what, Exception cause, long t0) {
        String message = "guide source " + source.id() + " (" + source.location() + "): " + what;
        GuideImportException failure = new GuideImportException(source.id(), message, cause);
        try {
            sources.recordFailure(source.id(), GuideImportOutcome.failed(clock.instant(), message,
                    Duration.ofNanos(System.nanoTime() - t0)));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        LOG.log(System.Logger.Level.WARNING, message + "; the previous guide stays");
        return failure;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
