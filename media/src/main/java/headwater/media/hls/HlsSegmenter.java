package headwater.media.hls;

import headwater.media.ts.DemuxListener;
import headwater.media.ts.ElementaryStream;
import headwater.media.ts.ProgramMapTable;
import headwater.media.ts.ProgramTableWriter;
import headwater.media.ts.StreamFormat;
import headwater.media.ts.TsPacket;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the demuxed program into HLS segments without re-encoding: each segment begins with a PAT and a PMT written by
 * us and a keyframe, and lasts at least the target duration (measured on timestamps).
 *
 * <p>The segment clock is the PMT's first video stream, or its first audio stream when it has no video. A segment
 * starts on a keyframe of that stream and ends at the first keyframe whose PTS is at least the target duration (less
 * half a frame) after the segment's start PTS. Timestamps are 33-bit and compared modulo 2<sup>33</sup>, so a
 * wrap-around is not a jump. A decode timestamp that goes backwards, or forward by more than
 * {@link #jumpLimit90k()}, ends the segment at its last good timestamp plus one frame and makes the next segment a
 * discontinuity, as do {@link #discontinuity()} and a PMT whose streams change. Packets before the first keyframe (at
 * the start, and after each discontinuity) are dropped and counted.
 *
 * <p>Incoming PAT and PMT packets are dropped: every segment opens with our own from {@link ProgramTableWriter}. The
 * elementary stream packets are handed to the sink in the caller's buffer, untouched. {@link #onPacket} allocates
 * nothing.
 *
 * <p>Not thread-safe: one feeding thread, as {@link DemuxListener} and {@link SegmentSink} assume. The counters may
 * be read from another thread (values may lag).
 */
public final class HlsSegmenter implements DemuxListener {
    private static final long WRAP = 1L << 33;
    private static final long MASK = WRAP - 1;
    private static final long HALF_WRAP = 1L << 32;
    /** A decode time step larger than this (and than three target durations) is a jump. */
    private static final long MIN_JUMP_LIMIT_90K = 10L * TsPacket.PTS_HZ;
    /** A longer step between units is a gap in the stream, not the length of a frame (or of an audio PES). */
    private static final long MAX_FRAME_DURATION_90K = TsPacket.PTS_HZ;

    private final SegmentSink sink;
    private final InstantSource clock;
    private final long target90k;
    private final long jumpLimit90k;
    private final ProgramTableWriter tables = new ProgramTableWriter();
    private final Map<Integer, StreamFormat> formats = new HashMap<>();

    private byte[] tableBuffer = new byte[0];
    private ProgramMapTable program;
    private int pmtPid = -1;
    private int clockPid = -1;

    // the segment being written
    private boolean inSegment;
    private long sequence;
    private long discontinuitySequence;
    private boolean pendingDiscontinuity;
    private boolean segmentDiscontinuity;
    private long segmentStartPts;
    private long segmentMaxPts;
    private long segmentBytes;
    private Instant segmentDateTime;

    // the running clock of PDT, kept across segments until a discontinuity
    private Instant previousDateTime;
    private long previousDuration90k;

    // the segment clock stream's decode timeline
    private boolean haveLastDts;
    private long lastDts;
    private long frameDuration90k;

    private volatile long droppedPackets;
    private volatile long timestampJumps;
    private volatile long segments;

    public HlsSegmenter(SegmentSink sink, SegmenterOptions options, InstantSource clock) {
        if (sink == null || options == null || clock == null) {
            throw new NullPointerException("sink, options and clock are required");
        }
        long target = options.targetDuration().toNanos() * TsPacket.PTS_HZ / 1_000_000_000L;
        if (target <= 0) {
            throw new IllegalArgumentException("target duration " + options.targetDuration() + " must be positive");
        }
        this.sink = sink;
        this.clock = clock;
        this.target90k = target;
        this.jumpLimit90k = Math.max(MIN_JUMP_LIMIT_90K, 3 * target);
        this.sequence = options.firstSequence();
        this.discontinuitySequence = options.firstDiscontinuitySequence();
    }

    @Override
    public void onProgramMap(ProgramMapTable pmt) {
        boolean streamsChanged = program == null || !sameStreams(program, pmt);
        program = pmt;
        pmtPid = pmt.pid();
        if (tables.program(pmt)) {
            tableBuffer = new byte[tables.size()];
        }
        ElementaryStream clockStream = pmt.video();
        if (clockStream == null) {
            clockStream = pmt.streams().stream().filter(s -> s.codec().isAudio()).findFirst().orElse(null);
        }
        int newClockPid = clockStream == null ? -1 : clockStream.pid();
        if (streamsChanged && (inSegment || segments > 0)) {
            // RFC 8216 §4.3.2.3: a change in the number, type or identifiers of tracks needs a discontinuity
            if (inSegment) {
                endSegment(lastGoodDuration());
            }
            markDiscontinuity();
        }
        if (newClockPid != clockPid) {
            clockPid = newClockPid;
            haveLastDts = false;
            frameDuration90k = 0;
        }
    }

    @Override
    public void onStreamFormat(ElementaryStream stream, StreamFormat format) {
        formats.put(stream.pid(), format);
    }

    @Override
    public void onUnitStart(ElementaryStream stream, long pts, long dts, boolean keyframe) {
        if (stream.pid() != clockPid) {
            return;
        }
        long t = dts >= 0 ? dts : pts;
        if (t < 0) {
            return;
        }
        if (pts < 0) {
            pts = t;
        }
        pts &= MASK;
        t &= MASK;
        if (haveLastDts) {
            long step = signed33(t - lastDts);
            if (step < 0 || step > jumpLimit90k) {
                if (inSegment) {
                    timestampJumps++;
                    endSegment(lastGoodDuration());
                    markDiscontinuity();
                } else if (segments > 0 && !pendingDiscontinuity) {
                    timestampJumps++;
                    markDiscontinuity();
                }
            } else if (step > 0 && step <= MAX_FRAME_DURATION_90K) {
                frameDuration90k = step;
            }
        }
        lastDts = t;
        haveLastDts = true;
        if (!inSegment) {
            if (keyframe) {
                beginSegment(pts);
            }
            return;
        }
        long sinceStart = signed33(pts - segmentStartPts);
        if (keyframe && sinceStart + frameDuration90k / 2 >= target90k) {
            endSegment(sinceStart);
            beginSegment(pts);
        } else if (sinceStart > segmentMaxPts) {
            segmentMaxPts = sinceStart;
        }
    }

    @Override
    public void onPacket(byte[] buf, int off, int pid) {
        if (pid == TsPacket.PAT_PID || pid == pmtPid || pid == TsPacket.NULL_PID) {
            return;
        }
        if (!inSegment) {
            droppedPackets++;
            return;
        }
        sink.write(buf, off, TsPacket.SIZE);
        segmentBytes += TsPacket.SIZE;
    }

    /**
     * Ends the current segment (flushing partial PES) and marks the next one as a discontinuity: a source switch. The
     * next segment starts on the next keyframe; nothing of the old source is carried into it. Called before the first
     * segment, it makes the first segment a discontinuity (as when a restarted channel continues a playlist).
     */
    public void discontinuity() {
        if (inSegment) {
            endSegment(lastGoodDuration());
        }
        markDiscontinuity();
    }

    /** Ends the current segment, as when the channel stops. The next keyframe starts a new one. */
    public void flush() {
        if (inSegment) {
            endSegment(lastGoodDuration());
        }
    }

    /** The formats read from the bitstream for the streams of the current program, in PMT order. */
    public List<StreamFormat> formats() {
        List<StreamFormat> out = new ArrayList<>();
        if (program != null) {
            for (ElementaryStream s : program.streams()) {
                StreamFormat f = formats.get(s.pid());
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The program being packaged, or null before the first PMT. */
    public ProgramMapTable program() {
        return program;
    }

    /** Elementary stream packets dropped while waiting for a keyframe to start a segment on. */
    public long droppedPackets() {
        return droppedPackets;
    }

    /** Decode timestamps that went backwards or leapt forward on the segment clock stream. */
    public long timestampJumps() {
        return timestampJumps;
    }

    /** Segments completed so far. */
    public long segments() {
        return segments;
    }

    /** How far the decode timestamp may step forward before it counts as a jump, in 90 kHz ticks. */
    public long jumpLimit90k() {
        return jumpLimit90k;
    }

    private void markDiscontinuity() {
        pendingDiscontinuity = true;
        haveLastDts = false;
        previousDateTime = null;
    }

    private long lastGoodDuration() {
        return segmentMaxPts + frameDuration90k;
    }

    private void beginSegment(long pts) {
        segmentDiscontinuity = pendingDiscontinuity;
        if (pendingDiscontinuity) {
            discontinuitySequence++;
            pendingDiscontinuity = false;
        }
        segmentDateTime = previousDateTime == null
                ? clock.instant()
                : previousDateTime.plusNanos(previousDuration90k * 100_000L / 9);
        segmentStartPts = pts;
        segmentMaxPts = 0;
        segmentBytes = 0;
        inSegment = true;
        sink.beginSegment(sequence, segmentDiscontinuity);
        int n = tables.write(tableBuffer, 0);
        sink.write(tableBuffer, 0, n);
        segmentBytes += n;
    }

    private void endSegment(long duration90k) {
        inSegment = false;
        long duration = Math.max(0, duration90k);
        MediaSegment segment = new MediaSegment(sequence, discontinuitySequence, segmentDiscontinuity,
                segmentStartPts, duration, segmentDateTime, segmentBytes);
        sequence++;
        segments++;
        previousDateTime = segmentDateTime;
        previousDuration90k = duration;
        sink.endSegment(segment);
    }

    private static long signed33(long delta) {
        long d = delta & MASK;
        return d >= HALF_WRAP ? d - WRAP : d;
    }

    private static boolean sameStreams(ProgramMapTable a, ProgramMapTable b) {
        if (a.pid() != b.pid() || a.programNumber() != b.programNumber() || a.streams().size() != b.streams().size()) {
            return false;
        }
        for (int i = 0; i < a.streams().size(); i++) {
            ElementaryStream x = a.streams().get(i);
            ElementaryStream y = b.streams().get(i);
            if (x.pid() != y.pid() || x.streamType() != y.streamType() || x.codec() != y.codec()) {
                return false;
            }
        }
        return true;
    }
}
