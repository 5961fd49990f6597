package headwater.headend;

import headwater.headend.keys.ChannelKeys;
import headwater.headend.source.MaskedUri;
import headwater.headend.source.Source;
import headwater.media.hls.HlsSegmenter;
import headwater.media.hls.SegmenterOptions;
import headwater.media.ts.DemuxListener;
import headwater.media.ts.ElementaryStream;
import headwater.media.ts.ProgramMapTable;
import headwater.media.ts.StreamFormat;
import headwater.media.ts.TsDemuxer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live channel at run time: a virtual thread reads the source in use, feeds the demuxer and the HLS segmenter, and
 * the {@link SegmentWindow} stores the segments and feeds the live MPEG-TS viewers.
 *
 * <p>Failover: the sources form an ordered chain. A source fails when it ends or errors, delivers no byte for
 * {@code health.noData} (a watchdog closes it to unblock the read), shows no video for {@code health.noVideo} when it
 * carried video (or no usable program at all for that long), or has more continuity errors per second than
 * {@code health.ccErrorsPerSecond}. The channel then opens the first source that is not resting in its backoff, or
 * the slate when every source rests (or waits, without one). While it runs on anything but the preferred source, a
 * {@link RecoveryProbe} tries the better sources in the background with their backoff and the channel switches back
 * to the first one that delivers a keyframe within the probation time. Every switch resets the demuxer (partial
 * packets are dropped) and marks one discontinuity in the segmenter, so the next segment starts cleanly on a keyframe
 * of the new source.
 */
public final class Channel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);
    private static final int READ_BUFFER = 64 * 1024;

    /** Replaced only by {@link #archive}, which changes nothing but {@code archiveDays}. */
    private volatile ChannelSpec spec;
    private final SourceProvider provider;
    private final SegmentWindow window;
    private final ChannelKeys keys;
    private final TsDemuxer demuxer;
    private final HlsSegmenter segmenter;
    private final SourceChain chain;
    private final RateMeter rate = new RateMeter(5);
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter inputBytes;
    private final Counter switchCounter;
    private final AtomicReference<SourceSession> recovered = new AtomicReference<>();
    private final Map<Integer, StreamFormat> formats = new LinkedHashMap<>();

    private volatile boolean running;
    private volatile ChannelStatus status = ChannelStatus.STARTING;
    private volatile SourceSession current;
    /** What the channel's thread reads its source into; that thread's alone. */
    private final byte[] readBuffer = new byte[READ_BUFFER];
    /** The segmenter's writes, joined where they lie back to back in {@link #readBuffer}. */
    private final PacketRuns runs;
    /** The source session the channel's thread reads; that thread's alone. */
    private SourceSession reading;
    private volatile Source opening;
    private volatile String lastError = "";
    private volatile List<String> codecs = List.of();
    private volatile String resolution = "";
    private volatile long switches;
    private volatile long ccErrors;
    private int videoPid = -1;
    private RecoveryProbe probe;
    private Thread thread;

    /**
     * @param liveDir where the window keeps the segments ({@code <dataDir>/channels/<id>/live})
     * @param clock the wall clock for {@code EXT-X-PROGRAM-DATE-TIME}
     */
    public Channel(ChannelSpec spec, Path liveDir, SourceProvider provider, MeterRegistry registry, InstantSource clock)
            throws IOException {
        this(spec, liveDir, provider, registry, clock, SegmentRecorder.NONE);
    }

    /**
     * @param liveDir  where the window keeps the segments ({@code <dataDir>/channels/<id>/live})
     * @param clock    the wall clock for {@code EXT-X-PROGRAM-DATE-TIME}
     * @param recorder gets every finished segment (the channel's catch-up archive), {@link SegmentRecorder#NONE}
     */
    public Channel(ChannelSpec spec, Path liveDir, SourceProvider provider, MeterRegistry registry, InstantSource clock,
            SegmentRecorder recorder) throws IOException {
        this(spec, liveDir, provider, registry, clock, recorder, null);
    }

    /**
     * @param keys the channel's content keys when {@code spec.encrypted()}, else null
     */
    public Channel(ChannelSpec spec, Path liveDir, SourceProvider provider, MeterRegistry registry, InstantSource clock,
            SegmentRecorder recorder, ChannelKeys keys) throws IOException {
        if (spec.encrypted() && keys == null) {
            throw new IllegalArgumentException("channel " + spec.id() + " is encrypted but has no stream keys");
        }
        this.spec = spec;
        this.provider = provider;
        this.registry = registry;
        this.keys = spec.encrypted() ? keys : null;
        this.window = new SegmentWindow(liveDir, spec.id(), spec.window(), spec.extraOnDisk(), spec.targetDuration(),
                SegmentWindow.DEFAULT_VIEWER_BUFFER_BYTES, recorder, this.keys);
        this.runs = new PacketRuns(window, readBuffer);
        this.segmenter = new HlsSegmenter(runs,
                new SegmenterOptions(spec.targetDuration(), window.nextSequence(), 0), clock);
        this.demuxer = new TsDemuxer(new ProgramObserver(), spec.demux());
        Duration stable = spec.targetDuration().multipliedBy(2);
        this.chain = new SourceChain(spec.sources().size() + 1, spec.backoff(),
                stable.compareTo(spec.health().probation()) > 0 ? stable : spec.health().probation());
        String id = spec.id();
        this.inputBytes = register(Counter.builder("headwater.channel.input.bytes").tag("channel", id)
                .baseUnit("bytes").description("bytes read from the channel's sources").register(registry));
        this.switchCounter = register(Counter.builder("headwater.channel.source.switches").tag("channel", id)
                .description("source changes after data, each one discontinuity").register(registry));
        register(FunctionCounter.builder("headwater.channel.segments", window, SegmentWindow::segmentsProduced)
                .tag("channel", id).description("HLS segments completed").register(registry));
        register(FunctionCounter.builder("headwater.channel.cc.errors", this, c -> c.ccErrors)
                .tag("channel", id).description("continuity-counter errors of the input").register(registry));
        register(Gauge.builder("headwater.channel.input.bitrate", this, c -> c.rate.bitsPerSecond(System.nanoTime()))
                .tag("channel", id).baseUnit("bits/s").strongReference(true).register(registry));
        register(Gauge.builder("headwater.channel.live", this, c -> c.status == ChannelStatus.LIVE ? 1 : 0)
                .tag("channel", id).description("1 while a real source is packaged").strongReference(true)
                .register(registry));
        register(Gauge.builder("headwater.channel.source.index", this, c -> sourceIndexOf(c.current))
                .tag("channel", id).description("index of the source in use, the slate after the last, -1 for none")
                .strongReference(true).register(registry));
    }

    private <M extends Meter> M register(M meter) {
        meters.add(meter);
        return meter;
    }

    private static int sourceIndexOf(SourceSession s) {
        return s == null ? -1 : s.index;
    }

    /** Starts the channel's thread, and has {@link HealthWatch} check it. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("channel " + spec.id() + " was already started");
        }
        running = true;
        thread = Thread.ofVirtual().name("channel-" + spec.id()).start(this::run);
        HealthWatch.watch(this);
    }

    public ChannelSpec spec() {
        return spec;
    }

    /**
     * Changes the channel's catch-up without a restart: from the next finished segment on, segments go to
     * {@code recorder}; {@code newSpec} must differ from the current spec in {@code archiveDays} only.
     */
    void archive(ChannelSpec newSpec, SegmentRecorder recorder) {
        if (!spec.withArchiveDays(newSpec.archiveDays()).equals(newSpec)) {
            throw new IllegalArgumentException("channel " + spec.id() + ": only archiveDays may change without a restart");
        }
        window.recorder(recorder);
        if (keys != null) {
            keys.keep(newSpec.keyRetention());
        }
        spec = newSpec;
    }

    public String id() {
        return spec.id();
    }

    /** The segments and playlists. */
    public SegmentWindow window() {
        return window;
    }

    /** The 16 bytes of content key {@code keyId} while the channel keeps it; empty for a channel in the clear. */
    public java.util.Optional<byte[]> key(String keyId) {
        return keys == null ? java.util.Optional.empty() : keys.key(keyId);
    }

    /** Adds a viewer of the continuous MPEG-TS stream; see {@link SegmentWindow#subscribe}. */
    public LiveTsSubscription subscribe(LiveTsListener listener) {
        return window.subscribe(listener);
    }

    public ChannelState state() {
        SourceSession s = current;
        return new ChannelState(spec.id(), status, sourceIndexOf(s),
                s == null ? "none" : new MaskedUri(s.source.uri()).toString(), rate.bitsPerSecond(System.nanoTime()),
                codecs, resolution, ccErrors, window.segmentsProduced(), switches, lastError);
    }

    /** Stops: closes the source, ends the segment being cut, ends the viewers' streams. Waits for the thread. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        SourceSession s = current;
        if (s != null) {
            s.abort("channel stopped");
        }
        Source o = opening;
        if (o != null) {
            o.close();
        }
        if (t != null) {
            HealthWatch.unwatch(this);
            LockSupport.unpark(t);
            join(t);
        } else {
            window.close();
        }
        status = ChannelStatus.STOPPED;
        meters.forEach(registry::remove);
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the channel's thread ----

    private void run() {
        try {
            while (running && readOnce(readBuffer)) {
                // each pass is one read of the source, packaged
            }
        } catch (RuntimeException | Error e) {
            LOG.error("channel {}: stopped by an unexpected failure", spec.id(), e);
            lastError = "channel failed: " + e;
        } finally {
            stopProbe();
            if (reading != null) {
                reading.source.close();
                reading = null;
            }
            SourceSession h = recovered.getAndSet(null);
            if (h != null) {
                h.source.close();
            }
            current = null;
            try {
                segmenter.flush();
            } catch (RuntimeException e) {
                LOG.warn("channel {}: flushing the last segment failed: {}", spec.id(), e.toString());
            }
            window.close();
            status = ChannelStatus.STOPPED;
        }
    }

    /**
     * One read of the source in use (opening or switching sources first when due), fed to the packager; false when
     * the channel stops. A method of its own, not the body of {@link #run}'s loop: the JIT compiles a method after a
     * few hundred calls, but a loop entered once per channel only after some 60,000 turns (minutes at a few reads a
     * second), and until then every read went through the interpreter.
     */
    private boolean readOnce(byte[] buf) {
        SourceSession s = reading;
        if (s == null) {
            s = recovered.getAndSet(null);
            if (s == null) {
                s = openNext();
            }
            if (s == null) {
                return false;
            }
            reading = s;
            begin(s);
        }
        SourceSession back = recovered.getAndSet(null);
        if (back != null) {
            LOG.info("channel {}: switching from {} back to {}", spec.id(), s.describe(), back.describe());
            finish(s, null);
            reading = back;
            begin(back);
            return true;
        }
        int n;
        String failure = null;
        try {
            n = s.source.read(buf, 0, buf.length);
        } catch (IOException | RuntimeException e) {
            n = -1;
            failure = String.valueOf(e.getMessage());
        }
        if (n < 0) {
            if (!running) {
                return false;
            }
            String reason = s.abortReason != null ? s.abortReason : failure != null ? failure : "it ended";
            reading = null;
            finish(s, reason);
            return true;
        }
        if (n == 0) {
            return true;
        }
        long now = System.nanoTime();
        s.lastDataNanos = now;
        s.fed = true;
        inputBytes.increment(n);
        rate.record(n, now);
        try {
            try {
                demuxer.feed(buf, 0, n);
            } finally {
                runs.flush(); // before buf is read into again
            }
            window.flushForViewers();
            ccErrors = demuxer.stats().continuityErrors();
        } catch (RuntimeException e) {
            LOG.error("channel {}: packaging failed on input from {}", spec.id(), s.describe(), e);
            reading = null;
            finish(s, "packaging failed: " + e);
        }
        return true;
    }

    /** Opens the first source not resting, else the slate, else waits; null when the channel stops. */
    private SourceSession openNext() {
        int n = spec.sources().size();
        boolean slate = spec.slate() != null;
        while (running) {
            long now = System.nanoTime();
            int index = chain.firstAvailable(n, now);
            if (index < 0 && slate && chain.available(n, now)) {
                index = n;
            }
            if (index < 0) {
                if (status != ChannelStatus.STARTING) {
                    status = ChannelStatus.FAILING_OVER;
                }
                LockSupport.parkNanos(Math.max(1_000_000L, chain.earliestRetry(slate ? n + 1 : n, now) - now));
                continue;
            }
            Source source = null;
            try {
                source = provider.create(spec, spec.sourceAt(index));
                opening = source;
                if (!running) {
                    source.close();
                    return null;
                }
                source.open();
                if (!running) {
                    source.close();
                    return null;
                }
                return new SourceSession(index, source, index == n, System.nanoTime());
            } catch (Exception e) {
                if (source != null) {
                    source.close();
                }
                if (!running) {
                    return null;
                }
                failed(index, new MaskedUri(spec.sourceAt(index)).toString(), String.valueOf(e.getMessage()), 0);
            } finally {
                opening = null;
            }
        }
        return null;
    }

    private void begin(SourceSession s) {
        current = s;
        if (s.slate) {
            status = ChannelStatus.SLATE;
        } else if (s.healthySinceNanos >= 0) {
            status = ChannelStatus.LIVE;
        } else if (status != ChannelStatus.STARTING) {
            status = ChannelStatus.FAILING_OVER;
        }
        if (s.hasVideo || chain.hadVideo(s.index)) {
            s.hasVideo = true;
        }
        LOG.info("channel {}: reading {}", spec.id(), s.describe());
        byte[] replay = s.replay;
        if (replay != null) {
            s.replay = null;
            s.fed = true;
            try {
                demuxer.feed(replay, 0, replay.length);
                window.flush();
            } catch (RuntimeException e) {
                LOG.error("channel {}: packaging the probe's replay of {} failed", spec.id(), s.describe(), e);
            }
        }
        if (s.index > 0) {
            probe = new RecoveryProbe(spec, provider, chain, Math.min(s.index, spec.sources().size()), recovered::set,
                    message -> lastError = message);
            probe.start();
        }
    }

    /** Ends a session: a failure when {@code reason} is set, a switch back otherwise. */
    private void finish(SourceSession s, String reason) {
        stopProbe();
        s.source.close();
        if (reason != null) {
            failed(s.index, new MaskedUri(s.source.uri()).toString(), reason, s.healthyNanos(System.nanoTime()));
        }
        if (s.fed) {
            demuxer.reset();
            segmenter.discontinuity();
            window.flush();
            switches++;
            switchCounter.increment();
        }
        current = null;
        if (running) {
            status = ChannelStatus.FAILING_OVER;
        }
    }

    private void failed(int index, String uri, String reason, long healthyNanos) {
        Duration rest = chain.failed(index, System.nanoTime(), healthyNanos);
        String what = index == spec.sources().size() ? "slate" : "source " + index;
        lastError = what + " (" + uri + ") failed: " + reason;
        LOG.warn("channel {}: {}; it rests {} ms", spec.id(), lastError, rest.toMillis());
    }

    private void stopProbe() {
        RecoveryProbe p = probe;
        probe = null;
        if (p != null) {
            p.stop();
        }
    }

    // ---- health, checked by HealthWatch's thread ----

    /** Closes the current source when it broke a health rule: no data, no video, too many continuity errors. */
    void checkHealth(long now) {
        SourceSession s = current;
        if (!running || s == null || s.abortReason != null) {
            return;
        }
        long noData = spec.health().noData().toNanos();
        long noVideo = spec.health().noVideo().toNanos();
        if (now - s.lastDataNanos > noData) {
            s.abort("no data for " + millis(now - s.lastDataNanos));
        } else if (s.healthySinceNanos < 0 && now - s.startedNanos > noVideo) {
            s.abort("no " + (s.hasVideo ? "keyframe" : "usable program") + " for " + millis(now - s.startedNanos));
        } else if (s.hasVideo && now - s.lastVideoNanos > noVideo) {
            s.abort("no video for " + millis(now - s.lastVideoNanos));
        } else {
            checkContinuity(s, now);
        }
    }

    private void checkContinuity(SourceSession s, long now) {
        long cc = ccErrors;
        if (s.ccAtCheck < 0) {
            s.ccAtCheck = cc;
            s.ccCheckNanos = now;
            return;
        }
        long elapsed = now - s.ccCheckNanos;
        if (elapsed < 1_000_000_000L) {
            return;
        }
        double perSecond = (cc - s.ccAtCheck) * 1e9 / elapsed;
        s.ccAtCheck = cc;
        s.ccCheckNanos = now;
        if (perSecond > spec.health().ccErrorsPerSecond()) {
            s.abort(String.format(java.util.Locale.ROOT, "%.1f continuity errors per second, above %s", perSecond,
                    spec.health().ccErrorsPerSecond()));
        }
    }

    private static String millis(long nanos) {
        return nanos / 1_000_000 + " ms";
    }

    // ---- what the demuxer reports, on the channel's thread ----

    private final class ProgramObserver implements DemuxListener {
        @Override
        public void onProgramMap(ProgramMapTable pmt) {
            List<Integer> pids = new ArrayList<>();
            for (ElementaryStream e : pmt.streams()) {
                pids.add(e.pid());
            }
            formats.keySet().retainAll(pids);
            ElementaryStream video = pmt.video();
            videoPid = video == null ? -1 : video.pid();
            SourceSession s = current;
            if (s != null && video != null) {
                s.hasVideo = true;
                chain.sawVideo(s.index);
            }
            publishFormats();
            segmenter.onProgramMap(pmt);
        }

        @Override
        public void onStreamFormat(ElementaryStream stream, StreamFormat format) {
            formats.put(stream.pid(), format);
            publishFormats();
            segmenter.onStreamFormat(stream, format);
        }

        @Override
        public void onUnitStart(ElementaryStream stream, long pts, long dts, boolean keyframe) {
            SourceSession s = current;
            if (s != null) {
                boolean video = stream.codec().isVideo();
                if (video || s.healthySinceNanos < 0) {
                    long now = System.nanoTime();
                    if (video) {
                        s.lastVideoNanos = now;
                    }
                    if (s.healthySinceNanos < 0 && keyframe && (videoPid < 0 || stream.pid() == videoPid)) {
                        s.healthySinceNanos = now;
                        status = s.slate ? ChannelStatus.SLATE : ChannelStatus.LIVE;
                    }
                }
            }
            segmenter.onUnitStart(stream, pts, dts, keyframe);
        }

        @Override
        public void onPacket(byte[] buf, int off, int pid) {
            segmenter.onPacket(buf, off, pid);
        }

        private void publishFormats() {
            List<StreamFormat> ordered = new ArrayList<>(formats.size());
            for (StreamFormat f : formats.values()) {
                if (f.codec().isVideo()) {
                    ordered.add(f);
                }
            }
            for (StreamFormat f : formats.values()) {
                if (!f.codec().isVideo()) {
                    ordered.add(f);
                }
            }
            List<String> c = new ArrayList<>();
            String r = "";
            for (StreamFormat f : ordered) {
                if (f.codecs() != null && !f.codecs().isEmpty() && !c.contains(f.codecs())) {
                    c.add(f.codecs());
                }
                if (r.isEmpty() && f.codec().isVideo() && f.width() > 0) {
                    r = f.width() + "x" + f.height();
                }
            }
            codecs = List.copyOf(c);
            resolution = r;
            window.streamFormats(ordered);
        }
    }
}
