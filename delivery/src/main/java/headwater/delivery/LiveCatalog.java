package headwater.delivery;

import java.util.Optional;

/**
 * The live channels the delivery server can serve, looked up by channel id.
 *
 * <p>Called on a Vert.x event loop for every media request, so implementations must be cheap and non-blocking: an
 * in-memory map lookup, never disk or network I/O, never a lock that a slow thread can hold. The channel id the server
 * passes has already been checked against {@link MediaPath#isChannelId(CharSequence)}; a channel the headend runs
 * under an id that fails that check can never be reached over HTTP.
 */
@FunctionalInterface
public interface LiveCatalog {

    /**
     * The live output of a channel.
     *
     * @param channelId a channel id such as {@code news-hd}, already validated as a slug
     * @return the channel's output, or empty when no such channel is configured
     */
    Optional<LiveOutput> channel(String channelId);
}
