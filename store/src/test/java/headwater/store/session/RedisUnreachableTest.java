package headwater.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import headwater.domain.session.EndReason;
import headwater.domain.session.LimitPolicy;
import headwater.domain.session.PlaybackSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a node does when its Redis is absent, silent, or goes away and comes back. */
class RedisUnreachableTest {

    @Test
    void connectingToAClosedPortFailsNamingTheRedis() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        RedisSettings settings = RedisSettings.of("redis://:secret@127.0.0.1:" + closed + "/0")
                .withCommandTimeout(Duration.ofMillis(500));

        assertThatThrownBy(() -> RedisSessionRegistry.connect(settings, Clock.systemUTC()))
                .isInstanceOf(RedisSessionException.class)
                .hasMessageContaining("Redis redis://***@127.0.0.1:" + closed + "/0 is unreachable")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheTimeoutInsteadOfHanging() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RedisSettings settings = RedisSettings.of("redis://127.0.0.1:" + silent.getLocalPort())
                    .withCommandTimeout(Duration.ofMillis(300));

            assertThatThrownBy(() -> RedisSessionRegistry.connect(settings, Clock.systemUTC()))
                    .isInstanceOf(RedisSessionException.class)
                    .hasMessageContaining("is unreachable");
        }
    }

    @Test
    void losingRedisFailsCommandsAtOnceAndLogsAWarningThenItComesBack() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(RedisSessionRegistry.class);
        logger.addAppender(log);
        logger.setLevel(Level.INFO);
        log.start();
        try (TestRedis redis = TestRedis.start();
             TcpRelay relay = TcpRelay.toTestRedis()) {
            RedisSettings relayed = relay.settingsLike(redis.settings());
            PlaybackSession tv = TcpRelay.hourLongSession(Instant.now());
            try (RedisSessionRegistry behindRelay = RedisSessionRegistry.connect(relayed, Clock.systemUTC());
                 RedisSessionRegistry direct = RedisSessionRegistry.connect(redis.settings(), Clock.systemUTC())) {
                BlockingQueue<Map.Entry<String, EndReason>> heard = new LinkedBlockingQueue<>();
                behindRelay.onEnded((id, reason) -> heard.add(Map.entry(id, reason)));
                behindRelay.admit(tv, 1, LimitPolicy.REFUSE_NEW, tv.started());

                relay.cut();
                awaitLog(log, Level.WARN, "is unreachable");
                assertThatThrownBy(() -> behindRelay.find(tv.id()))
                        .isInstanceOf(RedisSessionException.class)
                        .hasMessageContaining("Redis redis://127.0.0.1:" + relay.port() + "/0: find of session " + tv.id());

                relay.restore();
                awaitReachable(behindRelay, tv.id());
                awaitLog(log, Level.INFO, "reachable again");
                assertThat(direct.end(tv.id(), EndReason.OPERATOR)).isTrue();
                assertThat(heard.poll(30, TimeUnit.SECONDS)).as("pub/sub subscribed again after the reconnect")
                        .isEqualTo(Map.entry(tv.id(), EndReason.OPERATOR));
            }
        } finally {
            logger.detachAppender(log);
            logger.setLevel(null);
        }
    }

    private static void awaitLog(ListAppender<ILoggingEvent> log, Level level, String text)
            throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (log.list.stream().anyMatch(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + level + " log containing '" + text + "' in " + log.list);
    }

    private static void awaitReachable(RedisSessionRegistry registry, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                assertThat(registry.find(id)).isPresent();
                return;
            } catch (RedisSessionException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the registry did not reconnect within a minute");
    }
}
