package headwater.headend;

import headwater.headend.source.MaskedUri;
import headwater.headend.source.Source;
import headwater.media.ts.DemuxListener;
import headwater.media.ts.ElementaryStream;
import headwater.media.ts.ProgramMapTable;
import headwater.media.ts.TsDemuxer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a channel runs on a backup (or the slate), tries the sources it prefers, one at a time and with their backoff:
 * opens one and requires data and a keyframe within the probation time. A source that passes is handed to the
 * channel, still open, so the channel switches back to it; one that fails rests longer.
 */
final class RecoveryProbe {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryProbe.class);
    /** The most a probe keeps for the channel to replay; past it the channel waits for the next keyframe instead. */
    private static final int MAX_REPLAY = 2 << 20;

    private final ChannelSpec spec;
    private final SourceProvider provider;
    private final SourceChain chain;
    private final int below;
    private final Consumer<SourceSession> recovered;
    private final Consumer<String> failure;
    private volatile boolean stopped;
    private volatile Source trying;
    private Thread thread;

    /**
     * @param below probe the sources with an index below this one (the one in use)
     * @param recovered receives the open session of a source that passed probation
     * @param failure receives the description of each failed attempt
     */
    RecoveryProbe(ChannelSpec spec, SourceProvider provider, SourceChain chain, int below,
            Consumer<SourceSession> recovered, Consumer<String> failure) {
        this.spec = spec;
        this.provider = provider;
        this.chain = chain;
        this.below = below;
        this.recovered = recovered;
        this.failure = failure;
    }

    void start() {
        thread = Thread.ofVirtual().name("probe-" + spec.id()).start(this::run);
    }

    /** Stops probing and closes the source being tried (not one already handed over); waits for the thread. */
    void stop() {
        stopped = true;
        Source s = trying;
        if (s != null) {
            s.close();
        }
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!stopped) {
            long now = System.nanoTime();
            int index = chain.firstAvailable(below, now);
            if (index < 0) {
                long wait = chain.earliestRetry(below, now) - now;
                LockSupport.parkNanos(Math.max(1_000_000L, Math.min(wait, 1_000_000_000L)));
                continue;
            }
            String reason = attempt(index);
            if (reason == null) {
                return;
            }
            if (stopped) {
                return;
            }
            long at = System.nanoTime();
            Duration rest = chain.failed(index, at, 0);
            String message = "source " + index + " (" + new MaskedUri(spec.sources().get(index)) + ") is still down: "
                    + reason + "; next try in " + rest.toMillis() + " ms";
            LOG.info("channel {}: {}", spec.id(), message);
            failure.accept(message);
        }
    }

    /** Tries one source; null when it passed and was handed over, else why it failed. */
    private String attempt(int index) {
        Source source;
        try {
            source = provider.create(spec, spec.sources().get(index));
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
        trying = source;
        boolean handedOver = false;
        try {
            if (stopped) {
                return "probe stopped";
            }
            source.open();
            long started = System.nanoTime();
            Probation probation = new Probation();
            TsDemuxer demuxer = new TsDemuxer(probation, spec.demux());
            Thread timer = Thread.ofVirtual().start(() -> {
                LockSupport.parkNanos(spec.health().probation().toNanos());
                if (!probation.passed) {
                    probation.timedOut = true;
                    source.close();
                }
            });
            byte[] buf = new byte[16 * 1024];
            // everything read so far, for the channel to replay: its next segment then starts on this keyframe
            // instead of the next one, a GOP later
            byte[] replay = new byte[256 * 1024];
            int replayLength = 0;
            try {
                while (!stopped && !probation.passed) {
                    int n = source.read(buf, 0, buf.length);
                    if (n < 0) {
                        break;
                    }
                    probation.bytes += n;
                    if (replay != null) {
                        if (replayLength + n > MAX_REPLAY) {
                            replay = null;
                        } else {
                            if (replayLength + n > replay.length) {
                                replay = Arrays.copyOf(replay, Math.min(MAX_REPLAY, Math.max(replay.length * 2, replayLength + n)));
                            }
                            System.arraycopy(buf, 0, replay, replayLength, n);
                            replayLength += n;
                        }
                    }
                    demuxer.feed(buf, 0, n);
                }
            } finally {
                timer.interrupt();
            }
            if (probation.passed && !stopped) {
                SourceSession session = new SourceSession(index, source, false, System.nanoTime());
                session.replay = replay == null ? null : Arrays.copyOf(replay, replayLength);
                if (probation.video) {
                    session.hasVideo = true;
                    chain.sawVideo(index);
                }
                handedOver = true;
                trying = null;
                LOG.info("channel {}: source {} ({}) recovered: a keyframe after {} ms", spec.id(), index,
                        new MaskedUri(source.uri()), (System.nanoTime() - started) / 1_000_000);
                recovered.accept(session);
                return null;
            }
            if (stopped) {
                return "probe stopped";
            }
            if (probation.timedOut) {
                return probation.bytes == 0
                        ? "no data within the probation of " + spec.health().probation().toMillis() + " ms"
                        : "no keyframe within the probation of " + spec.health().probation().toMillis() + " ms";
            }
            return "it ended during probation";
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        } finally {
            trying = null;
            if (!handedOver) {
                source.close();
            }
        }
    }

    /** Watches the demuxed program for the keyframe a switch needs. */
    private static final class Probation implements DemuxListener {
        volatile boolean passed;
        volatile boolean timedOut;
        long bytes;
        boolean programHasVideo;
        boolean video;

        @Override
        public void onProgramMap(ProgramMapTable pmt) {
            programHasVideo = pmt.video() != null;
        }

        @Override
        public void onUnitStart(ElementaryStream stream, long pts, long dts, boolean keyframe) {
            if (programHasVideo ? stream.codec().isVideo() && keyframe : keyframe) {
                video = programHasVideo;
                passed = true;
            }
        }

        @Override
        public void onPacket(byte[] buf, int off, int pid) {}
    }
}
