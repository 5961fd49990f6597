package headwater.headend;

import headwater.media.hls.MediaSegment;
import headwater.media.hls.SegmentSink;

/**
 * Joins the segmenter's packet-by-packet writes into runs: packets that lie back to back in the channel's read buffer
 * reach the {@link SegmentWindow} as one write instead of one locked 188-byte copy each (at 5 Mbit/s some 3,700
 * packets a second per channel, most of them consecutive in the buffer).
 *
 * <p>Only writes from that read buffer are held, and only until {@link #flush}, which the channel calls after each
 * read is demuxed, before the buffer is read into again; a write from any other array (PAT and PMT made by the
 * segmenter, packets the demuxer held back for a keyframe decision) ends the run and goes through at once, since such
 * an array may change before the next call. Begin and end of a segment flush first, so the order of bytes is kept.
 * Channel thread only.
 */
final class PacketRuns implements SegmentSink {

    private final SegmentSink target;
    private final byte[] readBuffer;
    private int runStart;
    private int runLength;

    PacketRuns(SegmentSink target, byte[] readBuffer) {
        this.target = target;
        this.readBuffer = readBuffer;
    }

    @Override
    public void beginSegment(long sequence, boolean discontinuity) {
        flush();
        target.beginSegment(sequence, discontinuity);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        if (buf == readBuffer) {
            if (runLength > 0 && off == runStart + runLength) {
                runLength += len;
                return;
            }
            flush();
            runStart = off;
            runLength = len;
            return;
        }
        flush();
        target.write(buf, off, len);
    }

    @Override
    public void endSegment(MediaSegment segment) {
        flush();
        target.endSegment(segment);
    }

    /** Writes the run held so far; before the read buffer is filled again. */
    void flush() {
        if (runLength > 0) {
            int length = runLength;
            runLength = 0;
            target.write(readBuffer, runStart, length);
        }
    }
}
