package headwater.store.session;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.session.ActiveSession;
import headwater.domain.session.EgressLedger;
import headwater.domain.session.EndReason;
import headwater.domain.session.LimitPolicy;
import headwater.domain.session.MutableClock;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.SessionEvents;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionSettings;
import headwater.domain.session.SubscriberDirectory;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An end published while a node was away from Redis (pub/sub keeps nothing for it) still reaches that node: the
 * registry's answer to its next activity report names the session, and its {@link SessionService} ends it there.
 * Node B reaches Redis through a {@link TcpRelay} the test cuts; node A ends the session meanwhile, directly.
 */
class MissedEndTest {

    /** Node B's service's clock; the registries read the real one (the session lasts an hour either way). */
    private final MutableClock clock = MutableClock.startingNow();

    @Test
    void anEndPublishedWhileANodeWasAwayReachesItByItsNextReport() throws Exception {
        try (TestRedis redis = TestRedis.start();
             TcpRelay relay = TcpRelay.toTestRedis()) {
            RedisSettings relayed = relay.settingsLike(redis.settings());
            PlaybackSession tv = TcpRelay.hourLongSession(clock.instant());
            try (RedisSessionRegistry nodeA = RedisSessionRegistry.connect(redis.settings(), Clock.systemUTC());
                 RedisSessionRegistry nodeB = RedisSessionRegistry.connect(relayed, Clock.systemUTC())) {
                List<Map.Entry<String, EndReason>> heardByB = new CopyOnWriteArrayList<>();
                nodeB.onEnded((id, reason) -> heardByB.add(Map.entry(id, reason)));
                EgressLedger egressB = new EgressLedger(1_000_000_000L);
                SessionService serviceB = service(nodeB, egressB);
                nodeA.admit(tv, 1, LimitPolicy.REFUSE_NEW, tv.started());
                ActiveSession cachedByB = serviceB.load(tv.id(), "token-of-" + tv.id()).orElseThrow();
                serviceB.tick();
                assertThat(cachedByB.ended()).isFalse();

                relay.cut();
                assertThat(nodeA.end(tv.id(), EndReason.OPERATOR)).isTrue();
                relay.restore();
                awaitReachable(nodeB, tv.id());

                assertThat(heardByB).as("published while node B was away: never heard").isEmpty();
                assertThat(cachedByB.ended()).as("still served from node B's cache").isFalse();
                serviceB.tick();
                assertThat(cachedByB.ended()).as("no news from it, and no recheck due yet").isFalse();
                clock.advance(SessionService.RECHECK_EVERY);
                serviceB.tick();   // re-reports every cached session, news or not

                assertThat(cachedByB.ended()).isTrue();

                assertThat(cachedByB.endReason()).isEqualTo(EndReason.OPERATOR);
                assertThat(egressB.reserved()).isZero();
                serviceB.close();
            }
        }
    }

    private SessionService service(RedisSessionRegistry registry, EgressLedger egress) {
        SubscriberDirectory nobody = new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return Optional.empty();
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.empty();
            }
        };
        return new SessionService(nobody, id -> Optional.empty(), id -> Optional.empty(), registry, egress,
                s -> "token-of-" + s.id(), SessionSettings.defaults("node-b"), new SessionEvents() { }, clock);
    }

    private static void awaitReachable(RedisSessionRegistry registry, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                registry.find(id);
                return;
            } catch (RedisSessionException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the registry did not reconnect within a minute");
    }
}
