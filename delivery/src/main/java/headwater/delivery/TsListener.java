package headwater.delivery;

import java.nio.ByteBuffer;

/** Receives a {@link TsFeed}'s packets. See the feed's contract for threading, ordering and backpressure. */
public interface TsListener {

    /**
     * Transport stream packets, in stream order.
     *
     * @param packets a whole number of 188-byte packets between position and limit; never modified afterwards by
     *                the feed, so it may be retained without copying. Must return at once and never block.
     */
    void onPackets(ByteBuffer packets);

    /**
     * The stream ended (channel stopped or removed). No more calls follow.
     *
     * @param reason for the log, e.g. "channel news-hd stopped"
     */
    void onEnd(String reason);
}
