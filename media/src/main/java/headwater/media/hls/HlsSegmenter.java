package headwater.media.hls;

import headwater.media.ts.DemuxListener;

/**
 * Cuts the demuxed program into HLS segments without re-encoding: each segment begins with a PAT and a PMT written by
 * us and a keyframe, and lasts at least the target duration (measured on timestamps).
 */
public final class HlsSegmenter implements DemuxListener {
    // CONTRACT ONLY: the media implementation replaces this class body.
    public HlsSegmenter(SegmentSink sink, SegmenterOptions options, java.time.InstantSource clock) {}

    @Override
    public void onPacket(byte[] buf, int off, int pid) { throw new UnsupportedOperationException("not implemented yet"); }

    /** Ends the current segment (flushing partial PES) and marks the next one as a discontinuity: a source switch. */
    public void discontinuity() { throw new UnsupportedOperationException("not implemented yet"); }

    /** Ends the current segment, as when the channel stops. */
    public void flush() { throw new UnsupportedOperationException("not implemented yet"); }
}
