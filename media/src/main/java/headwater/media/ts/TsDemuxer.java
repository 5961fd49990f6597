package headwater.media.ts;

/** Splits a transport stream fed in chunks of any size into the events of {@link DemuxListener}. */
public final class TsDemuxer {
    // CONTRACT ONLY: the media implementation replaces this class body.
    public TsDemuxer(DemuxListener listener, DemuxOptions options) {}

    /** Feeds bytes; packets may straddle calls; garbage is skipped and counted, the demuxer resyncs on 0x47. */
    public void feed(byte[] buf, int off, int len) { throw new UnsupportedOperationException("not implemented yet"); }

    /** Forgets PSI, partial packets and partial PES state, as after a source switch. Counters are kept. */
    public void reset() { throw new UnsupportedOperationException("not implemented yet"); }

    public DemuxStats stats() { throw new UnsupportedOperationException("not implemented yet"); }
}
