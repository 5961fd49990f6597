package headwater.media.ts;

import headwater.media.codec.RandomAccessProbe;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a transport stream fed in chunks of any size into the events of {@link DemuxListener}.
 *
 * <p>Packets are read in place from the caller's buffer; only a packet that straddles two {@link #feed} calls is
 * copied. Sync is (re)gained on a 0x47 confirmed by two more at +188 and +376, so the events do not depend on how the
 * input is chunked. The PAT selects the program, its PMT selects the PIDs; everything else is skipped after reading
 * three header bytes.
 *
 * <p>Keyframes: at each PES start of the program's video stream the NAL units in front of the first picture decide.
 * Until they do, the program's packets are held back (in order, in a fixed buffer of {@value #HOLD_MAX} packets), then
 * released after {@link DemuxListener#onUnitStart}. The hold ends at the first picture, at the next video PES start or
 * when the buffer is full; without a decision the random_access_indicator of the PES start packet is taken.
 *
 * <p>Not thread-safe: one thread feeds. {@link #stats()} may be read from any thread.
 */
public final class TsDemuxer {
    private static final int SIZE = TsPacket.SIZE;
    private static final byte SYNC = TsPacket.SYNC_BYTE;
    private static final int SEARCH_CAP = SIZE * 16;
    static final int HOLD_MAX = 64;

    private static final byte IGNORE = 0;
    private static final byte PAT = 1;
    private static final byte PMT = 2;
    private static final byte PES = 3;
    /** Passed on as is: a PCR-only PID, SCTE-35 sections. */
    private static final byte PASS = 4;

    private static final long NO_CRC = Long.MIN_VALUE;

    private final DemuxListener listener;
    private final DemuxOptions options;
    private final DemuxStats stats = new DemuxStats();

    private final byte[] kind = new byte[8192];
    /** Last continuity counter per PID, -1 when unknown; bit 4 set after a duplicate was let through. */
    private final byte[] ccState = new byte[8192];
    private final StreamState[] streams = new StreamState[8192];

    private long packets;
    private long bytesSkipped;
    private long syncLosses;
    private long continuityErrors;
    private long transportErrors;
    private long pesErrors;
    private long psiErrors;

    private boolean searching = true;
    private final byte[] search = new byte[SEARCH_CAP];
    private int searchLen;
    private final byte[] carry = new byte[SIZE];
    private int carryLen;

    private final SectionAssembler patSections = new SectionAssembler();
    private final SectionAssembler pmtSections = new SectionAssembler();
    private final SectionAssembler.Handler onPat = this::onPatSection;
    private final SectionAssembler.Handler onPmt = this::onPmtSection;
    private long lastPatCrc = NO_CRC;
    private long lastPmtCrc = NO_CRC;
    private int pmtPid = -1;
    private int programNumber;
    private ProgramMapTable pmt;

    private final byte[] held = new byte[HOLD_MAX * SIZE];
    private final int[] heldPid = new int[HOLD_MAX];
    private final StreamState[] heldStart = new StreamState[HOLD_MAX];
    private final long[] heldPts = new long[HOLD_MAX];
    private final long[] heldDts = new long[HOLD_MAX];
    private final boolean[] heldKey = new boolean[HOLD_MAX];
    private final StreamFormat[] heldFormat = new StreamFormat[HOLD_MAX];
    private int heldCount;
    /** The video stream whose access unit is being probed while packets are held; null when nothing is held. */
    private StreamState holding;
    private boolean holdingHint;

    /** Results of {@link #readPesHeader}: kept in fields so the hot path returns them without allocating. */
    private long pts;
    private long dts;

    public TsDemuxer(DemuxListener listener, DemuxOptions options) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = options == null ? DemuxOptions.DEFAULTS : options;
        forgetProgram();
    }

    /** Feeds bytes; packets may straddle calls; garbage is skipped and counted, the demuxer resyncs on 0x47. */
    public void feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        try {
            feedChecked(buf, off, off + len);
        } finally {
            publish();
        }
    }

    /**
     * Passes on the packets held back for a keyframe decision (deciding by the random_access_indicator), as at the end
     * of the input. Partial packets stay buffered.
     */
    public void flush() {
        try {
            release(holdingHint ? RandomAccessProbe.KEYFRAME : RandomAccessProbe.NOT_KEYFRAME);
        } finally {
            publish();
        }
    }

    /**
     * Forgets PSI, partial packets and partial PES state, as after a source switch. Counters are kept. Packets held back
     * for a keyframe decision are passed on first: they are whole and belong to the old source.
     */
    public void reset() {
        flush();
        searching = true;
        searchLen = 0;
        carryLen = 0;
        forgetProgram();
    }

    public DemuxStats stats() {
        return stats;
    }

    private void forgetProgram() {
        Arrays.fill(kind, IGNORE);
        Arrays.fill(ccState, (byte) -1);
        Arrays.fill(streams, null);
        kind[TsPacket.PAT_PID] = PAT;
        patSections.reset();
        pmtSections.reset();
        lastPatCrc = NO_CRC;
        lastPmtCrc = NO_CRC;
        pmtPid = -1;
        programNumber = 0;
        pmt = null;
    }

    private void publish() {
        stats.publish(packets, bytesSkipped, syncLosses, continuityErrors, transportErrors, pesErrors, psiErrors);
    }

    // ---------------------------------------------------------------- sync

    private void feedChecked(byte[] buf, int p, int end) {
        while (p < end) {
            if (searching) {
                p = searchFeed(buf, p, end);
                continue;
            }
            if (carryLen > 0) {
                int n = Math.min(SIZE - carryLen, end - p);
                System.arraycopy(buf, p, carry, carryLen, n);
                carryLen += n;
                p += n;
                if (carryLen < SIZE) {
                    return;
                }
                carryLen = 0;
                packet(carry, 0);
                continue;
            }
            while (end - p >= SIZE) {
                if (buf[p] != SYNC) {
                    loseSync();
                    break;
                }
                packet(buf, p);
                p += SIZE;
            }
            if (!searching && p < end) {
                if (buf[p] != SYNC) {
                    loseSync();
                } else {
                    carryLen = end - p;
                    System.arraycopy(buf, p, carry, 0, carryLen);
                    p = end;
                }
            }
        }
    }

    private void loseSync() {
        syncLosses++;
        searching = true;
        searchLen = 0;
    }

    /**
     * Collects bytes while out of sync and looks for a confirmed sync in them; returns how far {@code buf} was
     * consumed. Every position is judged only once all three bytes it needs are there, so the outcome does not depend
     * on how the input was chunked.
     */
    private int searchFeed(byte[] buf, int p, int end) {
        int n = Math.min(SEARCH_CAP - searchLen, end - p);
        System.arraycopy(buf, p, search, searchLen, n);
        searchLen += n;
        p += n;
        while (true) {
            int found = -1;
            for (int i = 0; i + 2 * SIZE < searchLen; i++) {
                if (search[i] == SYNC && search[i + SIZE] == SYNC && search[i + 2 * SIZE] == SYNC) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                int drop = Math.max(0, searchLen - 2 * SIZE);
                bytesSkipped += drop;
                dropSearched(drop);
                return p;
            }
            bytesSkipped += found;
            int i = found;
            while (searchLen - i >= SIZE && search[i] == SYNC) {
                packet(search, i);
                i += SIZE;
            }
            if (i < searchLen && search[i] != SYNC) {
                syncLosses++; // lost again inside the buffer: look further in what is left
                dropSearched(i);
                continue;
            }
            searching = false;
            carryLen = searchLen - i;
            System.arraycopy(search, i, carry, 0, carryLen);
            searchLen = 0;
            return p;
        }
    }

    private void dropSearched(int n) {
        System.arraycopy(search, n, search, 0, searchLen - n);
        searchLen -= n;
    }

    // ---------------------------------------------------------------- packets

    private void packet(byte[] b, int o) {
        packets++;
        int b1 = b[o + 1];
        if ((b1 & 0x80) != 0) {
            transportErrors++;
            return;
        }
        int pid = ((b1 & 0x1F) << 8) | (b[o + 2] & 0xFF);
        byte k = kind[pid];
        if (k == IGNORE) {
            return;
        }
        int b3 = b[o + 3];
        boolean continuous = true;
        int st = ccState[pid];
        int cc = b3 & 0x0F;
        if (st >= 0) {
            int last = st & 0x0F;
            boolean payload = (b3 & 0x10) != 0;
            if (payload ? cc != ((last + 1) & 0x0F) : cc != last) {
                if (payload && cc == last && (st & 0x10) == 0) {
                    ccState[pid] = (byte) (last | 0x10);
                    return; // one duplicate packet is allowed and dropped
                }
                if (!TsPacket.discontinuityIndicator(b, o)) {
                    continuous = false;
                    continuityErrors++;
                    stats.continuityError(pid);
                }
            }
        }
        ccState[pid] = (byte) cc;
        switch (k) {
            case PES -> pesPacket(b, o, pid, continuous);
            case PAT -> {
                psiPacket(b, o, patSections, onPat, continuous);
                if (pmt != null) {
                    pass(b, o, pid);
                }
            }
            case PMT -> {
                psiPacket(b, o, pmtSections, onPmt, continuous);
                if (pmt != null && pid == pmtPid) {
                    pass(b, o, pid);
                }
            }
            default -> pass(b, o, pid);
        }
    }

    private void pass(byte[] b, int o, int pid) {
        if (holding != null) {
            hold(b, o, pid, null, false, null);
        } else {
            listener.onPacket(b, o, pid);
        }
    }

    // ---------------------------------------------------------------- PSI

    private void psiPacket(byte[] b, int o, SectionAssembler sections, SectionAssembler.Handler handler, boolean continuous) {
        if (!continuous) {
            sections.reset();
        }
        int p = TsPacket.payloadOffset(b, o);
        if (p < 0) {
            return;
        }
        psiErrors += sections.push(b, p, o + SIZE, TsPacket.payloadUnitStart(b, o), handler);
    }

    private static long crcOf(byte[] s, int len) {
        return ((s[len - 4] & 0xFFL) << 24) | ((s[len - 3] & 0xFF) << 16) | ((s[len - 2] & 0xFF) << 8) | (s[len - 1] & 0xFF);
    }

    private void onPatSection(byte[] s, int len) {
        if (!ProgramSections.current(s, len, ProgramSections.PAT_TABLE_ID)) {
            return;
        }
        long crc = crcOf(s, len);
        if (crc == lastPatCrc) {
            return;
        }
        lastPatCrc = crc;
        int selected = ProgramSections.pmtPidOf(s, len, options.programNumber());
        if (selected == ProgramSections.NONE) {
            return;
        }
        int pid = selected & 0x1FFF;
        int program = selected >>> 16;
        if (pid == pmtPid && program == programNumber) {
            return;
        }
        if (pmtPid >= 0 && kind[pmtPid] == PMT) {
            kind[pmtPid] = IGNORE;
        }
        if (pid == TsPacket.PAT_PID || pid == TsPacket.NULL_PID) {
            psiErrors++;
            pmtPid = -1;
            return;
        }
        pmtPid = pid;
        programNumber = program;
        kind[pid] = PMT;
        ccState[pid] = -1;
        pmtSections.reset();
        lastPmtCrc = NO_CRC;
    }

    private void onPmtSection(byte[] s, int len) {
        if (!ProgramSections.current(s, len, ProgramSections.PMT_TABLE_ID)
                || ProgramSections.programNumber(s) != programNumber) {
            return;
        }
        long crc = crcOf(s, len);
        if (crc == lastPmtCrc) {
            return;
        }
        lastPmtCrc = crc;
        ProgramMapTable table = ProgramSections.parsePmt(s, len, pmtPid);
        if (table == null) {
            psiErrors++;
            return;
        }
        if (!table.equals(pmt)) {
            install(table);
        }
    }

    private void install(ProgramMapTable table) {
        release(holdingHint ? RandomAccessProbe.KEYFRAME : RandomAccessProbe.NOT_KEYFRAME);
        StreamState[] previous = new StreamState[0];
        if (pmt != null) {
            previous = new StreamState[pmt.streams().size()];
            int i = 0;
            for (ElementaryStream es : pmt.streams()) {
                previous[i++] = streams[es.pid()];
                unfollow(es.pid());
            }
            unfollow(pmt.pcrPid());
        }
        ElementaryStream video = table.video();
        for (ElementaryStream es : table.streams()) {
            int pid = es.pid();
            if (pid == TsPacket.PAT_PID || pid == pmtPid || pid == TsPacket.NULL_PID || !keep(es.codec())) {
                continue;
            }
            StreamState state = null;
            for (StreamState old : previous) {
                if (old != null && old.stream.equals(es)) {
                    state = old;
                }
            }
            if (state == null) {
                state = new StreamState(es);
                ccState[pid] = -1;
                if (es == video) {
                    state.probeKeyframes();
                }
            }
            streams[pid] = state;
            kind[pid] = state.pes ? PES : PASS;
        }
        int pcr = table.pcrPid();
        if (pcr != TsPacket.NULL_PID && kind[pcr] == IGNORE && pcr != pmtPid) {
            kind[pcr] = PASS;
            ccState[pcr] = -1;
        }
        pmt = table;
        listener.onProgramMap(table);
    }

    private void unfollow(int pid) {
        if (pid != TsPacket.PAT_PID && pid != pmtPid && (kind[pid] == PES || kind[pid] == PASS)) {
            kind[pid] = IGNORE;
            streams[pid] = null;
        }
    }

    private boolean keep(Codec codec) {
        return switch (codec.kind()) {
            case VIDEO, AUDIO -> true;
            case SUBTITLE -> options.keepSubtitles();
            case DATA -> codec == Codec.SCTE35 ? options.keepScte35() : options.keepOtherData();
        };
    }

    // ---------------------------------------------------------------- PES

    private void pesPacket(byte[] b, int o, int pid, boolean continuous) {
        StreamState s = streams[pid];
        int end = o + SIZE;
        if ((b[o + 1] & 0x40) == 0) {
            if (holding == null) {
                listener.onPacket(b, o, pid);
                return;
            }
            int decision = RandomAccessProbe.UNDECIDED;
            if (s == holding) {
                int p = TsPacket.payloadOffset(b, o);
                decision = !continuous ? holdingHintDecision() : p < 0 ? RandomAccessProbe.UNDECIDED : s.probe.scan(b, p, end);
            }
            hold(b, o, pid, null, false, null);
            if (decision != RandomAccessProbe.UNDECIDED) {
                release(decision);
            } else if (heldCount == HOLD_MAX) {
                release(holdingHintDecision());
            }
            return;
        }
        int data = readPesHeader(b, o, end);
        if (s.probe != null) {
            if (holding != null) {
                release(holdingHintDecision());
            }
            RandomAccessProbe probe = s.probe;
            probe.start();
            int decision = data < 0 ? RandomAccessProbe.UNDECIDED : probe.scan(b, data, end);
            if (decision != RandomAccessProbe.UNDECIDED) {
                StreamFormat f = s.videoFormatChange();
                if (f != null) {
                    listener.onStreamFormat(s.stream, f);
                }
                listener.onUnitStart(s.stream, pts, dts, decision == RandomAccessProbe.KEYFRAME);
                listener.onPacket(b, o, pid);
                return;
            }
            holding = s;
            holdingHint = TsPacket.randomAccessIndicator(b, o);
            hold(b, o, pid, s, false, null);
            return;
        }
        StreamFormat f = data < 0 || !s.codec.isAudio() ? null : s.audioFormatChange(b, data, end);
        boolean key = !s.codec.isVideo() || TsPacket.randomAccessIndicator(b, o);
        if (holding != null) {
            hold(b, o, pid, s, key, f);
            if (heldCount == HOLD_MAX) {
                release(holdingHintDecision());
            }
            return;
        }
        if (f != null) {
            listener.onStreamFormat(s.stream, f);
        }
        listener.onUnitStart(s.stream, pts, dts, key);
        listener.onPacket(b, o, pid);
    }

    private int holdingHintDecision() {
        return holdingHint ? RandomAccessProbe.KEYFRAME : RandomAccessProbe.NOT_KEYFRAME;
    }

    /**
     * Reads the PES header of a packet with payload_unit_start_indicator set into {@link #pts} and {@link #dts}.
     *
     * @return the offset of the first elementary stream byte, or -1 when the header is malformed (counted)
     */
    private int readPesHeader(byte[] b, int o, int end) {
        pts = -1;
        dts = -1;
        int p = TsPacket.payloadOffset(b, o);
        if (p < 0 || end - p < 9 || b[p] != 0 || b[p + 1] != 0 || b[p + 2] != 1) {
            pesErrors++;
            return -1;
        }
        int streamId = b[p + 3] & 0xFF;
        switch (streamId) {
            case 0xBC, 0xBE, 0xBF, 0xF0, 0xF1, 0xF2, 0xF8, 0xFF -> {
                return p + 6; // no optional PES header
            }
            default -> { }
        }
        if ((b[p + 6] & 0xC0) != 0x80) {
            pesErrors++;
            return -1;
        }
        int flags = (b[p + 7] >> 6) & 0x03;
        int headerLength = b[p + 8] & 0xFF;
        int data = p + 9 + headerLength;
        if (data > end || flags == 1 || (flags == 2 && headerLength < 5) || (flags == 3 && headerLength < 10)) {
            pesErrors++;
            return -1;
        }
        if (flags >= 2) {
            pts = timestamp(b, p + 9);
            dts = flags == 3 ? timestamp(b, p + 14) : pts;
        }
        return data;
    }

    private static long timestamp(byte[] b, int p) {
        return ((b[p] & 0x0EL) << 29)
                | ((b[p + 1] & 0xFFL) << 22)
                | ((b[p + 2] & 0xFEL) << 14)
                | ((b[p + 3] & 0xFFL) << 7)
                | ((b[p + 4] & 0xFEL) >>> 1);
    }

    // ---------------------------------------------------------------- hold back

    private void hold(byte[] b, int o, int pid, StreamState start, boolean key, StreamFormat format) {
        int i = heldCount++;
        System.arraycopy(b, o, held, i * SIZE, SIZE);
        heldPid[i] = pid;
        heldStart[i] = start;
        heldPts[i] = pts;
        heldDts[i] = dts;
        heldKey[i] = key;
        heldFormat[i] = format;
    }

    private void release(int decision) {
        StreamState video = holding;
        if (video == null) {
            return;
        }
        holding = null;
        int count = heldCount;
        heldCount = 0;
        StreamFormat f = video.videoFormatChange();
        if (f != null) {
            listener.onStreamFormat(video.stream, f);
        }
        for (int i = 0; i < count; i++) {
            StreamState start = heldStart[i];
            if (heldFormat[i] != null) {
                listener.onStreamFormat(start.stream, heldFormat[i]);
                heldFormat[i] = null;
            }
            if (start != null) {
                boolean key = i == 0 && start == video ? decision == RandomAccessProbe.KEYFRAME : heldKey[i];
                listener.onUnitStart(start.stream, heldPts[i], heldDts[i], key);
                heldStart[i] = null;
            }
            listener.onPacket(held, i * SIZE, heldPid[i]);
        }
    }
}
