package headwater.media.ts;

/**
 * What {@link TsDemuxer} reports, in stream order, from the thread that feeds it.
 *
 * <p>Order guarantee: for a packet that starts a PES, {@link #onUnitStart} is called first, then {@link #onPacket}
 * for that packet. {@link #onProgramMap} is called before any packet of a new or changed program is passed on.
 */
public interface DemuxListener {

    /** The program map was read for the first time, or its version or stream list changed. */
    default void onProgramMap(ProgramMapTable pmt) {}

    /** The bitstream format of a stream became known, or changed (new SPS, new sample rate). */
    default void onStreamFormat(ElementaryStream stream, StreamFormat format) {}

    /**
     * A PES packet starts on {@code stream}.
     *
     * @param pts presentation time stamp, 33-bit at 90 kHz, or -1 when the header carries none
     * @param dts decoding time stamp, equal to {@code pts} when the header carries no DTS, -1 when neither
     * @param keyframe for video, whether this access unit is a random access point a decoder can start at
     *     (H.264 IDR, H.265 IRAP, MPEG-2 I-frame after a sequence header); always true for audio
     */
    default void onUnitStart(ElementaryStream stream, long pts, long dts, boolean keyframe) {}

    /**
     * One packet of the selected program: its PAT and PMT sections and the elementary streams kept by the options.
     * {@code buf[off .. off+188)} is valid only during the call.
     */
    void onPacket(byte[] buf, int off, int pid);
}
