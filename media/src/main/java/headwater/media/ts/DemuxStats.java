package headwater.media.ts;

/**
 * What the demuxer counted: corrupt input is counted here and survived, never thrown.
 * Written by the feeding thread; safe to read from another thread (values may lag by one feed call).
 */
public final class DemuxStats {
    // CONTRACT ONLY: the media implementation replaces this class body.
    public long packets() { throw new UnsupportedOperationException("not implemented yet"); }
    public long bytesSkipped() { throw new UnsupportedOperationException("not implemented yet"); }
    public long syncLosses() { throw new UnsupportedOperationException("not implemented yet"); }
    public long continuityErrors() { throw new UnsupportedOperationException("not implemented yet"); }
    public long continuityErrors(int pid) { throw new UnsupportedOperationException("not implemented yet"); }
    public long transportErrors() { throw new UnsupportedOperationException("not implemented yet"); }
    public long pesErrors() { throw new UnsupportedOperationException("not implemented yet"); }
    public long psiErrors() { throw new UnsupportedOperationException("not implemented yet"); }
}
