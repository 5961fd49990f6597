package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent check of what a demuxer sees in a TS stream: continuity-counter errors per PID, and per PID the
 * sequence of decode timestamps (DTS, else PTS), unwrapped over the 33-bit range, plus the PCR sequence.
 */
final class TsContinuity {
    final Map<Integer, Integer> ccErrors = new HashMap<>();
    final Map<Integer, List<Long>> decodeTimes = new HashMap<>();
    final List<Long> pcrs = new ArrayList<>();
    private final Map<Integer, Integer> lastCc = new HashMap<>();
    private long packets;

    static TsContinuity of(byte[] ts, int length) {
        TsContinuity c = new TsContinuity();
        for (int off = 0; off + TsPacket.SIZE <= length; off += TsPacket.SIZE) {
            c.packet(ts, off);
        }
        return c;
    }

    private void packet(byte[] b, int off) {
        packets++;
        int pid = TsPacket.pid(b, off);
        if (pid == TsPacket.NULL_PID) {
            return;
        }
        int cc = TsPacket.continuityCounter(b, off);
        Integer last = lastCc.get(pid);
        if (last != null) {
            int expected = TsPacket.hasPayload(b, off) ? (last + 1) & 0x0F : last;
            if (cc != expected && !TsPacket.discontinuityIndicator(b, off)) {
                ccErrors.merge(pid, 1, Integer::sum);
            }
        }
        lastCc.put(pid, cc);
        long pcr = TsPacket.pcr(b, off);
        if (pcr >= 0) {
            pcrs.add(pcrs.isEmpty() ? pcr : TsTimestamps.unwrap(pcr, pcrs.getLast(), TsTimestamps.PCR_MODULUS));
        }
        int pes = TsTimestamps.pesHeader(b, off);
        if (pes >= 0) {
            int at = TsTimestamps.dtsOffset(b, off, pes);
            at = at >= 0 ? at : TsTimestamps.ptsOffset(b, off, pes);
            if (at >= 0) {
                List<Long> times = decodeTimes.computeIfAbsent(pid, k -> new ArrayList<>());
                long t = TsTimestamps.readTimestamp(b, at);
                times.add(times.isEmpty() ? t : TsTimestamps.unwrap(t, times.getLast(), TsTimestamps.PTS_MODULUS));
            }
        }
    }

    long packets() {
        return packets;
    }

    /** The largest step between consecutive values. */
    static long maxStep(List<Long> values) {
        long max = Long.MIN_VALUE;
        for (int i = 1; i < values.size(); i++) {
            max = Math.max(max, values.get(i) - values.get(i - 1));
        }
        return max;
    }

    /** The smallest step between consecutive values (negative when they go back). */
    static long minStep(List<Long> values) {
        long min = Long.MAX_VALUE;
        for (int i = 1; i < values.size(); i++) {
            min = Math.min(min, values.get(i) - values.get(i - 1));
        }
        return min;
    }
}
