package headwater.headend.archive;

import headwater.headend.SegmentRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catch-up archives of every channel, under one directory and one disk budget:
 * <pre>
 * &lt;dir&gt;/&lt;channel&gt;/index.tsv                        what is recorded (see {@link ArchiveIndex})
 * &lt;dir&gt;/&lt;channel&gt;/&lt;sequence / 1000&gt;/&lt;sequence&gt;.ts   a recorded segment (a hard link to the live one)
 * </pre>
 *
 * <p>The headend asks for a channel's {@link #recorder} when it starts the channel. Retention is enforced
 * continuously: after every recorded segment (for its channel, and the budget) and by {@link #sweep}, which a
 * background thread runs every minute once {@link #start}ed, so that the archives of channels that stopped recording
 * still age out. A segment is deleted when it ended more than its channel's {@code days} ago; while all archives
 * together exceed {@code maxBytes}, the oldest segment of any channel is deleted. Archives of channels that no longer
 * run stay (and age out) with the retention they were last recorded with; a channel started with 0 days has its
 * archive deleted.
 *
 * <p>The queries ({@link #window}, {@link #span}) answer from memory. Thread-safe.
 */
public final class Archives implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Archives.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** How often {@link #start} sweeps. */
    public static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Path dir;
    private final long maxBytes;
    private final MeterRegistry registry;
    private final InstantSource clock;
    private final Map<String, Opened> channels = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();
    private final Object budgetLock = new Object();
    private final List<Meter> globalMeters = new ArrayList<>();
    private volatile boolean closed;
    private ScheduledExecutorService sweeper;

    /** A channel's archive with its meters. */
    private record Opened(ChannelArchive archive, List<Meter> meters, Counter byDays, Counter byBudget) {}

    private Archives(Path dir, long maxBytes, MeterRegistry registry, InstantSource clock) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Opens the archives under {@code dir} (created if missing): every channel archive found there is restored (so
     * the budget counts it and its retention runs even if the channel does not run now), then retention is applied.
     *
     * @param maxBytes the disk budget of all archives together, at least 1
     * @throws UncheckedIOException the directory or an index cannot be read or written
     */
    public static Archives open(Path dir, long maxBytes, MeterRegistry registry, InstantSource clock) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the archive budget must be at least 1 byte, got " + maxBytes);
        }
        Archives a = new Archives(dir, maxBytes, registry, clock);
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path p : ds) {
                    String id = p.getFileName().toString();
                    if (CHANNEL.matcher(id).matches() && Files.exists(p.resolve(ArchiveIndex.FILE))) {
                        a.opened(id, 1);
                    }
                }
            }
        } catch (IOException e) {
            a.close();
            throw new UncheckedIOException("cannot open the archives in " + dir + ": " + e.getMessage(), e);
        }
        a.globalMeters.add(Gauge.builder("headwater.archive.total.bytes", a.totalBytes, AtomicLong::get)
                .baseUnit("bytes").description("bytes of every channel's catch-up archive").register(registry));
        a.globalMeters.add(Gauge.builder("headwater.archive.max.bytes", a, x -> x.maxBytes)
                .baseUnit("bytes").description("the archives' disk budget (archive.maxBytes)").register(registry));
        a.sweep();
        if (!a.channels.isEmpty()) {
            LOG.info("archives in {}: {} channels, {} bytes of {} allowed", dir, a.channels.size(), a.totalBytes.get(),
                    maxBytes);
        }
        return a;
    }

    /** Sweeps every {@link #SWEEP_EVERY} on a daemon thread until {@link #close}. */
    public synchronized void start() {
        if (sweeper != null || closed) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("archive-retention").daemon()
                .factory());
        long every = SWEEP_EVERY.toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("archive retention failed (retrying in {} s): {}", every / 1000, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * What channel {@code id} records into, for {@link headwater.headend.Headend} to hand to the channel's segment
     * window: its archive with retention {@code days}, or {@link SegmentRecorder#NONE} for 0 days (and an archive it
     * had is deleted).
     */
    public SegmentRecorder recorder(String id, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("channel " + id + ": archive days must be 0 or more, got " + days);
        }
        if (closed) {
            throw new IllegalStateException("the archives are closed");
        }
        try {
            if (days == 0) {
                delete(id);
                return SegmentRecorder.NONE;
            }
            ChannelArchive a = opened(id, days);
            a.retain(days);
            expire(channels.get(id), now());
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("channel " + id + ": cannot open its archive in " + dir.resolve(id) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The archive of channel {@code id}, if one is kept. */
    public Optional<ChannelArchive> channel(String id) {
        Opened o = channels.get(id);
        return o == null ? Optional.empty() : Optional.of(o.archive());
    }

    /** Every channel archive kept, running or not. */
    public List<ChannelArchive> channels() {
        return channels.values().stream().map(Opened::archive).sorted(Comparator.comparing(ChannelArchive::channel))
                .toList();
    }

    /** See {@link ChannelArchive#window}; empty for a channel without an archive. */
    public List<ArchiveEntry> window(String id, Instant from, Instant to) {
        Opened o = channels.get(id);
        return o == null ? List.of() : o.archive().window(from, to);
    }

    /** See {@link ChannelArchive#span}; empty for a channel without an archive or with nothing recorded. */
    public Optional<ArchiveRange> span(String id) {
        Opened o = channels.get(id);
        return o == null ? Optional.empty() : o.archive().span();
    }

    /** The bytes of every archive together. */
    public long bytes() {
        return totalBytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path directory() {
        return dir;
    }

    /** Applies retention now: each channel's days, then the budget. */
    public void sweep() {
        Instant now = now();
        for (Opened o : List.copyOf(channels.values())) {
            expire(o, now);
        }
        enforceBudget();
    }

    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            closed = true;
            s = sweeper;
            sweeper = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Opened o : channels.values()) {
            o.meters().forEach(registry::remove);
        }
        globalMeters.forEach(registry::remove);
    }

    // ---- called by ChannelArchive ----

    boolean isClosed() {
        return closed;
    }

    Instant now() {
        return clock.instant();
    }

    /** A segment of {@code bytes} was recorded: its channel's retention, then the budget. */
    void recorded(ChannelArchive archive, long bytes) {
        totalBytes.addAndGet(bytes);
        Opened o = channels.get(archive.channel());
        if (o != null) {
            expire(o, now());
        }
        enforceBudget();
    }

    /** Segments were deleted (called under the channel's lock: must not lock anything). */
    void deleted(ChannelArchive archive, int segments, long bytes) {
        totalBytes.addAndGet(-bytes);
    }

    // ---- internals ----

    private ChannelArchive opened(String id, int days) throws IOException {
        synchronized (channels) {
            Opened o = channels.get(id);
            if (o != null) {
                return o.archive();
            }
            if (!CHANNEL.matcher(id).matches()) {
                throw new IllegalArgumentException("channel id '" + id + "' is not a slug");
            }
            ChannelArchive a = ChannelArchive.open(id, dir.resolve(id), this, days);
            totalBytes.addAndGet(a.bytes());
            List<Meter> meters = new ArrayList<>();
            meters.add(Gauge.builder("headwater.archive.bytes", a, ChannelArchive::bytes).tag("channel", id)
                    .baseUnit("bytes").description("bytes of the channel's catch-up archive").register(registry));
            meters.add(Gauge.builder("headwater.archive.segments", a, ChannelArchive::segmentCount).tag("channel", id)
                    .description("segments in the channel's catch-up archive").register(registry));
            Counter byDays = Counter.builder("headwater.archive.deletions").tag("channel", id).tag("reason", "days")
                    .description("archived segments deleted, by why").register(registry);
            Counter byBudget = Counter.builder("headwater.archive.deletions").tag("channel", id).tag("reason", "budget")
                    .description("archived segments deleted, by why").register(registry);
            meters.add(byDays);
            meters.add(byBudget);
            channels.put(id, new Opened(a, List.copyOf(meters), byDays, byBudget));
            return a;
        }
    }

    private void expire(Opened o, Instant now) {
        if (o == null) {
            return;
        }
        int before = o.archive().segmentCount();
        o.archive().expire(now);
        int deleted = before - o.archive().segmentCount();
        if (deleted > 0) {
            o.byDays().increment(deleted);
        }
    }

    /** Deletes the oldest segment of all channels until the archives fit their budget. */
    private void enforceBudget() {
        if (totalBytes.get() <= maxBytes) {
            return;
        }
        synchronized (budgetLock) {
            int deleted = 0;
            while (totalBytes.get() > maxBytes) {
                Opened oldest = null;
                long oldestStart = Long.MAX_VALUE;
                for (Opened o : channels.values()) {
                    long start = o.archive().oldestStartMicros();
                    if (start < oldestStart) {
                        oldestStart = start;
                        oldest = o;
                    }
                }
                if (oldest == null || oldest.archive().dropOldest() == 0) {
                    break;
                }
                oldest.byBudget().increment();
                deleted++;
            }
            if (deleted > 0) {
                LOG.debug("archives over their budget of {} bytes: deleted the {} oldest segments", maxBytes, deleted);
            }
        }
    }

    /** Deletes channel {@code id}'s archive entirely (its channel keeps none any more). */
    private void delete(String id) throws IOException {
        Opened o = channels.get(id);
        if (o != null) {
            o.archive().retain(0);
            o.archive().expire(now()); // the budget no longer counts it
        }
        Path d = dir.resolve(id);
        if (Files.isDirectory(d)) {
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            LOG.info("channel {} keeps no archive: deleted {}", id, d);
        }
        synchronized (channels) {
            if (o != null && channels.remove(id, o)) {
                o.meters().forEach(registry::remove);
            }
        }
    }
}
