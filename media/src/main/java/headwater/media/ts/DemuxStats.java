package headwater.media.ts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the demuxer counted: corrupt input is counted here and survived, never thrown.
 * Written by the feeding thread; safe to read from another thread (values may lag by one feed call).
 *
 * <p>The demuxer counts in plain fields of its own and publishes them here once per {@code feed} call with opaque
 * writes, so the hot path pays no fence per packet; per-PID continuity errors are written as they happen, which is
 * rare.
 */
public final class DemuxStats {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private static final int PACKETS = 0;
    private static final int BYTES_SKIPPED = 1;
    private static final int SYNC_LOSSES = 2;
    private static final int CONTINUITY_ERRORS = 3;
    private static final int TRANSPORT_ERRORS = 4;
    private static final int PES_ERRORS = 5;
    private static final int PSI_ERRORS = 6;
    private static final int COUNTERS = 7;

    private final long[] totals = new long[COUNTERS];
    private final long[] continuityByPid = new long[8192];

    public DemuxStats() {}

    /** Transport packets read (with a valid sync byte), including those dropped for errors or unselected PIDs. */
    public long packets() {
        return get(PACKETS);
    }

    /** Bytes thrown away while looking for packet sync. */
    public long bytesSkipped() {
        return get(BYTES_SKIPPED);
    }

    /** How many times a packet did not start where the previous one ended. */
    public long syncLosses() {
        return get(SYNC_LOSSES);
    }

    /** Continuity counter jumps on the PIDs of the followed program. */
    public long continuityErrors() {
        return get(CONTINUITY_ERRORS);
    }

    public long continuityErrors(int pid) {
        return pid < 0 || pid > 0x1FFF ? 0 : (long) LONGS.getOpaque(continuityByPid, pid);
    }

    /** Packets flagged with transport_error_indicator; they are dropped. */
    public long transportErrors() {
        return get(TRANSPORT_ERRORS);
    }

    /** PES headers that could not be read. */
    public long pesErrors() {
        return get(PES_ERRORS);
    }

    /** PSI sections with a bad CRC or an impossible layout. */
    public long psiErrors() {
        return get(PSI_ERRORS);
    }

    private long get(int i) {
        return (long) LONGS.getOpaque(totals, i);
    }

    void publish(long packets, long bytesSkipped, long syncLosses, long continuityErrors, long transportErrors,
            long pesErrors, long psiErrors) {
        LONGS.setOpaque(totals, PACKETS, packets);
        LONGS.setOpaque(totals, BYTES_SKIPPED, bytesSkipped);
        LONGS.setOpaque(totals, SYNC_LOSSES, syncLosses);
        LONGS.setOpaque(totals, CONTINUITY_ERRORS, continuityErrors);
        LONGS.setOpaque(totals, TRANSPORT_ERRORS, transportErrors);
        LONGS.setOpaque(totals, PES_ERRORS, pesErrors);
        LONGS.setOpaque(totals, PSI_ERRORS, psiErrors);
    }

    /** Called by the feeding thread only, so a plain read followed by an opaque write is race-free. */
    void continuityError(int pid) {
        LONGS.setOpaque(continuityByPid, pid, (long) LONGS.getOpaque(continuityByPid, pid) + 1);
    }

    @Override
    public String toString() {
        return "DemuxStats[packets=" + packets() + ", bytesSkipped=" + bytesSkipped() + ", syncLosses=" + syncLosses()
                + ", continuityErrors=" + continuityErrors() + ", transportErrors=" + transportErrors()
                + ", pesErrors=" + pesErrors() + ", psiErrors=" + psiErrors() + "]";
    }
}
