package headwater.store.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LuaScriptTest {

    @Test
    void aScriptRedisDoesNotKnowIsLoadedAndRun() {
        try (TestRedis redis = TestRedis.start()) {
            // A source no Redis has seen, so the first EVALSHA gets NOSCRIPT (without flushing a shared server's scripts).
            LuaScript script = LuaScript.of("probe", "-- " + redis.settings().prefix() + "\nreturn ARGV[1]");
            RedisClient client = RedisClient.create(redis.settings().url());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                String first = script.run(connection.sync(), ScriptOutputType.VALUE, "hello");
                String second = script.run(connection.sync(), ScriptOutputType.VALUE, "again");

                assertThat(first).isEqualTo("hello");
                assertThat(second).isEqualTo("again");
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void theRegistrysScriptsAreCommonFollowedByTheirOwn() {
        for (String name : new String[] {"admit", "readmit", "end", "report", "list", "purge"}) {
            assertThat(LuaScript.named(name).name()).isEqualTo(name);
        }
    }
}
