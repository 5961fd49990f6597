package headwater.store.session;

import headwater.domain.session.MutableClock;
import headwater.domain.session.SessionRegistry;
import headwater.domain.session.SessionRegistryContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The port's rules (domain's {@link SessionRegistryContract}) on the real Redis: each test gets a key prefix of its
 * own, and its "nodes" are separate registries, each with its own connections, on that prefix.
 */
class RedisSessionRegistryContractTest extends SessionRegistryContract {

    private TestRedis redis;

    @BeforeEach
    void startRedis() {
        redis = TestRedis.start();
    }

    @AfterEach
    void deleteKeys() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected List<SessionRegistry> open(int nodes, MutableClock clock) {
        List<SessionRegistry> registries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            registries.add(RedisSessionRegistry.connect(redis.settings(), clock));
        }
        return registries;
    }
}
