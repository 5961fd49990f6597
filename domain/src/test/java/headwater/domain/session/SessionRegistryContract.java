package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.subscriber.OutputFormat;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link SessionRegistry} must do, as tests. An implementation's test extends this class and says how to
 * open registries; store's {@code RedisSessionRegistry} test does, through domain's test-jar.
 *
 * <p>Time is {@link #clock}, moved by hand: {@code now} arguments and the registry's own reads (expiry and idleness
 * in {@code find} and {@code list}) both follow it. Listeners may be called on another thread: the tests wait for
 * them (up to {@link #LISTENER_WAIT}), never for anything else.
 */
public abstract class SessionRegistryContract {

    protected static final Duration IDLE_AFTER = Duration.ofSeconds(8);
    protected static final Duration LIFETIME = Duration.ofHours(1);
    protected static final Duration LISTENER_WAIT = Duration.ofSeconds(10);
    protected static final int RACERS = 20;
    protected static final InetAddress ADDRESS = literal("2001:db8::7");
    /** Races are run this many times (for a new subscriber each), to give a lost update more chances to show. */
    protected static final int ROUNDS = 10;

    protected final MutableClock clock = MutableClock.startingNow();
    private final List<SessionRegistry> opened = new ArrayList<>();

    /**
     * Opens {@code nodes} (1 or 2) registries that share one fresh, empty backing state, as the nodes of one cluster
     * would; they read the time from {@code clock}. For an in-memory registry both "nodes" may be the same instance.
     */
    protected abstract List<SessionRegistry> open(int nodes, MutableClock clock);

    @AfterEach
    void closeRegistries() {
        for (SessionRegistry registry : opened) {
            registry.close();
        }
    }

    protected SessionRegistry one() {
        return nodes(1).get(0);
    }

    protected List<SessionRegistry> nodes(int count) {
        List<SessionRegistry> registries = open(count, clock);
        assertThat(registries).hasSize(count);
        opened.addAll(registries);
        return registries;
    }

    /** A session of {@code subscriber} on {@code device}, starting now and lasting {@link #LIFETIME}. */
    protected PlaybackSession session(String subscriber, String device) {
        return session(subscriber, device, "news");
    }

    protected PlaybackSession session(String subscriber, String device, String channel) {
        Instant now = clock.instant();
        return new PlaybackSession(SessionIds.next(), subscriber, new PlaybackTarget.Live(channel), channel,
                OutputFormat.HLS, device, ADDRESS, "contract/1.0", now, now.plus(LIFETIME), 4_000_000, IDLE_AFTER,
                "node-a");
    }

    /** An address from its literal text (no lookup happens for a literal). */
    protected static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static SessionState stateOf(SessionRegistry registry, String id) {
        return registry.find(id).orElseThrow().state();
    }

    private static List<String> ids(List<SessionRecord> records) {
        return records.stream().map(r -> r.session().id()).toList();
    }

    /** Admits {@code session} and says it was admitted, ending nothing. */
    private PlaybackSession admitted(SessionRegistry registry, PlaybackSession session, int max) {
        assertThat(registry.admit(session, max, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.Admitted(session, List.of()));
        return session;
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LISTENER_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + LISTENER_WAIT + " for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void admits_and_finds_a_session() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);

        SessionRecord record = registry.find(session.id()).orElseThrow();

        assertThat(record).isEqualTo(new SessionRecord(session, SessionState.ACTIVE, null, clock.instant(), 0));
        assertThat(registry.find(SessionIds.next())).isEmpty();
        assertThat(ids(registry.list())).containsExactly(session.id());
        assertThat(ids(registry.listBySubscriber("s1"))).containsExactly(session.id());
        assertThat(registry.listBySubscriber("s2")).isEmpty();
    }

    @Test
    void keeps_every_fact_of_a_session() {
        SessionRegistry registry = one();
        Instant now = clock.instant();
        PlaybackSession bare = new PlaybackSession(SessionIds.next(), "s1", new PlaybackTarget.Live("news"), "news-sd",
                OutputFormat.TS, "box", null, null, now, now.plusSeconds(30), 0, Duration.ofMillis(12_345), "node-b");
        PlaybackSession full = new PlaybackSession(SessionIds.next(), "s2", new PlaybackTarget.Live("sport"), "sport",
                OutputFormat.HLS, "phone \"quoted\" ünï", literal("192.0.2.7"), "Mozilla/5.0 (X11)",
                now.minusMillis(1), now.plus(Duration.ofDays(2)), Long.MAX_VALUE, Duration.ofHours(1), "node-a");

        admitted(registry, bare, 1);
        admitted(registry, full, 1);

        assertThat(registry.find(bare.id()).orElseThrow().session()).isEqualTo(bare);
        assertThat(registry.find(full.id()).orElseThrow().session()).isEqualTo(full);
    }

    @ParameterizedTest
    @EnumSource(LimitPolicy.class)
    void racing_admissions_leave_at_most_the_limit(LimitPolicy policy) throws Exception {
        racingAdmissions(policy, nodes(1));
    }

    @ParameterizedTest
    @EnumSource(LimitPolicy.class)
    void racing_admissions_on_two_nodes_leave_at_most_the_limit(LimitPolicy policy) throws Exception {
        racingAdmissions(policy, nodes(2));
    }

    private void racingAdmissions(LimitPolicy policy, List<SessionRegistry> nodes) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            racingAdmissions(policy, nodes, "s" + round);
        }
    }

    private void racingAdmissions(LimitPolicy policy, List<SessionRegistry> nodes, String subscriber)
            throws Exception {
        int max = 3;
        List<PlaybackSession> candidates = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            candidates.add(session(subscriber, "device-" + i));
        }
        Map<String, EndReason> ended = new ConcurrentHashMap<>();
        Set<String> ours = candidates.stream().map(PlaybackSession::id).collect(Collectors.toSet());
        nodes.get(0).onEnded((id, reason) -> {
            if (ours.contains(id)) {
                ended.put(id, reason);
            }
        });
        List<Supplier<Admission>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            SessionRegistry node = nodes.get(i % nodes.size());
            PlaybackSession candidate = candidates.get(i);
            racers.add(() -> node.admit(candidate, max, policy, clock.instant()));
        }

        List<Admission> answers = Race.run(racers);

        assertThat(answers).hasSize(RACERS);
        List<SessionRecord> live = nodes.get(nodes.size() - 1).listBySubscriber(subscriber);
        assertThat(live).hasSize(max).allSatisfy(r -> assertThat(r.state()).isEqualTo(SessionState.ACTIVE));
        long admitted = answers.stream().filter(a -> a instanceof Admission.Admitted).count();
        if (policy == LimitPolicy.REFUSE_NEW) {
            assertThat(admitted).isEqualTo(max);
            assertThat(answers).filteredOn(a -> a instanceof Admission.LimitReached)
                    .hasSize(RACERS - max)
                    .allSatisfy(a -> assertThat(((Admission.LimitReached) a).active()).isEqualTo(max));
            assertThat(ended).isEmpty();
        } else {
            assertThat(admitted).isEqualTo(RACERS);
            eventually("the evictions announced", () -> ended.size() == RACERS - max);
            assertThat(ended.values()).containsOnly(EndReason.EVICTED);
            for (String id : ended.keySet()) {
                assertThat(nodes.get(0).find(id).orElseThrow())
                        .returns(SessionState.ENDED, SessionRecord::state)
                        .returns(EndReason.EVICTED, SessionRecord::endReason);
            }
            List<String> evictedByAnswers = answers.stream()
                    .flatMap(a -> ((Admission.Admitted) a).ended().stream()).toList();
            assertThat(evictedByAnswers).containsExactlyInAnyOrderElementsOf(ended.keySet());
        }
    }

    @ParameterizedTest
    @EnumSource(LimitPolicy.class)
    void racing_readmissions_leave_at_most_the_limit(LimitPolicy policy) throws Exception {
        List<SessionRegistry> nodes = nodes(2);
        for (int round = 0; round < ROUNDS; round++) {
            racingReadmissions(policy, nodes, "s" + round);
        }
    }

    private void racingReadmissions(LimitPolicy policy, List<SessionRegistry> nodes, String subscriber)
            throws Exception {
        int max = 2;
        List<PlaybackSession> sessions = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            PlaybackSession session = session(subscriber, "device-" + i);
            // Each goes idle before the next: all twenty are admitted, then all are idle.
            assertThat(nodes.get(0).admit(session, max, LimitPolicy.REFUSE_NEW, clock.instant()))
                    .isInstanceOf(Admission.Admitted.class);
            sessions.add(session);
            clock.advance(IDLE_AFTER.plusMillis(1));
        }
        List<Supplier<Admission>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            SessionRegistry node = nodes.get(i % 2);
            String id = sessions.get(i).id();
            racers.add(() -> node.readmit(id, max, policy, clock.instant()));
        }

        List<Admission> answers = Race.run(racers);

        assertThat(answers).hasSize(RACERS);
        long active = nodes.get(1).listBySubscriber(subscriber).stream()
                .filter(r -> r.state() == SessionState.ACTIVE).count();
        assertThat(active).isEqualTo(max);
        long admitted = answers.stream().filter(a -> a instanceof Admission.Admitted).count();
        assertThat(admitted).isEqualTo(policy == LimitPolicy.REFUSE_NEW ? max : RACERS);
    }

    @Test
    void the_same_device_reuses_its_slot() {
        SessionRegistry registry = one();
        Map<String, EndReason> ended = new ConcurrentHashMap<>();
        registry.onEnded(ended::put);
        PlaybackSession news = admitted(registry, session("s1", "box", "news"), 1);
        clock.advance(Duration.ofSeconds(1));
        PlaybackSession sport = session("s1", "box", "sport");

        Admission zap = registry.admit(sport, 1, LimitPolicy.REFUSE_NEW, clock.instant());

        assertThat(zap).isEqualTo(new Admission.Admitted(sport, List.of(news.id())));
        assertThat(registry.find(news.id()).orElseThrow())
                .returns(SessionState.ENDED, SessionRecord::state)
                .returns(EndReason.REPLACED, SessionRecord::endReason);
        assertThat(ids(registry.list())).containsExactly(sport.id());
        eventually("the replacement announced", () -> EndReason.REPLACED.equals(ended.get(news.id())));
    }

    @Test
    void the_same_device_reopening_an_idle_session_replaces_it_too() {
        SessionRegistry registry = one();
        PlaybackSession first = admitted(registry, session("s1", "box"), 1);
        clock.advance(IDLE_AFTER.plusSeconds(1));
        PlaybackSession again = session("s1", "box");

        assertThat(registry.admit(again, 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.Admitted(again, List.of(first.id())));
        assertThat(registry.find(first.id()).orElseThrow().endReason()).isEqualTo(EndReason.REPLACED);
    }

    @Test
    void a_refused_admission_changes_nothing() {
        SessionRegistry registry = one();
        PlaybackSession running = admitted(registry, session("s1", "box"), 1);
        PlaybackSession phone = session("s1", "phone");

        assertThat(registry.admit(phone, 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.LimitReached(1));

        assertThat(registry.find(phone.id())).isEmpty();
        assertThat(ids(registry.list())).containsExactly(running.id());
        assertThat(stateOf(registry, running.id())).isEqualTo(SessionState.ACTIVE);
    }

    @Test
    void end_oldest_ends_the_one_that_started_first() {
        SessionRegistry registry = one();
        PlaybackSession first = admitted(registry, session("s1", "box"), 2);
        clock.advance(Duration.ofSeconds(1));
        PlaybackSession second = admitted(registry, session("s1", "phone"), 2);
        clock.advance(Duration.ofSeconds(1));
        PlaybackSession third = session("s1", "tablet");

        assertThat(registry.admit(third, 2, LimitPolicy.END_OLDEST, clock.instant()))
                .isEqualTo(new Admission.Admitted(third, List.of(first.id())));

        assertThat(registry.find(first.id()).orElseThrow().endReason()).isEqualTo(EndReason.EVICTED);
        assertThat(ids(registry.listBySubscriber("s1"))).containsExactly(second.id(), third.id());
    }

    @Test
    void the_limit_is_per_subscriber() {
        SessionRegistry registry = one();
        admitted(registry, session("s1", "box"), 1);

        admitted(registry, session("s2", "box"), 1);

        assertThat(registry.list()).hasSize(2);
    }

    @Test
    void idle_sessions_do_not_count() {
        SessionRegistry registry = one();
        PlaybackSession ghost = admitted(registry, session("s1", "box"), 1);
        clock.advance(IDLE_AFTER);
        assertThat(stateOf(registry, ghost.id())).as("silent for exactly idleAfter").isEqualTo(SessionState.ACTIVE);
        assertThat(registry.admit(session("s1", "phone"), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.LimitReached(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(stateOf(registry, ghost.id())).as("silent for longer").isEqualTo(SessionState.IDLE);
        PlaybackSession phone = session("s1", "phone");

        assertThat(registry.admit(phone, 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.Admitted(phone, List.of()));

        assertThat(stateOf(registry, ghost.id())).isEqualTo(SessionState.IDLE);
        assertThat(ids(registry.list())).containsExactly(ghost.id(), phone.id());
    }

    @Test
    void reported_activity_keeps_a_session_active() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);
        clock.advance(IDLE_AFTER);
        registry.report(List.of(new SessionActivity(session.id(), clock.instant(), 1000)));
        clock.advance(IDLE_AFTER);

        assertThat(stateOf(registry, session.id())).isEqualTo(SessionState.ACTIVE);
        assertThat(registry.admit(session("s1", "phone"), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.LimitReached(1));
    }

    @Test
    void report_moves_last_seen_forward_only_and_adds_bytes() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);
        Instant start = clock.instant();
        Instant later = clock.advance(Duration.ofSeconds(3));

        registry.report(List.of(new SessionActivity(session.id(), later, 1000),
                new SessionActivity(SessionIds.next(), later, 5)));
        registry.report(List.of(new SessionActivity(session.id(), start.plusSeconds(1), 500)));

        SessionRecord record = registry.find(session.id()).orElseThrow();
        assertThat(record.lastSeen()).isEqualTo(later);
        assertThat(record.bytes()).isEqualTo(1500);
        assertThat(registry.report(List.of())).isEmpty();
        assertThat(registry.find(session.id()).orElseThrow().bytes()).isEqualTo(1500);
    }

    @Test
    void report_answers_which_reported_sessions_are_ended_expired_or_unknown() {
        SessionRegistry registry = one();
        PlaybackSession live = admitted(registry, session("s1", "box"), 3);
        PlaybackSession ended = admitted(registry, session("s1", "phone"), 3);
        Instant now = clock.instant();
        PlaybackSession expiring = admitted(registry, new PlaybackSession(SessionIds.next(), "s1",
                new PlaybackTarget.Live("news"), "news", OutputFormat.HLS, "tablet", ADDRESS, "contract/1.0", now,
                now.plusSeconds(5), 4_000_000, IDLE_AFTER, "node-a"), 3);
        String unknown = SessionIds.next();
        assertThat(registry.end(ended.id(), EndReason.OPERATOR)).isTrue();
        Instant later = clock.advance(Duration.ofSeconds(5));

        List<EndedSession> answer = registry.report(List.of(new SessionActivity(unknown, later, 1),
                new SessionActivity(live.id(), later, 10), new SessionActivity(ended.id(), later, 20),
                new SessionActivity(expiring.id(), now, 0)));

        assertThat(answer).containsExactly(new EndedSession(unknown, null),
                new EndedSession(ended.id(), EndReason.OPERATOR), new EndedSession(expiring.id(), EndReason.EXPIRED));
        assertThat(answer.getFirst().unknown()).isTrue();
        assertThat(registry.find(ended.id()).orElseThrow().bytes()).as("bytes served before the end count")
                .isEqualTo(20);
        assertThat(registry.report(List.of(new SessionActivity(live.id(), later, 0)))).as("live: nothing to say")
                .isEmpty();
    }

    @Test
    void a_node_that_missed_an_end_learns_it_from_its_report() {
        List<SessionRegistry> nodes = nodes(2);
        PlaybackSession session = admitted(nodes.get(0), session("s1", "box"), 1);

        assertThat(nodes.get(0).end(session.id(), EndReason.EVICTED)).isTrue();

        assertThat(nodes.get(1).report(List.of(new SessionActivity(session.id(), clock.instant(), 0))))
                .containsExactly(new EndedSession(session.id(), EndReason.EVICTED));
    }

    @Test
    void two_nodes_see_each_others_sessions_and_reports() {
        List<SessionRegistry> nodes = nodes(2);
        PlaybackSession session = admitted(nodes.get(0), session("s1", "box"), 1);
        Instant later = clock.advance(Duration.ofSeconds(2));

        nodes.get(1).report(List.of(new SessionActivity(session.id(), later, 700)));
        nodes.get(0).report(List.of(new SessionActivity(session.id(), later.minusSeconds(1), 300)));

        assertThat(nodes.get(1).find(session.id()).orElseThrow())
                .returns(later, SessionRecord::lastSeen)
                .returns(1000L, SessionRecord::bytes);
        assertThat(nodes.get(1).admit(session("s1", "phone"), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.LimitReached(1));
    }

    @Test
    void ending_is_announced_to_every_node() {
        List<SessionRegistry> nodes = nodes(2);
        Map<String, EndReason> heardByA = new ConcurrentHashMap<>();
        Map<String, EndReason> heardByB = new ConcurrentHashMap<>();
        nodes.get(0).onEnded(heardByA::put);
        nodes.get(1).onEnded(heardByB::put);
        PlaybackSession session = admitted(nodes.get(0), session("s1", "box"), 1);

        assertThat(nodes.get(1).end(session.id(), EndReason.OPERATOR)).isTrue();
        assertThat(nodes.get(0).end(session.id(), EndReason.OPERATOR)).isFalse();
        assertThat(nodes.get(0).end(SessionIds.next(), EndReason.OPERATOR)).isFalse();

        eventually("node A heard of the end", () -> EndReason.OPERATOR.equals(heardByA.get(session.id())));
        eventually("node B heard of the end", () -> EndReason.OPERATOR.equals(heardByB.get(session.id())));
        assertThat(nodes.get(0).find(session.id()).orElseThrow())
                .returns(SessionState.ENDED, SessionRecord::state)
                .returns(EndReason.OPERATOR, SessionRecord::endReason);
        assertThat(nodes.get(0).list()).isEmpty();
        assertThat(nodes.get(0).listBySubscriber("s1")).isEmpty();
        assertThat(nodes.get(0).readmit(session.id(), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.Gone());
        admitted(nodes.get(1), session("s1", "phone"), 1);
    }

    @Test
    void an_idle_session_is_readmitted() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);
        Instant back = clock.advance(IDLE_AFTER.plusSeconds(5));
        assertThat(stateOf(registry, session.id())).isEqualTo(SessionState.IDLE);

        assertThat(registry.readmit(session.id(), 1, LimitPolicy.REFUSE_NEW, back))
                .isEqualTo(new Admission.Admitted(session, List.of()));

        SessionRecord record = registry.find(session.id()).orElseThrow();
        assertThat(record.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(record.lastSeen()).isEqualTo(back);
        assertThat(registry.admit(session("s1", "phone"), 1, LimitPolicy.REFUSE_NEW, back))
                .isEqualTo(new Admission.LimitReached(1));
    }

    @Test
    void an_active_session_readmitted_is_just_seen() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);
        Instant now = clock.advance(Duration.ofSeconds(3));

        assertThat(registry.readmit(session.id(), 1, LimitPolicy.REFUSE_NEW, now))
                .isEqualTo(new Admission.Admitted(session, List.of()));

        assertThat(registry.find(session.id()).orElseThrow().lastSeen()).isEqualTo(now);
    }

    @Test
    void readmission_at_the_limit_follows_the_policy() {
        SessionRegistry registry = one();
        Map<String, EndReason> ended = new ConcurrentHashMap<>();
        registry.onEnded(ended::put);
        PlaybackSession ghost = admitted(registry, session("s1", "box"), 1);
        clock.advance(IDLE_AFTER.plusSeconds(1));
        PlaybackSession phone = admitted(registry, session("s1", "phone"), 1);

        assertThat(registry.readmit(ghost.id(), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.LimitReached(1));
        assertThat(stateOf(registry, ghost.id())).isEqualTo(SessionState.IDLE);
        assertThat(stateOf(registry, phone.id())).isEqualTo(SessionState.ACTIVE);

        assertThat(registry.readmit(ghost.id(), 1, LimitPolicy.END_OLDEST, clock.instant()))
                .isEqualTo(new Admission.Admitted(ghost, List.of(phone.id())));
        assertThat(stateOf(registry, ghost.id())).isEqualTo(SessionState.ACTIVE);
        assertThat(registry.find(phone.id()).orElseThrow().endReason()).isEqualTo(EndReason.EVICTED);
        eventually("the eviction announced", () -> EndReason.EVICTED.equals(ended.get(phone.id())));
    }

    @Test
    void a_silent_active_session_is_readmitted_under_the_limit() {
        SessionRegistry registry = one();
        PlaybackSession ghost = admitted(registry, session("s1", "box"), 1);
        clock.advance(IDLE_AFTER.plusSeconds(1));
        admitted(registry, session("s1", "phone"), 1);
        clock.advance(Duration.ofSeconds(1));

        assertThat(registry.readmit(ghost.id(), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.LimitReached(1));
    }

    @Test
    void unknown_sessions_are_gone() {
        SessionRegistry registry = one();

        assertThat(registry.readmit(SessionIds.next(), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.Gone());
        assertThat(registry.end(SessionIds.next(), EndReason.OPERATOR)).isFalse();
    }

    @Test
    void an_expired_session_is_ended_and_frees_its_slot() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);
        clock.advance(LIFETIME.minusMillis(1));
        registry.report(List.of(new SessionActivity(session.id(), clock.instant(), 10)));
        assertThat(stateOf(registry, session.id())).isEqualTo(SessionState.ACTIVE);

        clock.advance(Duration.ofMillis(1));

        assertThat(registry.find(session.id()).orElseThrow())
                .returns(SessionState.ENDED, SessionRecord::state)
                .returns(EndReason.EXPIRED, SessionRecord::endReason);
        assertThat(registry.list()).isEmpty();
        assertThat(registry.listBySubscriber("s1")).isEmpty();
        assertThat(registry.readmit(session.id(), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isEqualTo(new Admission.Gone());
        assertThat(registry.end(session.id(), EndReason.OPERATOR)).isFalse();
        admitted(registry, session("s1", "phone"), 1);
    }

    @Test
    void purge_forgets_what_ended_before_the_given_time() {
        SessionRegistry registry = one();
        PlaybackSession operatorEnded = admitted(registry, session("s1", "box"), 3);
        PlaybackSession expiring = admitted(registry, session("s2", "box"), 3);
        PlaybackSession reported = admitted(registry, session("s3", "box"), 3);
        registry.end(operatorEnded.id(), EndReason.OPERATOR);
        Instant endedAt = clock.instant();
        clock.advance(LIFETIME);
        registry.report(List.of(new SessionActivity(reported.id(), clock.instant(), 1)));
        Instant expiredAt = clock.instant();

        assertThat(registry.purge(endedAt)).isZero();
        assertThat(registry.purge(endedAt.plusMillis(1))).isEqualTo(1);
        assertThat(registry.find(operatorEnded.id())).isEmpty();
        assertThat(registry.find(expiring.id())).isPresent();

        clock.advance(Duration.ofHours(2));
        assertThat(registry.purge(expiredAt.plusMillis(1))).isEqualTo(2);
        assertThat(registry.find(expiring.id())).isEmpty();
        assertThat(registry.find(reported.id())).isEmpty();
        assertThat(registry.purge(clock.instant())).isZero();
    }

    @Test
    void purge_keeps_live_sessions() {
        SessionRegistry registry = one();
        PlaybackSession session = admitted(registry, session("s1", "box"), 1);
        clock.advance(IDLE_AFTER.plusSeconds(1));

        assertThat(registry.purge(clock.instant().plusSeconds(1))).isZero();

        assertThat(stateOf(registry, session.id())).isEqualTo(SessionState.IDLE);
        assertThat(registry.readmit(session.id(), 1, LimitPolicy.REFUSE_NEW, clock.instant()))
                .isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void lists_oldest_first() {
        SessionRegistry registry = one();
        PlaybackSession first = admitted(registry, session("s2", "box"), 2);
        clock.advance(Duration.ofSeconds(1));
        PlaybackSession second = admitted(registry, session("s1", "box"), 2);
        clock.advance(Duration.ofSeconds(1));
        PlaybackSession third = admitted(registry, session("s2", "phone"), 2);

        assertThat(ids(registry.list())).containsExactly(first.id(), second.id(), third.id());
        assertThat(ids(registry.listBySubscriber("s2"))).containsExactly(first.id(), third.id());
        assertThat(registry.find(second.id()).map(SessionRecord::session)).isEqualTo(Optional.of(second));
    }
}
