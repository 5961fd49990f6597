package headwater.app.wiring;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.Page;
import headwater.headend.ChannelSpec;
import headwater.headend.Headend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled channels of the catalogue in the headend, next to the configuration's, and follows the catalogue
 * as it changes: a new or re-enabled channel is started, a channel whose sources, name or packaging changed is
 * restarted, a disabled or deleted one is stopped. Edits that do not change what the headend plays (number, logo,
 * categories, guide id) leave the stream alone: the comparison is on the headend's {@link ChannelSpec}.
 *
 * <p>Why polling and not a change notification: the catalogue is written by other processes too (the CLI while the
 * server runs, a second server on the same PostgreSQL). SQLite has no cross-process notification (its update hook
 * sees only its own connection); PostgreSQL's LISTEN/NOTIFY would cover one of the two dialects. Polling works for
 * every writer on both. Each poll first reads a fingerprint of the channel table (one aggregate query: count, sum of
 * versions, sum of creation times, last update; see {@code ChannelsFingerprint}) and reads the channels themselves
 * only when it changed, and at least every {@value #FULL_READ_EVERY} polls as a safety net: reading 1,000 channels
 * with their sources costs about 100 ms on a loaded machine (bench/README.md, CataloguePollBenchmark), too much to
 * repeat every 2 s for nothing.
 *
 * <p>A channel id present in both the configuration and the catalogue is the configuration's (warned once). A
 * catalogue channel the headend cannot run (an id that is not a headend slug, no sources, a source URI no source
 * accepts) is skipped with one warning per version; when the running one was edited into such a state it is stopped,
 * except for a source the headend refuses, which leaves the running version playing.
 */
public final class CatalogueSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSync.class);
    static final int PAGE = ChannelQuery.MAX_LIMIT;

    private final HeadwaterConfig config;
    private final ChannelRepository channels;
    private final Headend headend;
    private final HeadendCatalog catalog;
    private final Set<String> configIds;
    private final Map<String, ChannelSpec> running = new HashMap<>();
    /** The catalogue version of a channel the headend refused to start or restart: not retried until it changes. */
    private final Map<String, Long> refused = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private final Supplier<?> fingerprint;
    private Object lastFingerprint;
    private int pollsWithoutRead;
    private ScheduledExecutorService timer;
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();

    /** Polls that may find the same fingerprint before the channels are read anyway. */
    public static final int FULL_READ_EVERY = 30;

    /**
     * @param fingerprint a value that changes whenever a channel is created, updated or deleted (its equals says)
     */
    public CatalogueSync(HeadwaterConfig config, ChannelRepository channels, Supplier<?> fingerprint, Headend headend,
                         HeadendCatalog catalog) {
        this.config = config;
        this.channels = channels;
        this.fingerprint = fingerprint;
        this.headend = headend;
        this.catalog = catalog;
        Set<String> ids = new HashSet<>();
        config.channels().forEach(c -> ids.add(c.id()));
        this.configIds = Set.copyOf(ids);
    }

    /**
     * Brings the headend in line with the catalogue if its fingerprint changed since the last read (or the last full
     * read is {@value #FULL_READ_EVERY} polls old); returns how many channels were started, restarted or stopped.
     */
    public synchronized int pollOnce() {
        if (Objects.equals(fingerprint.get(), lastFingerprint) && ++pollsWithoutRead < FULL_READ_EVERY) {
            return 0;
        }
        return syncOnce();
    }

    /** Brings the headend in line with the catalogue now; returns how many channels were started, restarted or stopped. */
    public synchronized int syncOnce() {
        // Taken before the read: a change made during the read shows as a new fingerprint at the next poll.
        Object before = fingerprint.get();
        int changes = applyAll(enabledChannels());
        if (!Objects.equals(before, lastFingerprint)) {
            onChange.forEach(Runnable::run);
        }
        lastFingerprint = before;
        pollsWithoutRead = 0;
        return changes;
    }

    private int applyAll(List<Channel> enabled) {
        Map<String, Channel> wanted = new LinkedHashMap<>();
        for (Channel channel : enabled) {
            if (configIds.contains(channel.id())) {
                // Without sources the catalogue's entry only describes the configuration's channel (number,
                // category, guide, catch-up for the Xtream listings, as the demo's do): nothing to warn about.
                if (!channel.sources().isEmpty()) {
                    warnOnce("config:" + channel.id(), "channel {} is both in the configuration and in the catalogue:"
                            + " the configuration's runs, the catalogue's sources are ignored", channel.id());
                }
            } else {
                wanted.put(channel.id(), channel);
            }
        }
        int changes = 0;
        for (String id : new ArrayList<>(running.keySet())) {
            if (!wanted.containsKey(id)) {
                headend.remove(id);
                running.remove(id);
                LOG.info("catalogue channel {} stopped (disabled or deleted)", id);
                changes++;
            }
        }
        refused.keySet().retainAll(wanted.keySet());
        for (Channel channel : wanted.values()) {
            changes += apply(channel);
        }
        if (changes > 0) {
            catalog.refresh(headend.channels());
        }
        return changes;
    }

    private int apply(Channel channel) {
        String id = channel.id();
        if (Long.valueOf(channel.version()).equals(refused.get(id))) {
            return 0;
        }
        ChannelSpec spec;
        try {
            if (channel.sources().isEmpty()) {
                throw new IllegalArgumentException("it has no sources");
            }
            spec = ChannelSpecs.forCatalogue(config, id, channel.name(), CatalogueSources.forHeadend(channel.sources()),
                    channel.archiveDays()).withEncrypted(channel.encrypted());
        } catch (IllegalArgumentException e) {
            warnOnce(id + "@" + channel.version(), "catalogue channel {} (version {}) cannot run: {}", id,
                    channel.version(), e.getMessage());
            refused.put(id, channel.version());
            if (running.remove(id) != null) {
                headend.remove(id);
                return 1;
            }
            return 0;
        }
        ChannelSpec current = running.get(id);
        if (spec.equals(current)) {
            return 0;
        }
        try {
            if (current == null) {
                headend.add(spec);
                LOG.info("catalogue channel {} started (version {})", id, channel.version());
            } else {
                headend.replace(spec);
                LOG.info("catalogue channel {} restarted with its new settings (version {})", id, channel.version());
            }
            running.put(id, spec);
            return 1;
        } catch (IllegalArgumentException e) {
            warnOnce(id + "@" + channel.version(), "catalogue channel {} (version {}) cannot run: {}{}", id,
                    channel.version(), e.getMessage(), current == null ? "" : "; the previous version keeps playing");
            refused.put(id, channel.version());
            return 0;
        }
    }

    private List<Channel> enabledChannels() {
        return every(channels, ChannelQuery.firstPage(PAGE).enabledOnly(true));
    }

    /** Every channel the query matches, read page by page from its first. */
    static List<Channel> every(ChannelRepository channels, ChannelQuery firstPage) {
        List<Channel> all = new ArrayList<>();
        ChannelQuery query = firstPage;
        Page<Channel> page;
        do {
            page = channels.list(query);
            all.addAll(page.items());
            query = query.next();
        } while (page.hasMore() && !page.items().isEmpty());
        return all;
    }

    private void warnOnce(String key, String format, Object... args) {
        if (warned.add(key)) {
            LOG.warn(format, args);
        }
    }

    /**
     * Also calls {@code action} (after the ones given before) after a read that found the catalogue changed: what the
     * fingerprint covers (created, updated or deleted channels, enabled or not, and package memberships when it
     * includes them); also the first read. It runs on the poll thread and must hand slow work to its own thread, as
     * {@link GuideRelink} does; it is closed with this sync when it is {@link AutoCloseable}.
     */
    public synchronized void whenChannelsChange(Runnable action) {
        onChange.add(Objects.requireNonNull(action, "action"));
    }

    /** Syncs every {@code interval} from now on, on a daemon thread; a failed sync is logged and retried. */
    public synchronized void follow(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("already following the catalogue");
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("catalogue-sync").daemon().factory());
        timer.scheduleWithFixedDelay(this::syncQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void syncQuietly() {
        try {
            pollOnce();
            warned.removeIf(key -> key.startsWith("failure:"));
        } catch (RuntimeException e) {
            warnOnce("failure:" + e.getMessage(), "cannot read the catalogue's channels (retrying): {}", e.getMessage());
        }
    }

    /** Stops following; the channels it started stay in the headend (which the server closes next). */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Runnable action : onChange) {
            if (action instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("cannot stop {}: {}", closeable, e.toString());
                }
            }
        }
    }
}
