package headwater.media.ts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** Records what a demuxer reports, for assertions: every event as a line, plus per-PID tallies. */
final class RecordingListener implements DemuxListener {
    final List<String> events = new ArrayList<>();
    final List<ProgramMapTable> programMaps = new ArrayList<>();
    final Map<Integer, StreamFormat> formats = new HashMap<>();
    final List<String> formatEvents = new ArrayList<>();
    final Map<Integer, Integer> packetsByPid = new HashMap<>();
    final Map<Integer, List<long[]>> unitsByPid = new HashMap<>();
    /** Packets of a PES-start not preceded by their onUnitStart: must stay 0. */
    int orderViolations;
    private int expectUnitStartPid = -1;
    final CRC32 packetBytes = new CRC32();
    DemuxStats stats;
    private final boolean logPackets;

    RecordingListener() {
        this(true);
    }

    RecordingListener(boolean logPackets) {
        this.logPackets = logPackets;
    }

    @Override
    public void onProgramMap(ProgramMapTable pmt) {
        programMaps.add(pmt);
        events.add("pmt " + pmt);
    }

    @Override
    public void onStreamFormat(ElementaryStream stream, StreamFormat format) {
        formats.put(stream.pid(), format);
        formatEvents.add(stream.pid() + " " + format);
        events.add("format " + stream.pid() + " " + format);
    }

    @Override
    public void onUnitStart(ElementaryStream stream, long pts, long dts, boolean keyframe) {
        unitsByPid.computeIfAbsent(stream.pid(), k -> new ArrayList<>()).add(new long[] {pts, dts, keyframe ? 1 : 0});
        events.add("unit " + stream.pid() + " " + pts + " " + dts + " " + keyframe);
        expectUnitStartPid = stream.pid();
    }

    @Override
    public void onPacket(byte[] buf, int off, int pid) {
        boolean pusi = TsPacket.payloadUnitStart(buf, off);
        if (pusi && pid != 0 && programMaps.stream().noneMatch(p -> p.pid() == pid)
                && !programMaps.isEmpty() && isPes(pid)) {
            if (expectUnitStartPid != pid) {
                orderViolations++;
            }
        }
        expectUnitStartPid = -1;
        packetsByPid.merge(pid, 1, Integer::sum);
        packetBytes.update(buf, off, TsPacket.SIZE);
        if (logPackets) {
            events.add("packet " + pid + " " + Integer.toHexString(java.util.Arrays.hashCode(
                    java.util.Arrays.copyOfRange(buf, off, off + TsPacket.SIZE))));
        }
    }

    private boolean isPes(int pid) {
        ProgramMapTable last = programMaps.getLast();
        return last.streams().stream().anyMatch(s -> s.pid() == pid && s.codec() != Codec.SCTE35);
    }

    List<long[]> units(int pid) {
        return unitsByPid.getOrDefault(pid, List.of());
    }

    long keyframes(int pid) {
        return units(pid).stream().filter(u -> u[2] == 1).count();
    }

    int packets(int pid) {
        return packetsByPid.getOrDefault(pid, 0);
    }
}
