package headwater.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link DeliveryStats}, shared by every event loop of one server. */
final class Counters {

    final LongAdder requests = new LongAdder();
    final AtomicLong streamViewers = new AtomicLong();
    final LongAdder droppedViewers = new LongAdder();
    final AtomicLong connections = new AtomicLong();
    final LongAdder malformedTokens = new LongAdder();

    DeliveryStats snapshot() {
        return new DeliveryStats(requests.sum(), streamViewers.get(), droppedViewers.sum(), connections.get(),
                malformedTokens.sum());
    }
}
