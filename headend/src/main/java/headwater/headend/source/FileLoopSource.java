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
 * file restarts (see {@link LoopPlan}); PCR-only packets bridge a PCR gap longer than 40 ms at the loop point.
 *
 * <p>The file is mapped read-only ({@link MappedFiles}: once for all the channels that play it) and each packet is
 * copied from the mapping straight into the caller's array. When the loop comes round, a file that was replaced or
 * rewritten since it was opened ends the source with an I/O error, so the channel opens it again and plays the new
 * version from its start; a file cut shorter while it plays does the same as soon as a read reaches the lost bytes.
 */
final class FileLoopSource extends MeteredSource {
    static final Set<String> OPTIONS = Set.of("speed", "loop");
    /** How far behind the wall clock the reader may fall before the clock re-anchors, in nanoseconds. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;
    /** Pacing granularity: waits end on the points of a grid with this period. */
    static final long PACING_PERIOD_MILLIS = 200;
    /**
     * Packets copied from the file per step of a read: enough to spread the cost of a copy, few enough that the copy
     * beyond the first packet not due yet (copied again on the next read) stays small.
     */
    private static final int RUN_PACKETS = 32;
    private static final WakeGrid PACING = new WakeGrid(PACING_PERIOD_MILLIS * 1_000_000L);
    /** The largest PCR interval at a loop point: 40 ms (DVB's maximum), in 27 MHz ticks. */
    static final long PCR_FILL_TICKS = 27_000_000L / 25;

    private final Path path;
    private final double speed;
    private final boolean loop;
    private final byte[] packet = new byte[TsPacket.SIZE];
    private volatile MappedFiles.Mapping mapping;
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
        if (Files.isDirectory(path)) {
            throw new IOException(describe() + ": " + path.toAbsolutePath() + " is a directory");
        }
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            mapping = MappedFiles.map(path, file);
        } catch (NoSuchFileException e) {
            throw new IOException(describe() + ": file " + path.toAbsolutePath() + " does not exist", e);
        } catch (IOException e) {
            throw new IOException(describe() + ": cannot open " + path.toAbsolutePath() + ": " + e, e);
        }
        try {
            reader = new TsFileReader(mapping.bytes());
            plan = LoopPlan.scan(reader, describe());
            rewriter = new LoopRewriter(plan);
            reader.rewind();
        } catch (IOException e) {
            release();
            throw e;
        } catch (InternalError e) {
            release();
            throw cutShort(e);
        }
        if (isClosed()) {
            release();
        }
    }

    private IOException cutShort(InternalError e) {
        return new IOException(describe() + ": file " + path.toAbsolutePath()
                + " could not be read where it was mapped: was it cut shorter while being played?", e);
    }

    @Override
    protected int readSome(byte[] buf, int off, int len) throws IOException {
        if (plan == null) {
            throw new IllegalStateException(describe() + " is not open");
        }
        try {
            return readPaced(buf, off, len);
        } catch (InternalError e) {
            throw cutShort(e);
        }
    }

    private int readPaced(byte[] buf, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            if (packetPosition == TsPacket.SIZE) {
                if (len - n < TsPacket.SIZE && n > 0) {
                    return n; // whole packets when len allows it: no packet is started that cannot end here
                }
                if (len - n >= TsPacket.SIZE && fillNext < 0) {
                    // the common case: a run of packets copied from the file into place, then rewritten and paced there
                    int run = reader.peekRun(buf, off + n, Math.min(RUN_PACKETS, (len - n) / TsPacket.SIZE));
                    if (run > 0) {
                        int due = takeDue(buf, off + n, run);
                        n += due * TsPacket.SIZE;
                        if (due == run) {
                            continue;
                        }
                        if (n > 0) {
                            return n; // deliver what is due now, wait on the next call
                        }
                        long now = System.nanoTime();
                        if (!sleepUnlessClosed(PACING.sleepNanos(now, now + waitNanos(clock, now)))) {
                            return -1;
                        }
                        continue; // the packet is copied again, and is due now
                    }
                }
                if (len - n >= TsPacket.SIZE) {
                    // the careful path (garbage, the end of the file, a loop point): one packet, read into place
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
     * Rewrites the {@code run} packets peeked at {@code buf[at..)} and takes them while they are due; returns how many
     * were taken. The first one not due is left in the file, its pacing clock in {@link #clock}.
     */
    private int takeDue(byte[] buf, int at, int run) {
        for (int i = 0, q = at; i < run; i++, q += TsPacket.SIZE) {
            byte b1 = buf[q + 1];
            byte b2 = buf[q + 2];
            byte b3 = buf[q + 3];
            rewriter.shift(buf, q, loopIndex);
            long c = pacingClock(buf, q);
            if (c >= 0 && waitNanos(c, System.nanoTime()) > 0) {
                clock = c;
                return i;
            }
            reader.consume(b1, b2, b3);
            rewound = false;
            if (TsPacket.pid(buf, q) == plan.pcrPid()) {
                pcrPidCc = TsPacket.continuityCounter(buf, q);
            }
        }
        return run;
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
            if (!mapping.isCurrent(path)) {
                throw new IOException(describe() + ": file " + path.toAbsolutePath()
                        + " was replaced or changed since it was opened; opening it again");
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

    /** The mapped file this source plays. */
    FileBytes mapped() {
        return mapping.bytes();
    }

    LoopPlan plan() {
        return plan;
    }

    @Override
    protected void release() {
        MappedFiles.Mapping m = mapping;
        if (m != null) {
            m.close(); // the mapping outlives a read still under way: the JVM unmaps it only once nothing refers to it
        }
    }
}
