package headwater.media.hls;

/**
 * Where {@link HlsSegmenter} puts the segments it cuts: begin, bytes, end, always in that order and from one thread.
 * The same bytes, concatenated across segments, are a continuous MPEG-TS stream that starts on a keyframe.
 */
public interface SegmentSink {

    /** A segment starts; every following {@link #write} belongs to it until {@link #endSegment}. */
    void beginSegment(long sequence, boolean discontinuity);

    /** Whole 188-byte packets of the current segment; {@code buf} is valid only during the call. */
    void write(byte[] buf, int off, int len);

    /** The current segment is complete and described by {@code segment}. */
    void endSegment(MediaSegment segment);
}
