package headwater.headend;

/**
 * A viewer of a channel's continuous MPEG-TS stream (see {@link Channel#subscribe}).
 *
 * <p>{@link #onData} is called from the subscription's own (virtual) thread, in stream order, and may block: while it
 * does, the subscription buffers up to a bound and drops the viewer when that overflows.
 */
public interface LiveTsListener {

    /** Stream bytes: whole 188-byte packets, {@code buf[off .. off+len)}, valid only during the call. */
    void onData(byte[] buf, int off, int len) throws Exception;

    /**
     * The stream ended for this viewer: the channel stopped, the viewer was too slow, {@link #onData} threw, or the
     * subscription was closed. Called once, possibly from another thread while {@link #onData} is blocked, so that the
     * listener can abort its write.
     */
    default void onEnd(String reason) {}
}
