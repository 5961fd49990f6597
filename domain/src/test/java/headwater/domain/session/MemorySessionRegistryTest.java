package headwater.domain.session;

import java.util.Collections;
import java.util.List;

/** The registry contract on the in-memory registry; its two "nodes" are one instance. */
class MemorySessionRegistryTest extends SessionRegistryContract {

    @Override
    protected List<SessionRegistry> open(int nodes, MutableClock clock) {
        return Collections.nCopies(nodes, new MemorySessionRegistry(clock));
    }
}
