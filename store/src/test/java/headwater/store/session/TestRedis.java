package headwater.store.session;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis on 127.0.0.1:6379 for one test: a random key prefix of its own, whose keys {@link #close()} deletes.
 * When Redis cannot be reached the test is skipped with the reason, or fails under {@code CI=true}, where Redis is
 * required.
 */
final class TestRedis implements AutoCloseable {

    /** Overridable with {@code -Dheadwater.test.redis=host:port} (e.g. to see the skip with a closed port). */
    static final String HOST = System.getProperty("headwater.test.redis", "127.0.0.1:6379");

    private final RedisSettings settings;

    private TestRedis(RedisSettings settings) {
        this.settings = settings;
    }

    static TestRedis start() {
        requireReachable();
        String prefix = "hwtest:" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        return new TestRedis(RedisSettings.of("redis://" + HOST + "/0").withPrefix(prefix)
                .withCommandTimeout(Duration.ofSeconds(10)));
    }

    RedisSettings settings() {
        return settings;
    }

    /** The keys under this test's prefix. */
    List<String> keys() {
        RedisClient client = RedisClient.create(settings.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(settings.prefix() + "*").limit(500))
                    .forEachRemaining(keys::add);
            return keys;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** The key's time to live in milliseconds: -1 without one, -2 when it does not exist. */
    long pttl(String key) {
        RedisClient client = RedisClient.create(settings.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pttl(key);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        List<String> keys = keys();
        if (keys.isEmpty()) {
            return;
        }
        RedisClient client = RedisClient.create(settings.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().del(keys.toArray(String[]::new));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void requireReachable() {
        int colon = HOST.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST.substring(0, colon), Integer.parseInt(HOST.substring(colon + 1))),
                    2000);
        } catch (IOException e) {
            String unreachable = "Redis at " + HOST + " is unreachable: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(unreachable + "; CI=true requires it");
            }
            Assumptions.abort(unreachable + "; skipping the Redis session registry test (under CI=true this fails)");
        }
    }
}
