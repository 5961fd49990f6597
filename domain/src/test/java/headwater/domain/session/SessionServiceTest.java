package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionServiceTest {

    static final Duration TARGET = Duration.ofSeconds(4);
    static final Rendition NEWS = new Rendition("news", 6_000_000, Quality.FHD, TARGET);
    static final Rendition NEWS_SD = new Rendition("news-sd", 2_000_000, Quality.SD, TARGET);
    static final Rendition SPORT = new Rendition("sport", 3_000_000, Quality.HD, TARGET);
    static final Duration IDLE_AFTER = Duration.ofSeconds(8);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    final Map<String, Plan> plans = new ConcurrentHashMap<>();
    final Map<String, Rendition> measured = new ConcurrentHashMap<>(Map.of(
            "news", NEWS, "news-sd", NEWS_SD, "sport", SPORT));
    final Map<String, ChannelEntry> channels = Map.of(
            "news", new ChannelEntry("news", true, Set.of("basic"), List.of("news-sd")),
            "sport", new ChannelEntry("sport", true, Set.of("basic"), List.of()),
            "radio", new ChannelEntry("radio", true, Set.of("basic"), List.of()),
            "archived", new ChannelEntry("archived", true, Set.of("basic"), List.of(), 1));
    final Map<String, VodEntry> movies = Map.of("film", new VodEntry("film", true, Set.of("basic"), 4_000_000));
    final Map<String, VodEntry> episodes = Map.of("ep", new VodEntry("ep", true, Set.of("basic"), 0));
    final VodDirectory vod = new VodDirectory() {
        @Override
        public Optional<VodEntry> movie(String id) {
            return Optional.ofNullable(movies.get(id));
        }

        @Override
        public Optional<VodEntry> episode(String id) {
            return Optional.ofNullable(episodes.get(id));
        }
    };
    final Events events = new Events();
    final FlakyRegistry registry = new FlakyRegistry(new MemorySessionRegistry(clock));
    final List<SessionService> services = new ArrayList<>();

    SessionServiceTest() {
        plans.put("gold", new Plan("gold", "Gold", Set.of("basic"), 3, Quality.UHD, Money.of(1999, "EUR"),
                BillingPeriod.months(1), true));
        subscriber("s1", d -> d.withMaxConnections(1));
    }

    @AfterEach
    void closeServices() {
        services.forEach(SessionService::close);
    }

    void subscriber(String id, UnaryOperator<SubscriberDraft> change) {
        SubscriberDraft draft = SubscriberDraft.of(id, "user-" + id,
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).withPlanId("gold");
        subscribers.put(id, new Subscriber(change.apply(draft), 1, clock.instant(), clock.instant()));
    }

    SessionService service(EgressLedger egress, SessionSettings settings) {
        SubscriberDirectory directory = new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return Optional.ofNullable(subscribers.get(id));
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return subscribers.values().stream().filter(s -> s.username().equals(username)).findFirst();
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.ofNullable(plans.get(planId));
            }
        };
        SessionService service = new SessionService(directory, id -> Optional.ofNullable(channels.get(id)), vod,
                id -> Optional.ofNullable(measured.get(id)), registry, egress, s -> "token-" + s.id(), settings,
                events, clock);
        services.add(service);
        return service;
    }

    SessionService service(EgressLedger egress) {
        return service(egress, SessionSettings.defaults("node-a"));
    }

    static SessionRequest request(String subscriber, String channel, String device) {
        return new SessionRequest(subscriber, new PlaybackTarget.Live(channel), OutputFormat.HLS, device,
                InetAddress.getLoopbackAddress(), "TestPlayer/1");
    }

    static SessionRequest request(String subscriber, PlaybackTarget target, OutputFormat format, String device) {
        return new SessionRequest(subscriber, target, format, device, InetAddress.getLoopbackAddress(),
                "TestPlayer/1");
    }

    @Test
    void opens_films_episodes_and_archive_windows_as_themselves_under_the_same_limit() {
        subscriber("s1", d -> d.withMaxConnections(3));
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        PlaybackTarget.Archive window = new PlaybackTarget.Archive("archived",
                clock.instant().minus(Duration.ofHours(2)), Duration.ofMinutes(30));

        PlaybackSession film = opened(service.open(request("s1", new PlaybackTarget.Movie("film"), OutputFormat.HLS,
                "tv"))).session();
        PlaybackSession episode = opened(service.open(request("s1", new PlaybackTarget.Episode("ep"),
                OutputFormat.TS, "phone"))).session();
        PlaybackSession archive = opened(service.open(request("s1", window, OutputFormat.TS, "tablet"))).session();

        assertThat(film.rendition()).isEqualTo("film");
        assertThat(film.reservedBitsPerSecond()).isEqualTo(4_000_000);
        assertThat(film.idleAfter()).isEqualTo(Entitlement.VOD_TARGET_DURATION.multipliedBy(2));
        assertThat(episode.rendition()).isEqualTo("ep");
        assertThat(episode.reservedBitsPerSecond()).isEqualTo(SessionSettings.DEFAULT_BITS_PER_SECOND);
        assertThat(archive.rendition()).isEqualTo("archived");
        assertThat(archive.target()).isEqualTo(window);
        assertThat(egress.reserved())
                .isEqualTo(4_000_000 + SessionSettings.DEFAULT_BITS_PER_SECOND * 2);
        assertThat(egress.reservedByChannel()).as("one figure per VOD kind, not per film").isEqualTo(Map.of(
                "vod:movie", 4_000_000L, "vod:episode", SessionSettings.DEFAULT_BITS_PER_SECOND,
                "archived", SessionSettings.DEFAULT_BITS_PER_SECOND));
        assertThat(service.open(request("s1", "news", "fourth"))).isEqualTo(new Opening.Denied(Denial.CONNECTION_LIMIT));
    }

    @Test
    void refuses_what_the_directories_do_not_know_or_the_archive_does_not_keep() {
        SessionService service = service(new EgressLedger(100_000_000));
        Instant now = clock.instant();

        assertThat(service.open(request("s1", new PlaybackTarget.Movie("ep"), OutputFormat.HLS, "a")))
                .as("an episode's id is no film's").isEqualTo(new Opening.Denied(Denial.TARGET_UNKNOWN));
        assertThat(service.open(request("s1", new PlaybackTarget.Episode("nope"), OutputFormat.HLS, "a")))
                .isEqualTo(new Opening.Denied(Denial.TARGET_UNKNOWN));
        assertThat(service.open(request("s1", new PlaybackTarget.Archive("news", now.minusSeconds(60),
                Duration.ofMinutes(1)), OutputFormat.HLS, "a"))).as("news keeps no archive")
                .isEqualTo(new Opening.Denied(Denial.OUTSIDE_ARCHIVE));
        assertThat(service.open(request("s1", new PlaybackTarget.Archive("archived",
                now.minus(Duration.ofDays(1)).minusSeconds(1), Duration.ofMinutes(1)), OutputFormat.HLS, "a")))
                .isEqualTo(new Opening.Denied(Denial.OUTSIDE_ARCHIVE));
        assertThat(events.seen).containsExactly("denied TARGET_UNKNOWN s1", "denied TARGET_UNKNOWN s1",
                "denied OUTSIDE_ARCHIVE s1", "denied OUTSIDE_ARCHIVE s1");
    }

    @Test
    void without_a_vod_directory_films_are_unknown() {
        SessionService service = new SessionService(new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return Optional.ofNullable(subscribers.get(id));
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return Optional.empty();
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.ofNullable(plans.get(planId));
            }
        }, id -> Optional.ofNullable(channels.get(id)), id -> Optional.empty(), registry,
                new EgressLedger(100_000_000), s -> "token-" + s.id(), SessionSettings.defaults("node-a"), events,
                clock);
        services.add(service);

        assertThat(service.open(request("s1", new PlaybackTarget.Movie("film"), OutputFormat.HLS, "a")))
                .isEqualTo(new Opening.Denied(Denial.TARGET_UNKNOWN));
    }

    static ActiveSession opened(Opening opening) {
        assertThat(opening).isInstanceOf(Opening.Opened.class);
        return ((Opening.Opened) opening).session();
    }

    @Test
    void opens_an_entitled_session() {
        EgressLedger egress = new EgressLedger(10_000_000);
        SessionService service = service(egress);

        ActiveSession active = opened(service.open(request("s1", "news", "box")));

        PlaybackSession session = active.session();
        assertThat(session.subscriberId()).isEqualTo("s1");
        assertThat(session.rendition()).isEqualTo("news");
        assertThat(session.reservedBitsPerSecond()).isEqualTo(6_000_000);
        assertThat(session.idleAfter()).isEqualTo(IDLE_AFTER);
        assertThat(session.started()).isEqualTo(clock.instant());
        assertThat(session.expires()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(session.node()).isEqualTo("node-a");
        assertThat(session.userAgent()).isEqualTo("TestPlayer/1");
        assertThat(active.token()).isEqualTo("token-" + session.id());
        assertThat(active.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(active.needsResume()).isFalse();
        assertThat(service.cached(session.id())).containsSame(active);
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("news", 6_000_000L));
        assertThat(registry.find(session.id()).orElseThrow().state()).isEqualTo(SessionState.ACTIVE);
        assertThat(events.seen).containsExactly("opened " + session.id());
        assertThat(service.localCount(SessionState.ACTIVE)).isEqualTo(1);
    }

    @Test
    void an_sd_plan_gets_the_sd_rendition_and_reserves_its_bitrate() {
        plans.put("gold", plans.get("gold").withMaxQuality(Quality.SD));
        EgressLedger egress = new EgressLedger(10_000_000);

        ActiveSession active = opened(service(egress).open(request("s1", "news", "box")));

        assertThat(active.rendition()).isEqualTo("news-sd");
        assertThat(active.session().target()).isEqualTo(new PlaybackTarget.Live("news"));
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("news-sd", 2_000_000L));
    }

    @Test
    void an_unmeasured_channel_reserves_the_default_bitrate() {
        EgressLedger egress = new EgressLedger(100_000_000);

        ActiveSession active = opened(service(egress).open(request("s1", "radio", "box")));

        assertThat(active.session().reservedBitsPerSecond()).isEqualTo(SessionSettings.DEFAULT_BITS_PER_SECOND);
        assertThat(active.session().idleAfter()).isEqualTo(Entitlement.UNMEASURED_TARGET_DURATION.multipliedBy(2));
        assertThat(egress.reserved()).isEqualTo(SessionSettings.DEFAULT_BITS_PER_SECOND);
    }

    @Test
    void a_denial_reserves_nothing_and_is_told() {
        EgressLedger egress = new EgressLedger(10_000_000);
        SessionService service = service(egress);
        SessionRequest unknown = request("nobody", "news", "box");
        SessionRequest notAChannel = request("s1", "weather", "box");

        assertThat(service.open(unknown)).isEqualTo(new Opening.Denied(Denial.SUBSCRIBER_UNKNOWN));
        assertThat(service.open(notAChannel)).isEqualTo(new Opening.Denied(Denial.TARGET_UNKNOWN));

        assertThat(egress.reserved()).isZero();
        assertThat(registry.list()).isEmpty();
        assertThat(events.seen).containsExactly("denied SUBSCRIBER_UNKNOWN nobody", "denied TARGET_UNKNOWN s1");
    }

    @Test
    void a_full_node_answers_busy() {
        subscriber("s2", d -> d);
        SessionService service = service(new EgressLedger(10_000_000));
        opened(service.open(request("s1", "news", "box")));

        Opening busy = service.open(request("s2", "news", "box"));

        assertThat(busy).isEqualTo(new Opening.Busy(SessionSettings.DEFAULT_RETRY_AFTER));
        assertThat(registry.listBySubscriber("s2")).isEmpty();
        assertThat(events.seen).last().isEqualTo("busy s2 6000000");
        opened(service.open(request("s2", "sport", "box")));
    }

    @Test
    void a_subscriber_at_the_limit_is_refused_and_the_reservation_given_back() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        opened(service.open(request("s1", "news", "box")));

        Opening refused = service.open(request("s1", "sport", "phone"));

        assertThat(refused).isEqualTo(new Opening.Denied(Denial.CONNECTION_LIMIT));
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("news", 6_000_000L));
        assertThat(service.localCount(SessionState.ACTIVE)).isEqualTo(1);
        assertThat(events.seen).last().isEqualTo("denied CONNECTION_LIMIT s1");
    }

    @Test
    void end_oldest_ends_the_running_session() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress, SessionSettings.defaults("node-a").withPolicy(LimitPolicy.END_OLDEST));
        ActiveSession box = opened(service.open(request("s1", "news", "box")));
        clock.advance(Duration.ofSeconds(1));

        ActiveSession phone = opened(service.open(request("s1", "sport", "phone")));

        assertThat(box.ended()).isTrue();
        assertThat(box.endReason()).isEqualTo(EndReason.EVICTED);
        assertThat(phone.ended()).isFalse();
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("sport", 3_000_000L));
        assertThat(events.seen).contains("ended " + box.id() + " EVICTED");
        assertThat(service.cached(box.id())).containsSame(box);
    }

    @Test
    void zapping_on_one_device_reuses_the_slot() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession news = opened(service.open(request("s1", "news", "box")));

        ActiveSession sport = opened(service.open(request("s1", "sport", "box")));

        assertThat(news.endReason()).isEqualTo(EndReason.REPLACED);
        assertThat(sport.ended()).isFalse();
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("sport", 3_000_000L));
    }

    @Test
    void served_bytes_are_reported_in_one_batch_per_tick() {
        subscriber("s2", d -> d);
        SessionService service = service(new EgressLedger(100_000_000));
        ActiveSession one = opened(service.open(request("s1", "news", "box")));
        ActiveSession two = opened(service.open(request("s2", "news", "box")));
        Instant seen = clock.advance(Duration.ofSeconds(1));
        one.served(1_000);
        one.served(500);
        two.served(0);
        clock.advance(Duration.ofSeconds(1));

        service.tick();

        assertThat(registry.reports).hasSize(1);
        assertThat(registry.reports.get(0)).containsExactlyInAnyOrder(
                new SessionActivity(one.id(), seen, 1_500), new SessionActivity(two.id(), seen, 0));
        assertThat(registry.find(one.id()).orElseThrow().bytes()).isEqualTo(1_500);
        assertThat(registry.find(one.id()).orElseThrow().lastSeen()).isEqualTo(seen);
        assertThat(one.bytes()).isEqualTo(1_500);

        service.tick();
        assertThat(registry.reports).as("nothing new, nothing reported").hasSize(1);
        one.served(100);
        service.tick();
        assertThat(registry.reports.get(1)).containsExactly(new SessionActivity(one.id(), clock.instant(), 100));
        assertThat(registry.find(one.id()).orElseThrow().bytes()).isEqualTo(1_600);
    }

    @Test
    void bytes_served_while_ticking_are_all_reported() throws Exception {
        SessionService service = service(new EgressLedger(100_000_000));
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        int writers = 4;
        int chunks = 50_000;
        List<Supplier<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            tasks.add(() -> {
                for (int i = 0; i < chunks; i++) {
                    active.served(3);
                }
                return chunks;
            });
        }
        tasks.add(() -> {
            int ticks = 0;
            while (active.bytes() < 3L * writers * chunks) {
                service.tick();
                ticks++;
            }
            return ticks;
        });

        Race.run(tasks);
        service.tick();

        assertThat(registry.find(active.id()).orElseThrow().bytes()).isEqualTo(3L * writers * chunks);
        assertThat(service.list().get(0).bytes()).isEqualTo(3L * writers * chunks);
    }

    @Test
    void a_failed_report_is_sent_again() {
        SessionService service = service(new EgressLedger(100_000_000));
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        active.served(2_000);
        registry.failing = true;

        service.tick();

        registry.failing = false;
        active.served(1_000);
        service.tick();
        assertThat(registry.find(active.id()).orElseThrow().bytes()).isEqualTo(3_000);
    }

    @Test
    void a_silent_session_goes_idle_and_resumes() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        clock.advance(IDLE_AFTER);
        service.tick();
        assertThat(active.state()).as("silent for exactly idleAfter").isEqualTo(SessionState.ACTIVE);

        clock.advance(Duration.ofMillis(1));
        assertThat(active.needsResume()).as("before the tick noticed").isTrue();
        service.tick();

        assertThat(active.state()).isEqualTo(SessionState.IDLE);
        assertThat(egress.reserved()).isZero();
        assertThat(events.seen).last().isEqualTo("idle " + active.id());
        assertThat(service.localCount(SessionState.IDLE)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(service.resume(active)).isEqualTo(new Resumption.Resumed(active));

        assertThat(active.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(active.needsResume()).isFalse();
        assertThat(active.lastSeen()).isEqualTo(clock.instant());
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("news", 6_000_000L));
        assertThat(registry.find(active.id()).orElseThrow().state()).isEqualTo(SessionState.ACTIVE);
        assertThat(events.seen).last().isEqualTo("resumed " + active.id());
    }

    @Test
    void resuming_a_playing_session_changes_nothing() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));

        assertThat(service.resume(active)).isEqualTo(new Resumption.Resumed(active));

        assertThat(egress.reserved()).isEqualTo(6_000_000);
        assertThat(events.seen).hasSize(1);
    }

    @Test
    void a_silent_session_the_tick_missed_resumes_too() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(service.resume(active)).isEqualTo(new Resumption.Resumed(active));

        assertThat(events.seen).containsExactly("opened " + active.id(), "idle " + active.id(),
                "resumed " + active.id());
        assertThat(egress.reserved()).isEqualTo(6_000_000);
    }

    @Test
    void a_ghost_does_not_block_zapping_and_cannot_come_back_over_the_limit() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession ghost = opened(service.open(request("s1", "news", "box")));
        clock.advance(IDLE_AFTER.plusSeconds(1));
        ActiveSession phone = opened(service.open(request("s1", "sport", "phone")));

        assertThat(service.resume(ghost)).isEqualTo(new Resumption.Refused(Denial.CONNECTION_LIMIT));

        assertThat(ghost.state()).isEqualTo(SessionState.IDLE);
        assertThat(phone.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(egress.reservedByChannel()).isEqualTo(Map.of("sport", 3_000_000L));
    }

    @Test
    void resuming_on_a_full_node_is_busy() {
        subscriber("s2", d -> d);
        EgressLedger egress = new EgressLedger(10_000_000);
        SessionService service = service(egress);
        ActiveSession idle = opened(service.open(request("s1", "news", "box")));
        clock.advance(IDLE_AFTER.plusSeconds(1));
        service.tick();
        opened(service.open(request("s2", "news", "box")));

        assertThat(service.resume(idle)).isEqualTo(new Resumption.Busy(SessionSettings.DEFAULT_RETRY_AFTER));

        assertThat(idle.state()).isEqualTo(SessionState.IDLE);
        assertThat(registry.find(idle.id()).orElseThrow().state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void an_archive_window_that_left_the_retention_while_idle_is_not_resumed() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        PlaybackTarget.Archive oldest = new PlaybackTarget.Archive("archived",
                clock.instant().minus(Duration.ofDays(1)).plusSeconds(30), Duration.ofMinutes(10));
        ActiveSession active = opened(service.open(request("s1", oldest, OutputFormat.HLS, "box")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(service.resume(active)).isEqualTo(new Resumption.Refused(Denial.OUTSIDE_ARCHIVE));

        assertThat(active.endReason()).isEqualTo(EndReason.REVOKED);
        assertThat(egress.reserved()).isZero();
    }

    @Test
    void a_film_disabled_meanwhile_is_not_resumed() {
        Map<String, VodEntry> catalogue = new ConcurrentHashMap<>(movies);
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = new SessionService(new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return Optional.ofNullable(subscribers.get(id));
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return Optional.empty();
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.ofNullable(plans.get(planId));
            }
        }, id -> Optional.empty(), new VodDirectory() {
            @Override
            public Optional<VodEntry> movie(String id) {
                return Optional.ofNullable(catalogue.get(id));
            }

            @Override
            public Optional<VodEntry> episode(String id) {
                return Optional.empty();
            }
        }, id -> Optional.empty(), registry, egress, s -> "token-" + s.id(), SessionSettings.defaults("node-a"),
                events, clock);
        services.add(service);
        ActiveSession active = opened(service.open(request("s1", new PlaybackTarget.Movie("film"), OutputFormat.HLS,
                "box")));
        clock.advance(Duration.ofMinutes(2));
        assertThat(service.resume(active)).as("still offered: resumed").isInstanceOf(Resumption.Resumed.class);
        clock.advance(Duration.ofMinutes(2));
        catalogue.put("film", new VodEntry("film", false, Set.of("basic"), 4_000_000));

        assertThat(service.resume(active)).isEqualTo(new Resumption.Refused(Denial.TARGET_UNKNOWN));
        assertThat(active.endReason()).isEqualTo(EndReason.REVOKED);
    }

    @Test
    void a_subscriber_disabled_meanwhile_loses_the_session() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        clock.advance(Duration.ofMinutes(1));
        subscriber("s1", d -> d.withStatus(SubscriberStatus.DISABLED));

        assertThat(service.resume(active)).isEqualTo(new Resumption.Refused(Denial.SUBSCRIBER_INACTIVE));

        assertThat(active.endReason()).isEqualTo(EndReason.REVOKED);
        assertThat(registry.find(active.id()).orElseThrow().endReason()).isEqualTo(EndReason.REVOKED);
        assertThat(egress.reserved()).isZero();
        assertThat(service.resume(active)).isEqualTo(new Resumption.Gone());
    }

    @Test
    void an_operator_ends_a_session() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));

        assertThat(service.end(active.id(), EndReason.OPERATOR)).isTrue();

        assertThat(active.ended()).isTrue();
        assertThat(active.endReason()).isEqualTo(EndReason.OPERATOR);
        assertThat(active.needsResume()).isFalse();
        assertThat(egress.reserved()).isZero();
        assertThat(events.seen).containsOnlyOnce("ended " + active.id() + " OPERATOR");
        assertThat(service.end(active.id(), EndReason.OPERATOR)).isFalse();
        assertThat(service.end(SessionIds.next(), EndReason.OPERATOR)).isFalse();
        assertThat(service.resume(active)).isEqualTo(new Resumption.Gone());
        assertThat(service.list()).isEmpty();
    }

    @Test
    void an_end_on_another_node_stops_the_session_here() {
        EgressLedger egressA = new EgressLedger(100_000_000);
        SessionService nodeA = service(egressA);
        SessionService nodeB = service(new EgressLedger(100_000_000), SessionSettings.defaults("node-b"));
        ActiveSession active = opened(nodeA.open(request("s1", "news", "box")));

        assertThat(nodeB.end(active.id(), EndReason.OPERATOR)).isTrue();

        assertThat(active.ended()).isTrue();
        assertThat(egressA.reserved()).isZero();
        assertThat(events.seen).as("told once, by the node that admitted it").containsOnlyOnce(
                "ended " + active.id() + " OPERATOR");
    }

    @Test
    void an_end_this_node_did_not_hear_reaches_it_by_the_next_report() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        active.served(1_000);
        registry.deaf = true;

        assertThat(registry.end(active.id(), EndReason.OPERATOR)).isTrue();
        assertThat(active.ended()).as("the announcement was lost").isFalse();
        service.tick();

        assertThat(active.ended()).isTrue();
        assertThat(active.endReason()).isEqualTo(EndReason.OPERATOR);
        assertThat(egress.reserved()).isZero();
        assertThat(events.seen).containsOnlyOnce("ended " + active.id() + " OPERATOR");
        assertThat(registry.find(active.id()).orElseThrow().bytes()).as("its last bytes still count").isEqualTo(1_000);
    }

    @Test
    void cached_sessions_without_news_are_rechecked_too() {
        subscriber("s2", d -> d);
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession quiet = opened(service.open(request("s1", "news", "box")));
        ActiveSession playing = opened(service.open(request("s2", "sport", "box")));
        service.tick();
        registry.deaf = true;
        registry.end(quiet.id(), EndReason.EVICTED);

        playing.served(10);
        service.tick();
        assertThat(registry.reports.getLast()).as("only news between rechecks")
                .extracting(SessionActivity::sessionId).containsExactly(playing.id());
        assertThat(quiet.ended()).isFalse();

        clock.advance(SessionService.RECHECK_EVERY);
        service.tick();

        assertThat(registry.reports.getLast()).extracting(SessionActivity::sessionId)
                .containsExactlyInAnyOrder(quiet.id(), playing.id());
        assertThat(quiet.ended()).isTrue();
        assertThat(quiet.endReason()).isEqualTo(EndReason.EVICTED);
        assertThat(playing.ended()).isFalse();
        assertThat(registry.find(playing.id()).orElseThrow().lastSeen()).as("a recheck moves nothing back")
                .isEqualTo(Instant.ofEpochMilli(playing.lastSeenMillis()));
    }

    @Test
    void sessions_the_registry_lost_end_here_as_expired() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        registry.registry = new MemorySessionRegistry(clock);

        service.tick();

        assertThat(active.ended()).isTrue();
        assertThat(active.endReason()).isEqualTo(EndReason.EXPIRED);
        assertThat(egress.reserved()).isZero();
    }

    @Test
    void another_node_loads_a_session_and_resumes_it_with_its_own_egress() {
        EgressLedger egressB = new EgressLedger(100_000_000);
        SessionService nodeA = service(new EgressLedger(100_000_000));
        SessionService nodeB = service(egressB, SessionSettings.defaults("node-b"));
        ActiveSession onA = opened(nodeA.open(request("s1", "news", "box")));
        clock.advance(Duration.ofSeconds(1));

        ActiveSession onB = nodeB.load(onA.id(), "verified-token").orElseThrow();

        assertThat(onB.session()).isEqualTo(onA.session());
        assertThat(onB.token()).isEqualTo("verified-token");
        assertThat(onB.state()).isEqualTo(SessionState.IDLE);
        assertThat(onB.needsResume()).isTrue();
        assertThat(nodeB.load(onA.id(), "other")).containsSame(onB);
        assertThat(nodeB.resume(onB)).isEqualTo(new Resumption.Resumed(onB));
        assertThat(egressB.reservedByChannel()).isEqualTo(Map.of("news", 6_000_000L));
        assertThat(nodeB.load(SessionIds.next(), "x")).isEmpty();

        nodeA.end(onA.id(), EndReason.OPERATOR);
        assertThat(onB.ended()).isTrue();
        assertThat(egressB.reserved()).isZero();
    }

    @Test
    void an_ended_session_is_not_loaded() {
        SessionService nodeA = service(new EgressLedger(100_000_000));
        SessionService nodeB = service(new EgressLedger(100_000_000), SessionSettings.defaults("node-b"));
        ActiveSession onA = opened(nodeA.open(request("s1", "news", "box")));
        nodeA.end(onA.id(), EndReason.OPERATOR);

        assertThat(nodeB.load(onA.id(), "verified-token")).isEmpty();
    }

    @Test
    void an_expired_session_ends_at_the_tick() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        for (int i = 0; i < 24 * 60; i++) {
            clock.advance(Duration.ofMinutes(1));
            active.served(1);
        }

        service.tick();

        assertThat(active.endReason()).isEqualTo(EndReason.EXPIRED);
        assertThat(egress.reserved()).isZero();
        assertThat(events.seen).last().isEqualTo("ended " + active.id() + " EXPIRED");
        assertThat(registry.find(active.id()).orElseThrow().bytes()).as("the last bytes are reported").isEqualTo(1440);
    }

    @Test
    void ended_sessions_leave_the_cache_and_the_registry_in_time() {
        SessionService service = service(new EgressLedger(100_000_000));
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        service.end(active.id(), EndReason.OPERATOR);
        service.tick();
        assertThat(service.cached(active.id())).as("answers 403 without the registry for a while").isPresent();

        clock.advance(SessionService.ENDED_KEPT);
        service.tick();
        assertThat(service.cached(active.id())).isEmpty();
        assertThat(registry.find(active.id())).isPresent();

        clock.advance(SessionService.PURGE_AFTER);
        service.tick();
        assertThat(registry.find(active.id())).isEmpty();
    }

    @Test
    void long_idle_sessions_leave_the_cache_and_come_back_by_load() {
        SessionService service = service(new EgressLedger(100_000_000));
        ActiveSession active = opened(service.open(request("s1", "news", "box")));
        clock.advance(IDLE_AFTER.plusSeconds(1));
        service.tick();
        clock.advance(SessionService.IDLE_KEPT);
        service.tick();

        assertThat(service.cached(active.id())).isEmpty();
        ActiveSession back = service.load(active.id(), active.token()).orElseThrow();
        assertThat(service.resume(back)).isEqualTo(new Resumption.Resumed(back));
    }

    @Test
    void lists_sessions_with_bytes_and_bitrate() {
        subscriber("s2", d -> d);
        SessionService service = service(new EgressLedger(100_000_000));
        ActiveSession one = opened(service.open(request("s1", "news", "box")));
        clock.advance(Duration.ofSeconds(1));
        ActiveSession two = opened(service.open(request("s2", "sport", "box")));
        service.tick();
        clock.advance(Duration.ofSeconds(2));
        one.served(1_000_000);
        service.tick();
        one.served(250);

        List<SessionView> views = service.list();

        assertThat(views).extracting(v -> v.session().id()).containsExactly(one.id(), two.id());
        SessionView first = views.get(0);
        assertThat(first.bytes()).isEqualTo(1_000_250);
        assertThat(first.bitsPerSecond()).isEqualTo(4_000_000);
        assertThat(first.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(first.lastSeen()).isEqualTo(clock.instant());
        assertThat(views.get(1).bitsPerSecond()).isZero();
        assertThat(service.listBySubscriber("s2")).extracting(v -> v.session().id()).containsExactly(two.id());
    }

    @Test
    void sessions_served_elsewhere_are_listed_with_their_average_bitrate() {
        SessionService nodeA = service(new EgressLedger(100_000_000));
        SessionService nodeB = service(new EgressLedger(100_000_000), SessionSettings.defaults("node-b"));
        ActiveSession active = opened(nodeA.open(request("s1", "news", "box")));
        clock.advance(Duration.ofSeconds(4));
        active.served(2_000_000);
        nodeA.tick();

        SessionView view = nodeB.list().get(0);

        assertThat(view.bytes()).isEqualTo(2_000_000);
        assertThat(view.bitsPerSecond()).isEqualTo(4_000_000);
    }

    @Test
    void a_bound_session_serves_only_its_address() throws Exception {
        SessionService service = service(new EgressLedger(100_000_000),
                SessionSettings.defaults("node-a").withBindToAddress(true));
        ActiveSession bound = opened(service.open(request("s1", "news", "box")));

        assertThat(bound.acceptsFrom(InetAddress.getLoopbackAddress())).isTrue();
        assertThat(bound.acceptsFrom(InetAddress.getByName("192.0.2.1"))).isFalse();
        assertThat(bound.acceptsFrom(null)).isFalse();
        ActiveSession unbound = opened(service(new EgressLedger(100_000_000)).open(request("s1", "news", "box")));
        assertThat(unbound.acceptsFrom(InetAddress.getByName("192.0.2.1"))).isTrue();
    }

    @Test
    void closing_gives_the_egress_back() {
        EgressLedger egress = new EgressLedger(100_000_000);
        SessionService service = service(egress);
        ActiveSession active = opened(service.open(request("s1", "news", "box")));

        service.close();

        assertThat(egress.reserved()).isZero();
        assertThat(service.cached(active.id())).isEmpty();
        assertThat(registry.find(active.id())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(LimitPolicy.class)
    void twenty_parallel_opens_of_one_subscriber_leave_three(LimitPolicy policy) throws Exception {
        subscriber("s1", d -> d.withMaxConnections(3));
        EgressLedger egress = new EgressLedger(1_000_000_000);
        SessionService service = service(egress, SessionSettings.defaults("node-a").withPolicy(policy));
        int racers = 20;
        List<Supplier<Opening>> opens = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            SessionRequest request = request("s1", i % 2 == 0 ? "news" : "sport", "device-" + i);
            opens.add(() -> service.open(request));
        }

        List<Opening> answers = Race.run(opens);

        List<ActiveSession> opened = answers.stream().filter(a -> a instanceof Opening.Opened)
                .map(a -> ((Opening.Opened) a).session()).toList();
        List<ActiveSession> running = opened.stream().filter(a -> !a.ended()).toList();
        assertThat(running).hasSize(3);
        assertThat(registry.listBySubscriber("s1")).hasSize(3);
        assertThat(service.localCount(SessionState.ACTIVE)).isEqualTo(3);
        assertThat(egress.sessions()).isEqualTo(3);
        assertThat(egress.reserved()).isEqualTo(running.stream()
                .mapToLong(a -> a.session().reservedBitsPerSecond()).sum());
        if (policy == LimitPolicy.REFUSE_NEW) {
            assertThat(opened).hasSize(3);
            assertThat(answers).filteredOn(a -> a instanceof Opening.Denied).hasSize(racers - 3)
                    .containsOnly(new Opening.Denied(Denial.CONNECTION_LIMIT));
        } else {
            assertThat(opened).hasSize(racers);
            assertThat(opened).filteredOn(ActiveSession::ended).hasSize(racers - 3)
                    .allSatisfy(a -> assertThat(a.endReason()).isEqualTo(EndReason.EVICTED));
        }
    }

    /** Records what the service told, as short lines. */
    static final class Events implements SessionEvents {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void opened(PlaybackSession session) {
            seen.add("opened " + session.id());
        }

        @Override
        public void denied(Denial reason, SessionRequest request) {
            seen.add("denied " + reason + " " + request.subscriberId());
        }

        @Override
        public void busy(SessionRequest request, long bitsPerSecond) {
            seen.add("busy " + request.subscriberId() + " " + bitsPerSecond);
        }

        @Override
        public void ended(String sessionId, EndReason reason) {
            seen.add("ended " + sessionId + " " + reason);
        }

        @Override
        public void idle(PlaybackSession session) {
            seen.add("idle " + session.id());
        }

        @Override
        public void resumed(PlaybackSession session) {
            seen.add("resumed " + session.id());
        }
    }

    /**
     * The memory registry, recording reports, whose reports can be made to fail, whose end announcements can be lost
     * on the way (deaf: a node away from Redis pub/sub), and which can lose all its data (replaced by an empty one).
     */
    static final class FlakyRegistry implements SessionRegistry {
        volatile SessionRegistry registry;
        final List<List<SessionActivity>> reports = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile boolean deaf;

        FlakyRegistry(SessionRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Admission admit(PlaybackSession candidate, int maxConnections, LimitPolicy policy, Instant now) {
            return registry.admit(candidate, maxConnections, policy, now);
        }

        @Override
        public Admission readmit(String sessionId, int maxConnections, LimitPolicy policy, Instant now) {
            return registry.readmit(sessionId, maxConnections, policy, now);
        }

        @Override
        public Optional<SessionRecord> find(String sessionId) {
            return registry.find(sessionId);
        }

        @Override
        public boolean end(String sessionId, EndReason reason) {
            return registry.end(sessionId, reason);
        }

        @Override
        public List<EndedSession> report(Collection<SessionActivity> activity) {
            if (failing) {
                throw new IllegalStateException("the registry is down");
            }
            reports.add(List.copyOf(activity));
            return registry.report(activity);
        }

        @Override
        public List<SessionRecord> list() {
            return registry.list();
        }

        @Override
        public List<SessionRecord> listBySubscriber(String subscriberId) {
            return registry.listBySubscriber(subscriberId);
        }

        @Override
        public void onEnded(BiConsumer<String, EndReason> listener) {
            registry.onEnded((id, reason) -> {
                if (!deaf) {
                    listener.accept(id, reason);
                }
            });
        }

        @Override
        public int purge(Instant before) {
            return registry.purge(before);
        }

        @Override
        public void close() {
            registry.close();
        }
    }
}
