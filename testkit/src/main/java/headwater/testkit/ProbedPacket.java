package headwater.testkit;

/**
 * One packet as ffprobe's {@code -show_packets} reports it.
 *
 * @param streamIndex ffprobe's stream index
 * @param pts presentation timestamp in the stream's time base (90 kHz for MPEG-TS), or {@link #NO_TIMESTAMP}
 * @param dts decoding timestamp, or {@link #NO_TIMESTAMP}
 * @param keyframe ffprobe's flag {@code K}
 * @param sizeBytes payload size
 */
public record ProbedPacket(int streamIndex, long pts, long dts, boolean keyframe, int sizeBytes) {

    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
}
