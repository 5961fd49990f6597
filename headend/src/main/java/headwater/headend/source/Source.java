package headwater.headend.source;

import java.io.IOException;
import java.net.URI;

/**
 * A live input that delivers MPEG transport stream bytes to a channel, pulled by the channel's (virtual) thread.
 *
 * <p>Life cycle: {@link SourceFactory#create} parses and checks the URI (no I/O), {@link #open()} connects, binds or
 * spawns, {@link #read} is called in a loop by ONE thread, and {@link #close()} releases everything. A source is used
 * once: after {@code close()} the runtime creates a new one to retry.
 *
 * <p>Threading: {@code read} is called by one thread at a time; {@code close} and {@link #bytesRead()} may be called
 * from any thread. {@code close} unblocks a {@code read} (or an {@code open}) in progress on another thread, which then
 * returns -1.
 *
 * <p>Failures: a source never retries and never spins. Every failure (refused connection, HTTP status, timeout,
 * process exit) is surfaced as an {@link IOException} whose message names the source (credentials masked) and the
 * channel; the runtime does the failover and the back-off. Corrupt input (a datagram that is not TS, a garbage byte)
 * is counted and skipped, never thrown: the runtime's demuxer resynchronises on whatever bytes it gets.
 */
public interface Source extends AutoCloseable {

    /** The URI the source was made from. Use {@link #toString()} (or {@link MaskedUri}) in logs: it masks secrets. */
    URI uri();

    /**
     * Connects, binds, joins or spawns. Throws with a precise message when that is impossible; returns quickly for
     * sources that connect lazily. Must be called once, before {@link #read}.
     */
    void open() throws IOException;

    /**
     * Blocks until at least one byte is available and copies up to {@code len} bytes into {@code buf}.
     *
     * <p>Bytes are MPEG-TS but not necessarily aligned on packet boundaries (HTTP, ffmpeg) — the caller's demuxer
     * resynchronises. Sources that know packet boundaries (udp, file, hls) return whole packets when {@code len}
     * allows it.
     *
     * @return the number of bytes copied (&gt; 0 when {@code len > 0}), or -1 when the input ended or the source was
     *     closed. A live source that ends is a failed source for the runtime.
     * @throws IOException when the input failed or stayed silent longer than {@link SourceContext#readTimeout()}
     *     (where the source can tell; the runtime's no-data health check covers the rest by calling {@link #close()}).
     */
    int read(byte[] buf, int off, int len) throws IOException;

    /** Bytes delivered by {@link #read} so far, for the input bitrate metric. Safe to call from any thread. */
    long bytesRead();

    /** Releases the socket, connection, file or process. Idempotent, callable from any thread, never throws. */
    @Override
    void close();
}
