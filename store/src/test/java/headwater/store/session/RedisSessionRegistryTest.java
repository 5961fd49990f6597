package headwater.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.session.Admission;
import headwater.domain.session.EndReason;
import headwater.domain.session.LimitPolicy;
import headwater.domain.session.MutableClock;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionActivity;
import headwater.domain.session.SessionIds;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionState;
import headwater.domain.subscriber.OutputFormat;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two registries ("node a" and "node b") on the real Redis, under a key prefix of the test's own: the atomic admit
 * rules across nodes, ends heard by every node, idle slots, readmission, expiry, reports and purging.
 */
class RedisSessionRegistryTest {

    private static final Duration IDLE_AFTER = Duration.ofSeconds(12);
    private static final Duration LIFETIME = Duration.ofHours(4);

    private TestRedis redis;
    private MutableClock clock;
    private Instant t0;
    private RedisSessionRegistry nodeA;
    private RedisSessionRegistry nodeB;

    @BeforeEach
    void start() {
        redis = TestRedis.start();
        clock = MutableClock.startingNow();   // real time, so that the keys' Redis TTLs lie ahead; to the millisecond
        t0 = clock.instant();
        nodeA = RedisSessionRegistry.connect(redis.settings(), clock);
        nodeB = RedisSessionRegistry.connect(redis.settings(), clock);
    }

    @AfterEach
    void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aSessionComesBackFieldForField() throws Exception {
        PlaybackSession v4 = session("s1", "news", "box-1", t0);
        PlaybackSession v6 = new PlaybackSession(SessionIds.next(), "s1", new PlaybackTarget.Live("sport"), "sport-sd",
                OutputFormat.TS, "box-2", InetAddress.getByName("2001:db8::7"), null, t0.plusNanos(1),
                t0.plus(LIFETIME), 0, Duration.ofMillis(1500), "node-b");

        assertThat(nodeA.admit(v4, 5, LimitPolicy.REFUSE_NEW, t0)).isEqualTo(new Admission.Admitted(v4, List.of()));
        assertThat(nodeB.admit(v6, 5, LimitPolicy.REFUSE_NEW, t0)).isEqualTo(new Admission.Admitted(v6, List.of()));

        assertThat(nodeB.find(v4.id())).contains(new SessionRecord(v4, SessionState.ACTIVE, null, t0, 0));
        assertThat(nodeA.find(v6.id())).contains(new SessionRecord(v6, SessionState.ACTIVE, null, t0, 0));
        assertThat(nodeA.find(SessionIds.next())).isEmpty();
        assertThat(nodeA.find("not-an-id")).isEmpty();
        assertThat(nodeA.list()).extracting(SessionRecord::session).containsExactly(v4, v6);
    }

    @Test
    void archiveFilmAndEpisodeTargetsComeBackFromTheOtherNode() {
        List<PlaybackTarget> targets = List.of(
                new PlaybackTarget.Archive("news.hd", Instant.ofEpochSecond(1_795_000_000L), Duration.ofSeconds(5400)),
                new PlaybackTarget.Archive("n", Instant.EPOCH, Duration.ofSeconds(PlaybackTarget.Archive.MAX_SECONDS)),
                new PlaybackTarget.Movie("film_2024.director-cut"),
                new PlaybackTarget.Episode("s01e02"));
        List<PlaybackSession> sessions = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            PlaybackTarget target = targets.get(i);
            PlaybackSession session = new PlaybackSession(SessionIds.next(), "vod-fan", target, target.id(),
                    i % 2 == 0 ? OutputFormat.TS : OutputFormat.HLS, "device-" + i, null, null, t0.plusMillis(i),
                    t0.plus(LIFETIME), 3_500_000, Duration.ofSeconds(60), "node-a");
            assertThat(nodeA.admit(session, 10, LimitPolicy.REFUSE_NEW, t0))
                    .isEqualTo(new Admission.Admitted(session, List.of()));
            sessions.add(session);
        }

        for (PlaybackSession session : sessions) {
            assertThat(nodeB.find(session.id())).contains(new SessionRecord(session, SessionState.ACTIVE, null, t0,
                    0));
        }
        assertThat(nodeB.listBySubscriber("vod-fan")).extracting(SessionRecord::session)
                .containsExactlyElementsOf(sessions);
        assertThat(nodeB.end(sessions.get(2).id(), EndReason.OPERATOR)).isTrue();
        assertThat(nodeA.find(sessions.get(2).id())).get().extracting(r -> r.session().target())
                .isEqualTo(new PlaybackTarget.Movie("film_2024.director-cut"));
    }

    @ParameterizedTest
    @EnumSource(LimitPolicy.class)
    void twentyAdmissionsRacingOnTwoNodesLeaveAtMostTheLimit(LimitPolicy policy) throws Exception {
        int limit = 3;
        List<PlaybackSession> candidates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            candidates.add(session("racer", "news", "device-" + i, t0.plusMillis(i)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Admission>> admissions = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            RedisSessionRegistry node = i % 2 == 0 ? nodeA : nodeB;
            PlaybackSession candidate = candidates.get(i);
            admissions.add(() -> {
                go.await();
                return node.admit(candidate, limit, policy, t0.plusSeconds(1));
            });
        }
        List<Admission> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            List<Future<Admission>> futures = new ArrayList<>();
            for (Callable<Admission> admission : admissions) {
                futures.add(threads.submit(admission));
            }
            go.countDown();
            for (Future<Admission> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
        }

        List<SessionRecord> active = nodeB.listBySubscriber("racer");
        assertThat(active).hasSize(limit).allMatch(r -> r.state() == SessionState.ACTIVE);
        assertThat(nodeA.listBySubscriber("racer")).isEqualTo(active);
        long admitted = outcomes.stream().filter(Admission.Admitted.class::isInstance).count();
        if (policy == LimitPolicy.REFUSE_NEW) {
            assertThat(admitted).isEqualTo(limit);
            assertThat(outcomes).filteredOn(Admission.LimitReached.class::isInstance)
                    .hasSize(20 - limit).allMatch(o -> o.equals(new Admission.LimitReached(limit)));
        } else {
            assertThat(admitted).isEqualTo(20);
            List<String> evicted = outcomes.stream().flatMap(o -> ((Admission.Admitted) o).ended().stream()).toList();
            assertThat(evicted).hasSize(20 - limit).doesNotHaveDuplicates();
            for (String id : evicted) {
                assertThat(nodeA.find(id).orElseThrow().endReason()).isEqualTo(EndReason.EVICTED);
            }
        }
    }

    @Test
    void endOldestEndsTheSessionsThatStartedFirst() {
        PlaybackSession first = session("s1", "news", "tv", t0);
        PlaybackSession second = session("s1", "news", "phone", t0.plusNanos(1));
        PlaybackSession third = session("s1", "news", "tablet", t0.plusNanos(2));
        nodeA.admit(second, 2, LimitPolicy.END_OLDEST, t0);
        nodeB.admit(first, 2, LimitPolicy.END_OLDEST, t0);

        assertThat(nodeA.admit(third, 2, LimitPolicy.END_OLDEST, t0))
                .isEqualTo(new Admission.Admitted(third, List.of(first.id())));
        assertThat(nodeB.find(first.id()).orElseThrow().endReason()).isEqualTo(EndReason.EVICTED);
        assertThat(nodeB.listBySubscriber("s1")).extracting(r -> r.session().id())
                .containsExactly(second.id(), third.id());
    }

    @Test
    void anEndOnOneNodeReachesTheListenersOfBoth() throws Exception {
        BlockingQueue<Map.Entry<String, EndReason>> heardByA = new LinkedBlockingQueue<>();
        BlockingQueue<Map.Entry<String, EndReason>> heardByB = new LinkedBlockingQueue<>();
        nodeA.onEnded((id, reason) -> heardByA.add(Map.entry(id, reason)));
        nodeB.onEnded((id, reason) -> heardByB.add(Map.entry(id, reason)));
        PlaybackSession watching = session("s1", "news", "tv", t0);
        nodeB.admit(watching, 2, LimitPolicy.REFUSE_NEW, t0);

        assertThat(nodeA.end(watching.id(), EndReason.OPERATOR)).isTrue();
        assertThat(nodeA.end(watching.id(), EndReason.OPERATOR)).isFalse();
        assertThat(nodeA.end(SessionIds.next(), EndReason.OPERATOR)).isFalse();

        assertThat(heardByA.poll()).isEqualTo(Map.entry(watching.id(), EndReason.OPERATOR));   // at once, on the caller
        assertThat(heardByB.poll(10, TimeUnit.SECONDS)).isEqualTo(Map.entry(watching.id(), EndReason.OPERATOR));
        assertThat(nodeB.find(watching.id()).orElseThrow())
                .extracting(SessionRecord::state, SessionRecord::endReason)
                .containsExactly(SessionState.ENDED, EndReason.OPERATOR);
        assertThat(nodeB.list()).isEmpty();

        PlaybackSession zapped = session("s1", "sport", "phone", t0);
        PlaybackSession zappedTo = session("s1", "movies", "phone", t0.plusSeconds(1));
        nodeA.admit(zapped, 2, LimitPolicy.REFUSE_NEW, t0);
        nodeB.admit(zappedTo, 2, LimitPolicy.REFUSE_NEW, t0.plusSeconds(1));   // the end is done by node b's admission
        assertThat(heardByA.poll(10, TimeUnit.SECONDS)).isEqualTo(Map.entry(zapped.id(), EndReason.REPLACED));
        assertThat(heardByB.poll()).isEqualTo(Map.entry(zapped.id(), EndReason.REPLACED));

        Thread.sleep(200);   // no echo of its own ends reaches a node twice
        assertThat(heardByA).isEmpty();
        assertThat(heardByB).isEmpty();
    }

    @Test
    void zappingReusesTheDevicesSlot() {
        PlaybackSession news = session("s1", "news", "tv", t0);
        PlaybackSession sport = session("s1", "sport", "tv", t0.plusSeconds(3));
        PlaybackSession other = session("s1", "movies", "phone", t0.plusSeconds(4));
        nodeA.admit(news, 1, LimitPolicy.REFUSE_NEW, t0);

        assertThat(nodeB.admit(sport, 1, LimitPolicy.REFUSE_NEW, t0.plusSeconds(3)))
                .isEqualTo(new Admission.Admitted(sport, List.of(news.id())));
        assertThat(nodeA.find(news.id()).orElseThrow().endReason()).isEqualTo(EndReason.REPLACED);
        assertThat(nodeA.admit(other, 1, LimitPolicy.REFUSE_NEW, t0.plusSeconds(4)))
                .isEqualTo(new Admission.LimitReached(1));
        assertThat(nodeA.find(sport.id()).orElseThrow().state()).isEqualTo(SessionState.ACTIVE);
    }

    @Test
    void aRefusedAdmissionReplacesNoDevice() {
        PlaybackSession tv = session("s1", "news", "tv", t0);
        PlaybackSession phone = session("s1", "news", "phone", t0);
        PlaybackSession phoneAgain = session("s1", "sport", "phone", t0.plusSeconds(1));
        PlaybackSession tablet = session("s1", "sport", "tablet", t0.plusSeconds(1));
        nodeA.admit(tv, 2, LimitPolicy.REFUSE_NEW, t0);
        nodeA.admit(phone, 2, LimitPolicy.REFUSE_NEW, t0);

        assertThat(nodeB.admit(tablet, 2, LimitPolicy.REFUSE_NEW, t0.plusSeconds(1)))
                .isEqualTo(new Admission.LimitReached(2));
        assertThat(nodeB.admit(phoneAgain, 2, LimitPolicy.REFUSE_NEW, t0.plusSeconds(1)))
                .isEqualTo(new Admission.Admitted(phoneAgain, List.of(phone.id())));
    }

    @Test
    void aSilentSessionFreesItsSlot() {
        PlaybackSession ghost = session("s1", "news", "tv", t0);
        nodeA.admit(ghost, 1, LimitPolicy.REFUSE_NEW, t0);
        PlaybackSession phone = session("s1", "news", "phone", t0.plus(IDLE_AFTER));

        assertThat(nodeB.admit(phone, 1, LimitPolicy.REFUSE_NEW, t0.plus(IDLE_AFTER)))
                .as("silent exactly idleAfter: still holds its slot").isEqualTo(new Admission.LimitReached(1));
        assertThat(nodeB.admit(phone, 1, LimitPolicy.REFUSE_NEW, t0.plus(IDLE_AFTER).plusNanos(1)))
                .isEqualTo(new Admission.Admitted(phone, List.of()));

        clock.advance(IDLE_AFTER.plusNanos(1));
        assertThat(nodeA.find(ghost.id()).orElseThrow().state()).isEqualTo(SessionState.IDLE);
        assertThat(nodeA.list()).extracting(SessionRecord::state).containsExactly(SessionState.IDLE, SessionState.ACTIVE);
    }

    @Test
    void aReportedSessionStaysActive() {
        PlaybackSession watching = session("s1", "news", "tv", t0);
        nodeA.admit(watching, 1, LimitPolicy.REFUSE_NEW, t0);
        nodeA.report(List.of(new SessionActivity(watching.id(), t0.plusSeconds(10), 1000)));

        PlaybackSession phone = session("s1", "news", "phone", t0.plusSeconds(20));
        assertThat(nodeB.admit(phone, 1, LimitPolicy.REFUSE_NEW, t0.plusSeconds(20)))
                .isEqualTo(new Admission.LimitReached(1));
    }

    @Test
    void readmissionTakesASlotAgain() {
        PlaybackSession tv = session("s1", "news", "tv", t0);
        PlaybackSession phone = session("s1", "news", "phone", t0.plusSeconds(30));
        nodeA.admit(tv, 1, LimitPolicy.REFUSE_NEW, t0);
        Instant later = t0.plusSeconds(30);
        nodeB.admit(phone, 1, LimitPolicy.REFUSE_NEW, later);   // tv went idle

        assertThat(nodeA.readmit(tv.id(), 1, LimitPolicy.REFUSE_NEW, later)).isEqualTo(new Admission.LimitReached(1));
        assertThat(nodeA.readmit(phone.id(), 1, LimitPolicy.REFUSE_NEW, later.plusSeconds(1)))
                .as("an active one just gets lastSeen").isEqualTo(new Admission.Admitted(phone, List.of()));
        clock.advance(Duration.ofSeconds(31));
        assertThat(nodeA.find(phone.id()).orElseThrow().lastSeen()).isEqualTo(later.plusSeconds(1));

        assertThat(nodeB.readmit(tv.id(), 1, LimitPolicy.END_OLDEST, later.plusSeconds(2)))
                .isEqualTo(new Admission.Admitted(tv, List.of(phone.id())));
        SessionRecord back = nodeA.find(tv.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(back.lastSeen()).isEqualTo(later.plusSeconds(2));
        assertThat(nodeA.find(phone.id()).orElseThrow().endReason()).isEqualTo(EndReason.EVICTED);

        assertThat(nodeA.readmit(phone.id(), 1, LimitPolicy.END_OLDEST, later.plusSeconds(3)))
                .isEqualTo(new Admission.Gone());
        assertThat(nodeA.readmit(SessionIds.next(), 1, LimitPolicy.END_OLDEST, later)).isEqualTo(new Admission.Gone());
        assertThat(nodeA.readmit("../../etc", 1, LimitPolicy.END_OLDEST, later)).isEqualTo(new Admission.Gone());
    }

    @Test
    void anExpiredSessionIsEndedAndFreesItsSlot() throws Exception {
        BlockingQueue<Map.Entry<String, EndReason>> heardByB = new LinkedBlockingQueue<>();
        nodeB.onEnded((id, reason) -> heardByB.add(Map.entry(id, reason)));
        PlaybackSession tv = session("s1", "news", "tv", t0);
        nodeA.admit(tv, 1, LimitPolicy.REFUSE_NEW, t0);
        nodeA.report(List.of(new SessionActivity(tv.id(), tv.expires(), 10)));

        clock.advance(LIFETIME);
        assertThat(nodeA.find(tv.id()).orElseThrow()).extracting(SessionRecord::state, SessionRecord::endReason)
                .containsExactly(SessionState.ENDED, EndReason.EXPIRED);
        assertThat(nodeA.list()).isEmpty();
        assertThat(nodeA.listBySubscriber("s1")).isEmpty();
        assertThat(nodeB.end(tv.id(), EndReason.OPERATOR)).isFalse();
        assertThat(heardByB.poll()).isEqualTo(Map.entry(tv.id(), EndReason.EXPIRED));
        assertThat(nodeB.readmit(tv.id(), 1, LimitPolicy.REFUSE_NEW, tv.expires())).isEqualTo(new Admission.Gone());

        PlaybackSession phone = session("s1", "news", "phone", tv.expires());
        assertThat(nodeB.admit(phone, 1, LimitPolicy.REFUSE_NEW, tv.expires()))
                .isEqualTo(new Admission.Admitted(phone, List.of()));
    }

    @Test
    void reportsMoveLastSeenForwardAndAddBytes() {
        PlaybackSession tv = session("s1", "news", "tv", t0);
        nodeA.admit(tv, 1, LimitPolicy.REFUSE_NEW, t0);

        nodeA.report(List.of(new SessionActivity(tv.id(), t0.plusSeconds(4), 1_000),
                new SessionActivity(SessionIds.next(), t0.plusSeconds(4), 5)));
        nodeB.report(List.of(new SessionActivity(tv.id(), t0.plusSeconds(2), 2_500)));   // an older sight: bytes only
        nodeB.report(List.of());

        SessionRecord record = nodeB.find(tv.id()).orElseThrow();
        assertThat(record.lastSeen()).isEqualTo(t0.plusSeconds(4));
        assertThat(record.bytes()).isEqualTo(3_500);
        assertThat(redis.keys()).noneMatch(k -> k.contains("s:") && !k.endsWith(tv.id()));
        assertThatThrownBy(() -> nodeA.report(List.of(new SessionActivity(tv.id(), t0, -1))))
                .hasMessageContaining("never negative");
    }

    @Test
    void tenThousandActivitiesInOneReport() {
        List<PlaybackSession> sessions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            PlaybackSession s = session("sub-" + i, "news", "tv", t0);
            nodeA.admit(s, 1, LimitPolicy.REFUSE_NEW, t0);
            sessions.add(s);
        }
        List<SessionActivity> activity = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            activity.add(new SessionActivity(sessions.get(i % 100).id(), t0.plusMillis(i), 1));
        }

        nodeB.report(activity);

        assertThat(nodeA.list()).hasSize(100).allSatisfy(r -> {
            assertThat(r.bytes()).isEqualTo(100);
            assertThat(r.lastSeen()).isAfter(t0.plusMillis(9_899));
        });
    }

    @Test
    void purgeForgetsWhatEndedOrExpiredBefore() {
        PlaybackSession ended = session("s1", "news", "tv", t0);
        PlaybackSession expiring = new PlaybackSession(SessionIds.next(), "s2", new PlaybackTarget.Live("news"), "news",
                OutputFormat.HLS, "tv", null, null, t0, t0.plusSeconds(60), 1, IDLE_AFTER, "node-a");
        PlaybackSession running = session("s3", "news", "tv", t0);
        for (PlaybackSession s : List.of(ended, expiring, running)) {
            nodeA.admit(s, 1, LimitPolicy.REFUSE_NEW, t0);
        }
        clock.advance(Duration.ofSeconds(10));
        nodeB.end(ended.id(), EndReason.OPERATOR);

        assertThat(nodeA.purge(t0.plusSeconds(10))).as("ended at exactly t0+10s: not before").isZero();
        assertThat(nodeA.purge(t0.plusSeconds(11))).isEqualTo(1);
        assertThat(nodeA.find(ended.id())).isEmpty();
        assertThat(nodeA.purge(t0.plusSeconds(61))).isEqualTo(1);
        assertThat(nodeA.find(expiring.id())).isEmpty();
        assertThat(nodeA.find(running.id())).isPresent();
        assertThat(nodeA.list()).extracting(r -> r.session().id()).containsExactly(running.id());
        assertThat(redis.keys()).noneMatch(k -> k.contains(ended.id()) || k.contains(expiring.id()));
    }

    @Test
    void aDuplicateIdIsRefused() {
        PlaybackSession tv = session("s1", "news", "tv", t0);
        nodeA.admit(tv, 1, LimitPolicy.REFUSE_NEW, t0);

        assertThatThrownBy(() -> nodeB.admit(tv, 1, LimitPolicy.REFUSE_NEW, t0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(tv.id());
        assertThatThrownBy(() -> nodeB.admit(tv, 0, LimitPolicy.REFUSE_NEW, t0))
                .hasMessageContaining("maxConnections is 0");
    }

    @Test
    void keysLiveUntilTheSessionsExpiryPlusTheRetentionAtMost() {
        PlaybackSession tv = session("s1", "news", "tv", t0);
        nodeA.admit(tv, 1, LimitPolicy.REFUSE_NEW, t0);
        String prefix = redis.settings().prefix();
        long retention = redis.settings().retention().toMillis();
        long untilExpiry = Duration.between(Instant.now(), tv.expires()).toMillis();

        assertThat(redis.pttl(prefix + "s:" + tv.id())).isBetween(0L, untilExpiry + retention);
        assertThat(redis.pttl(prefix + "sub:s1")).isBetween(0L, untilExpiry + retention);
        assertThat(redis.pttl(prefix + "all")).isEqualTo(-1);

        nodeA.end(tv.id(), EndReason.OPERATOR);
        assertThat(redis.pttl(prefix + "s:" + tv.id())).isBetween(0L, retention);
        assertThat(redis.keys()).containsExactlyInAnyOrder(prefix + "s:" + tv.id(), prefix + "ended", prefix + "exp");
    }

    private static PlaybackSession session(String subscriber, String channel, String device, Instant started) {
        try {
            return new PlaybackSession(SessionIds.next(), subscriber, new PlaybackTarget.Live(channel), channel,
                    OutputFormat.HLS, device, InetAddress.getByName("192.0.2.10"), "VLC/3.0.20 LibVLC/3.0.20",
                    started, started.plus(LIFETIME), 6_000_000, IDLE_AFTER, "node-a");
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
