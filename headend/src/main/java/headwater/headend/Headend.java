package headwater.headend;

import headwater.headend.archive.Archives;
import headwater.headend.keys.StreamKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every live channel of one server: starts them from their specs, finds them by id, stops them.
 *
 * <p>Data directory layout (everything a channel writes lives under its own directory):
 * <pre>
 * &lt;dataDir&gt;/channels/&lt;id&gt;/live/&lt;sequence&gt;.ts        a complete segment (the window plus the extra ones)
 * &lt;dataDir&gt;/channels/&lt;id&gt;/live/&lt;sequence&gt;.ts.part   the segment being cut (renamed when complete)
 * &lt;dataDir&gt;/channels/&lt;id&gt;/live/segments.tsv         what is on disk, with durations and times, for restarts
 * </pre>
 * Playlists are rendered in memory from the window and are not files. A restart finds the window again and continues
 * its sequence numbers, with a discontinuity.
 *
 * <p>With {@link Archives}, a channel whose spec has {@code archiveDays > 0} also records every finished segment into
 * its catch-up archive (see {@link Archives} for that layout); the archives are the caller's to open and close
 * (after the headend).
 */
public final class Headend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Headend.class);
    private final Path dataDir;
    private final SourceProvider sources;
    private final MeterRegistry registry;
    private final InstantSource clock;
    private final Archives archives;
    private final StreamKeys keys;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private boolean closed;

    public Headend(Path dataDir, SourceProvider sources, MeterRegistry registry, InstantSource clock) {
        this(dataDir, sources, registry, clock, null);
    }

    /**
     * @param archives where channels with archive days record their catch-up, or null for no recording at all
     */
    public Headend(Path dataDir, SourceProvider sources, MeterRegistry registry, InstantSource clock,
            Archives archives) {
        this(dataDir, sources, registry, clock, archives, StreamKeys.inMemory(clock));
    }

    /**
     * @param archives where channels with archive days record their catch-up, or null for no recording at all
     * @param keys     the content keys of the encrypted channels, rotated and kept there
     */
    public Headend(Path dataDir, SourceProvider sources, MeterRegistry registry, InstantSource clock,
            Archives archives, StreamKeys keys) {
        this.dataDir = dataDir;
        this.sources = sources;
        this.registry = registry;
        this.clock = clock;
        this.archives = archives;
        this.keys = keys;
    }

    public Headend(Path dataDir, SourceProvider sources, MeterRegistry registry) {
        this(dataDir, sources, registry, InstantSource.system());
    }

    /** Where channel {@code id} keeps its live segments. */
    public static Path liveDirectory(Path dataDir, String id) {
        return dataDir.resolve("channels").resolve(id).resolve("live");
    }

    /**
     * Starts the channels. Ids must be unique among themselves and the channels already running; on failure nothing
     * of this call keeps running.
     */
    public synchronized void start(List<ChannelSpec> specs) {
        if (closed) {
            throw new IllegalStateException("the headend is closed");
        }
        Set<String> ids = new HashSet<>(channels.keySet());
        for (ChannelSpec spec : specs) {
            if (!ids.add(spec.id())) {
                throw new IllegalArgumentException("channel id " + spec.id() + " is used twice");
            }
        }
        for (ChannelSpec spec : specs) {
            checkSources(spec);
        }
        List<Channel> started = new ArrayList<>();
        try {
            for (ChannelSpec spec : specs) {
                Path live = liveDirectory(dataDir, spec.id());
                Files.createDirectories(live);
                SegmentRecorder recorder = recorder(spec);
                Channel channel = new Channel(spec, live, sources, registry, clock, recorder,
                        spec.encrypted() ? keys.channel(spec.id(), spec.keyRetention()) : null);
                started.add(channel);
                channel.start();
            }
        } catch (IOException e) {
            started.forEach(Channel::close);
            throw new UncheckedIOException("cannot start channels under " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            started.forEach(Channel::close);
            throw e;
        }
        for (Channel c : started) {
            channels.put(c.id(), c);
        }
    }

    /**
     * Starts one more channel while the others run.
     *
     * @throws IllegalArgumentException its id is taken, or a source URI makes no source
     */
    public void add(ChannelSpec spec) {
        start(List.of(spec));
    }

    /**
     * Stops channel {@code id} (its viewers' streams end) and forgets it; its segments stay on disk, so a channel of
     * the same id started later continues the sequence numbers. Other channels carry on.
     *
     * @return whether such a channel was running
     */
    public boolean remove(String id) {
        Channel removed;
        synchronized (this) {
            removed = channels.remove(id);
        }
        if (removed == null) {
            return false;
        }
        removed.close();
        return true;
    }

    /**
     * Restarts channel {@code spec.id()} with a new spec (other sources, name or packaging). The new sources are
     * checked before the running channel is touched, so a bad spec leaves it playing. The restarted channel continues
     * the sequence numbers after a discontinuity, like a restarted server. A spec that changes only
     * {@code archiveDays} does not restart the channel: its segments go to (or stop going to) its archive.
     *
     * @throws java.util.NoSuchElementException no channel of that id runs
     * @throws IllegalArgumentException         a source URI of the new spec makes no source
     */
    public synchronized void replace(ChannelSpec spec) {
        if (closed) {
            throw new IllegalStateException("the headend is closed");
        }
        Channel old = channel(spec.id());
        if (old.spec().withArchiveDays(spec.archiveDays()).equals(spec)) {
            old.archive(spec, recorder(spec)); // only the catch-up changed: the stream plays on
            return;
        }
        checkSources(spec);
        channels.remove(spec.id());
        old.close();
        start(List.of(spec));
    }

    /** The channel's catch-up archive; a broken archive disk costs the catch-up, never the live channel. */
    private SegmentRecorder recorder(ChannelSpec spec) {
        if (archives == null) {
            return SegmentRecorder.NONE;
        }
        try {
            return archives.recorder(spec.id(), spec.archiveDays());
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.error("channel {}: runs without its catch-up archive: {}", spec.id(), e.getMessage());
            return SegmentRecorder.NONE;
        }
    }

    /** Makes (without opening) every source of the chain, so that a URI no source accepts fails now, not at 3 am. */
    private void checkSources(ChannelSpec spec) {
        int n = spec.sources().size() + (spec.slate() == null ? 0 : 1);
        for (int i = 0; i < n; i++) {
            URI uri = spec.sourceAt(i);
            try {
                sources.create(spec, uri).close();
            } catch (Exception e) {
                String field = i == spec.sources().size() ? "slate" : "sources[" + i + "]";
                throw new IllegalArgumentException("channel " + spec.id() + ": " + field + " is not a usable source: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The channel with this id; the message lists the ids there are. */
    public synchronized Channel channel(String id) {
        Channel c = channels.get(id);
        if (c == null) {
            throw new NoSuchElementException("no channel " + id + ": the channels are " + channels.keySet());
        }
        return c;
    }

    /** Every channel, in the order they were started. */
    public synchronized List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    /** The content keys of the encrypted channels (also of the archives of channels no longer running). */
    public StreamKeys keys() {
        return keys;
    }

    /** The catch-up archives the channels record into, if any. */
    public Optional<Archives> archives() {
        return Optional.ofNullable(archives);
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** Stops every channel (in parallel: each ends its segment and its viewers' streams). */
    @Override
    public void close() {
        List<Channel> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(channels.values());
        }
        List<Thread> stopping = new ArrayList<>();
        for (Channel c : all) {
            stopping.add(Thread.ofVirtual().name("stop-" + c.id()).start(c::close));
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
