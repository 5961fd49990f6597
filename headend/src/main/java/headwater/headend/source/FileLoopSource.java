package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * A TS file played at real time, looped into an endless seamless stream: for demos and tests.
 *
 * <p>URI: {@code file:///abs/path/loop.ts} or {@code file:relative/loop.ts}, with options {@code speed=10} (a rate
 * multiplier; 10 plays ten seconds of stream per second) and {@code loop=false} (end, -1, after one pass).
 *
 * <p>Pacing: by the PCR of the first PID that carries one, else by the DTS (or PTS) of the first PID with a PTS.
 * A packet carrying such a clock is delivered no earlier than its time on the wall clock (anchored on the first
 * one); the packets that follow it go with it. The wait for a packet that is not due yet ends on the next point of a
 * {@value #PACING_PERIOD_MILLIS} ms {@link WakeGrid} shared by all file sources of the JVM, so a read returns what
 * became due in up to one period (one read when {@code len} allows), every packet is at most one period late, and
 * many channels in one JVM wake together instead of each at its own PCRs. When the reader falls more than a second
 * behind (a slow consumer), the clock re-anchors instead of bursting to catch up.
 *
 * <p>Seamless loop: on loop {@code k} every PCR, PTS and DTS gets {@code k × loop duration} added (modulo 2^33) and
 * every continuity counter {@code k × step(PID)}, so a demuxer sees no timestamp jump and no continuity error where the
 * file restarts (see {@link LoopPlan}); PCR-only packets bridge a PCR gap longer than 40 ms at the loop point. The file is
 * streamed through a 47 KiB buffer, never held in memory.
 */
final class FileLoopSource extends MeteredSource {
    static final Set<String> OPTIONS = Set.of("speed", "loop");
    /** How far behind the wall clock the reader may fall before the clock re-anchors, in nanoseconds. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;
    /** Pacing granularity: waits end on the points of a grid with this period. */
    static final long PACING_PERIOD_MILLIS = 200;
    private static final WakeGrid PACING = new WakeGrid(PACING_PERIOD_MILLIS * 1_000_000L);
    /** The largest PCR interval at a loop point: 40 ms (DVB's maximum), in 27 MHz ticks. */
    static final long PCR_FILL_TICKS = 27_000_000L / 25;

    private final Path path;
    private final double speed;
    private final boolean loop;
    private final byte[] packet = new byte[TsPacket.SIZE];
    private FileChannel file;
    private TsFileReader reader;
    private LoopPlan plan;
    private LoopRewriter rewriter;
    private long loopIndex;
    private int packetPosition = TsPacket.SIZE; // 188: no staged packet
    private boolean packetPaced; // the staged packet has been waited for
    private long clock = -1; // unwrapped pacing clock of the staged packet, 27 MHz, or -1
    private long lastClock = -1;
    private long anchorNanos;
    private long anchorClock = -1;
    private long loopsCompleted;
    private boolean rewound; // nothing read since the last rewind
    private int pcrPidCc; // continuity counter of the last packet staged on the PCR PID
    private long fillNext = -1; // the PCR of the next loop-point fill packet, or -1
    private long fillUntil;

    private FileLoopSource(URI uri, SourceContext context, Path path, double speed, boolean loop) {
        super(uri, context);
        this.path = path;
        this.speed = speed;
        this.loop = loop;
    }

    static FileLoopSource of(URI uri, SourceContext context) {
        String source = describe(uri, context);
        String raw;
        String query;
        if (uri.isOpaque()) { // file:relative/path?speed=10 — the query is part of the opaque part
            String ssp = uri.getRawSchemeSpecificPart();
            int q = ssp.indexOf('?');
            raw = q < 0 ? ssp : ssp.substring(0, q);
            query = q < 0 ? null : ssp.substring(q + 1);
        } else {
            if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
                throw new InvalidSourceException(source + " names host '" + uri.getRawAuthority()
                        + "': expected file:///absolute/path.ts or file:relative/path.ts");
            }
            raw = uri.getRawPath();
            query = uri.getRawQuery();
        }
        if (raw == null || raw.isEmpty() || raw.equals("/")) {
            throw new InvalidSourceException(source + " names no file");
        }
        Path path = Path.of(java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        SourceOptions options = SourceOptions.parse(query, OPTIONS, source);
        return new FileLoopSource(uri, context, path, options.positive("speed", 1.0), options.flag("loop", true));
    }

    @Override
    public void open() throws IOException {
        try {
            file = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException(describe() + ": file " + path.toAbsolutePath() + " does not exist", e);
        } catch (IOException e) {
            throw new IOException(describe() + ": cannot open " + path.toAbsolutePath() + ": " + e, e);
        }
        if (Files.isDirectory(path)) {
            release();
            throw new IOException(describe() + ": " + path.toAbsolutePath() + " is a directory");
        }
        try {
            reader = new TsFileReader(file);
            plan = LoopPlan.scan(reader, describe());
            rewriter = new LoopRewriter(plan);
            reader.rewind();
        } catch (IOException e) {
            release();
            throw e;
        }
        if (isClosed()) {
            release();
        }
    }

    @Override
    protected int readSome(byte[] buf, int off, int len) throws IOException {
        if (plan == null) {
            throw new IllegalStateException(describe() + " is not open");
        }
        int n = 0;
        while (n < len) {
            if (packetPosition == TsPacket.SIZE) {
                if (len - n < TsPacket.SIZE && n > 0) {
                    return n; // whole packets when len allows it: no packet is started that cannot end here
                }
                if (len - n >= TsPacket.SIZE) {
                    // the common case: the packet is read, rewritten and paced where the caller wants it, no copy
                    if (!stageNext(buf, off + n)) {
                        return n > 0 ? n : -1;
                    }
                    if (clock < 0 || waitNanos(clock, System.nanoTime()) <= 0) {
                        n += TsPacket.SIZE;
                        continue;
                    }
                    System.arraycopy(buf, off + n, packet, 0, TsPacket.SIZE); // not due: keep it for later
                } else if (!stageNext(packet, 0)) {
                    return n > 0 ? n : -1;
                }
                packetPosition = 0;
                packetPaced = false;
            }
            if (!packetPaced && clock >= 0) {
                long now = System.nanoTime();
                long wait = waitNanos(clock, now);
                if (wait > 0) {
                    if (n > 0) {
                        return n; // deliver what is due now, wait on the next call
                    }
                    if (!sleepUnlessClosed(PACING.sleepNanos(now, now + wait))) {
                        return -1;
                    }
                }
                packetPaced = true;
            }
            int copy = Math.min(len - n, TsPacket.SIZE - packetPosition);
            System.arraycopy(packet, packetPosition, buf, off + n, copy);
            packetPosition += copy;
            n += copy;
        }
        return n;
    }

    /**
     * Reads and rewrites the next packet of the endless stream into {@code p[at..at+188)} and sets {@link #clock} to
     * its pacing clock; false at the end without loop.
     */
    private boolean stageNext(byte[] p, int at) throws IOException {
        if (fillNext >= 0) {
            if (fillUntil - fillNext > PCR_FILL_TICKS / 2) {
                pcrOnly(p, at, fillNext);
                fillNext += PCR_FILL_TICKS;
                clock = pacingClock(p, at);
                return true;
            }
            fillNext = -1;
        }
        if (!reader.next(p, at)) {
            if (!loop) {
                return false;
            }
            if (rewound) {
                throw new IOException(describe() + ": file " + path + " became empty");
            }
            reader.rewind();
            rewound = true;
            loopIndex++;
            loopsCompleted++;
            planLoopPointFill();
            return stageNext(p, at);
        }
        rewound = false;
        rewriter.shift(p, at, loopIndex);
        if (TsPacket.pid(p, at) == plan.pcrPid()) {
            pcrPidCc = TsPacket.continuityCounter(p, at);
        }
        clock = pacingClock(p, at);
        return true;
    }

    /**
     * The PCR of a file's first packet of the next loop comes {@code duration - pcrSpan} after its last one, which can
     * exceed the usual PCR interval (a loop's audio often outlasts its video). PCR-only packets every 40 ms bridge
     * that gap, so no PCR interval at the loop point is longer than DVB's 40 ms (or the file's own interval).
     */
    private void planLoopPointFill() {
        if (plan.pcrPid() < 0 || lastClock < 0) {
            return;
        }
        long nextFirst = lastClock - plan.pcrSpan() + plan.duration90k() * 300;
        if (nextFirst - lastClock > PCR_FILL_TICKS) {
            fillNext = lastClock + PCR_FILL_TICKS;
            fillUntil = nextFirst;
        }
    }

    /** Writes an adaptation-field-only packet on the PCR PID carrying this PCR (continuity counter unchanged). */
    private void pcrOnly(byte[] p, int at, long pcr) {
        int pid = plan.pcrPid();
        p[at] = TsPacket.SYNC_BYTE;
        p[at + 1] = (byte) ((pid >> 8) & 0x1F);
        p[at + 2] = (byte) pid;
        p[at + 3] = (byte) (0x20 | (pcrPidCc & 0x0F)); // adaptation field only: the counter does not advance
        p[at + 4] = (byte) (TsPacket.SIZE - 5);
        p[at + 5] = 0x10; // PCR_flag
        TsTimestamps.writePcr(p, at, pcr);
        Arrays.fill(p, at + 12, at + TsPacket.SIZE, (byte) 0xFF);
    }

    /** The unwrapped pacing clock (27 MHz) carried by this packet, or -1 when it carries none. */
    private long pacingClock(byte[] p, int off) {
        int pid = TsPacket.pid(p, off);
        long value = -1;
        long modulus = TsTimestamps.PCR_MODULUS;
        if (pid == plan.pcrPid()) {
            value = TsPacket.pcr(p, off);
        } else if (pid == plan.ptsPid()) {
            int pes = TsTimestamps.pesHeader(p, off);
            if (pes >= 0) {
                int at = TsTimestamps.dtsOffset(p, off, pes);
                at = at >= 0 ? at : TsTimestamps.ptsOffset(p, off, pes);
                if (at >= 0) {
                    value = TsTimestamps.readTimestamp(p, at) * 300;
                }
            }
        }
        if (value < 0) {
            return -1;
        }
        lastClock = lastClock < 0 ? value : TsTimestamps.unwrap(value, lastClock, modulus);
        return lastClock;
    }

    /** How long to wait before delivering a packet with this clock; anchors the clock on the first one. */
    private long waitNanos(long at, long now) {
        if (anchorClock < 0) {
            anchorClock = at;
            anchorNanos = now;
            return 0;
        }
        long due = anchorNanos + (long) ((at - anchorClock) * (1000.0 / 27.0) / speed);
        if (now - due > MAX_LAG_NANOS) {
            anchorClock = at;
            anchorNanos = now;
            return 0;
        }
        return due - now;
    }

    /** Times the file was restarted. */
    long loopsCompleted() {
        return loopsCompleted;
    }

    LoopPlan plan() {
        return plan;
    }

    @Override
    protected void release() {
        FileChannel f = file;
        if (f != null) {
            try {
                f.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
