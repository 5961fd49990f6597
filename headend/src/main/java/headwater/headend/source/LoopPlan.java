package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;

/**
 * What looping a TS file seamlessly needs, measured in one pass over the file: how long one loop lasts and how far
 * each PID's continuity counter advances per loop.
 *
 * <p>The loop duration is the span of presentation timestamps over all PIDs: from the earliest PTS to the latest PTS
 * plus that PID's mean frame interval (so the first frame of the next loop comes one frame after the last one, for
 * every PID); a file without PTS uses its PCR span plus the mean PCR interval. Adding {@code k × duration} to every
 * PCR/PTS/DTS of loop {@code k} keeps the clocks increasing with no jump at the loop point.
 *
 * @param duration90k one loop, in 90 kHz ticks (&gt; 0)
 * @param ccStep per PID, how much its continuity counter advances over one loop (0..15)
 * @param pcrPid the PID whose PCR paces the file, or -1 when there is none
 * @param ptsPid when there is no PCR, the first PID with a PTS, whose DTS (or PTS) paces the file; else -1
 * @param packets how many packets one loop has
 * @param pcrSpan the last PCR minus the first (27 MHz ticks, unwrapped), 0 without PCR
 */
record LoopPlan(long duration90k, byte[] ccStep, int pcrPid, int ptsPid, long packets, long pcrSpan) {

    static LoopPlan scan(TsFileReader reader, String source) throws IOException {
        byte[] p = new byte[TsPacket.SIZE];
        byte[] firstCc = new byte[8192];
        byte[] lastCc = new byte[8192];
        boolean[] seen = new boolean[8192];
        // per PID PES timestamps, unwrapped against the file's first PTS so that PIDs compare
        long[] minPts = new long[8192];
        long[] maxPts = new long[8192];
        int[] ptsCount = new int[8192];
        long ptsReference = -1;
        int pcrPid = -1;
        int ptsPid = -1;
        long firstPcr = -1;
        long lastPcr = -1;
        long pcrCount = 0;
        long packets = 0;
        while (reader.next(p)) {
            packets++;
            int pid = TsPacket.pid(p, 0);
            if (pid == TsPacket.NULL_PID) {
                continue;
            }
            if (TsPacket.hasPayload(p, 0)) {
                byte cc = (byte) TsPacket.continuityCounter(p, 0);
                if (!seen[pid]) {
                    seen[pid] = true;
                    firstCc[pid] = cc;
                }
                lastCc[pid] = cc;
            }
            long pcr = TsPacket.pcr(p, 0);
            if (pcr >= 0 && (pcrPid < 0 || pcrPid == pid)) {
                pcrPid = pid;
                lastPcr = firstPcr < 0 ? pcr : TsTimestamps.unwrap(pcr, lastPcr, TsTimestamps.PCR_MODULUS);
                if (firstPcr < 0) {
                    firstPcr = pcr;
                }
                pcrCount++;
            }
            int pes = TsTimestamps.pesHeader(p, 0);
            int at = pes < 0 ? -1 : TsTimestamps.ptsOffset(p, 0, pes);
            if (at >= 0) {
                long pts = TsTimestamps.readTimestamp(p, at);
                if (ptsReference < 0) {
                    ptsReference = pts;
                }
                pts = TsTimestamps.unwrap(pts, ptsReference, TsTimestamps.PTS_MODULUS);
                if (ptsCount[pid] == 0) {
                    minPts[pid] = maxPts[pid] = pts;
                    if (ptsPid < 0) {
                        ptsPid = pid;
                    }
                } else {
                    minPts[pid] = Math.min(minPts[pid], pts);
                    maxPts[pid] = Math.max(maxPts[pid], pts);
                }
                ptsCount[pid]++;
            }
        }
        byte[] ccStep = new byte[8192];
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int pid = 0; pid < 8192; pid++) {
            if (seen[pid]) {
                ccStep[pid] = (byte) ((lastCc[pid] + 1 - firstCc[pid]) & 0x0F);
            }
            if (ptsCount[pid] > 0) {
                long interval = ptsCount[pid] > 1 ? (maxPts[pid] - minPts[pid]) / (ptsCount[pid] - 1) : 0;
                start = Math.min(start, minPts[pid]);
                end = Math.max(end, maxPts[pid] + interval);
            }
        }
        long duration;
        if (end > start) {
            duration = end - start;
        } else if (pcrCount > 1) {
            long span = lastPcr - firstPcr;
            duration = (span + span / (pcrCount - 1)) / 300;
        } else {
            duration = 0;
        }
        if (packets == 0) {
            throw new IOException(source + " holds no MPEG-TS packet");
        }
        if (duration <= 0 || (pcrPid < 0 && ptsPid < 0)) {
            throw new IOException(source + " has no PCR and no PTS to pace it by (" + packets + " packets)");
        }
        return new LoopPlan(duration, ccStep, pcrPid, pcrPid >= 0 ? -1 : ptsPid, packets,
                pcrCount > 0 ? lastPcr - firstPcr : 0);
    }
}
