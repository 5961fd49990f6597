package headwater.delivery;

/**
 * A channel's continuous MPEG-TS stream, fanned out to any number of viewers.
 *
 * <h2>Contract for implementations</h2>
 * <ul>
 *   <li><b>Keyframe start.</b> The first bytes a new listener receives are a PAT, a PMT and then the packet that
 *       starts a random access point (an IDR/IRAP access unit), so a decoder can start at once. The feed holds a new
 *       listener back until the next keyframe (or replays from the last one it keeps).</li>
 *   <li><b>Whole packets.</b> Every {@link TsListener#onPackets} call carries a whole number of 188-byte packets.</li>
 *   <li><b>Order and threads.</b> Calls to one listener are made one at a time, in stream order, from the feed's own
 *       thread(s), never concurrently. They may happen before {@link #subscribe} has returned.</li>
 *   <li><b>Never wait for a listener.</b> A live channel cannot slow down for one viewer. A listener returns at once;
 *       one that falls behind applies its own bounded backpressure and, past its bound, cancels its subscription
 *       (the viewer is dropped). The feed must survive a listener that throws: log, cancel that subscription, go on.</li>
 *   <li><b>Immutable chunks.</b> The bytes passed to a listener are never written again by the feed, so the listener
 *       may keep them without copying (zero-copy fan-out to many viewers). Give every listener its own view of the
 *       shared bytes ({@code ByteBuffer.asReadOnlyBuffer()} or {@code duplicate()}) so positions stay independent.</li>
 * </ul>
 */
@FunctionalInterface
public interface TsFeed {

    /**
     * Starts delivering the stream to {@code listener} from the next keyframe.
     *
     * @return the handle that stops delivery; calling it more than once is harmless
     */
    TsSubscription subscribe(TsListener listener);
}
