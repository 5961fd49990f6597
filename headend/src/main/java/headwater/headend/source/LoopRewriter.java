package headwater.headend.source;

import headwater.media.ts.TsPacket;

/**
 * Moves a packet of a looped file into loop {@code k} of the endless stream, in place: {@code k × duration} added to
 * its PCR, PTS and DTS (modulo their ranges) and {@code k × step(PID)} to its continuity counter, per the
 * {@link LoopPlan}. Null packets are left alone. Any 188 bytes are accepted: what is not there is not rewritten.
 */
final class LoopRewriter {
    private final LoopPlan plan;

    LoopRewriter(LoopPlan plan) {
        this.plan = plan;
    }

    void shift(byte[] p, int off, long k) {
        int pid = TsPacket.pid(p, off);
        if (k == 0 || pid == TsPacket.NULL_PID) {
            return;
        }
        int step = plan.ccStep()[pid];
        if (step != 0) {
            TsPacket.setContinuityCounter(p, off, (int) ((TsPacket.continuityCounter(p, off) + k * step) & 0x0F));
        }
        long offset = k * plan.duration90k();
        long pcr = TsPacket.pcr(p, off);
        if (pcr >= 0) {
            TsTimestamps.writePcr(p, off, pcr + offset * 300);
        }
        int pes = TsTimestamps.pesHeader(p, off);
        if (pes >= 0) {
            int pts = TsTimestamps.ptsOffset(p, off, pes);
            if (pts >= 0) {
                TsTimestamps.writeTimestamp(p, pts, TsTimestamps.readTimestamp(p, pts) + offset);
            }
            int dts = TsTimestamps.dtsOffset(p, off, pes);
            if (dts >= 0) {
                TsTimestamps.writeTimestamp(p, dts, TsTimestamps.readTimestamp(p, dts) + offset);
            }
        }
    }
}
