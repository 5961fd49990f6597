package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.SessionControl;
import headwater.api.xtream.MediaEntryServer.Reply;
import headwater.domain.session.ChannelEntry;
import headwater.domain.session.EgressLedger;
import headwater.domain.session.EndReason;
import headwater.domain.session.MemorySessionRegistry;
import headwater.domain.session.Rendition;
import headwater.domain.session.SessionEvents;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionRequest;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionSettings;
import headwater.domain.session.SessionState;
import headwater.domain.session.SubscriberDirectory;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.xtream.XtreamIds.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The media entry over the real session service (in-memory registry): a player asking again takes over its own
 * slot, another device meets the subscriber's limit, a full node answers 503, and the redirect carries the token the
 * service signed.
 */
class MediaEntrySessionsTest {

    static final Rendition NEWS = new Rendition("news", 4_000_000, Quality.HD, Duration.ofSeconds(4));
    static final Rendition SPORT = new Rendition("sport", 6_000_000, Quality.HD, Duration.ofSeconds(4));

    final Clock clock = Clock.fixed(MediaEntryServer.NOW, ZoneOffset.UTC);
    final Subscriber alice = MediaEntryServer.subscriber("s1", "alice", d -> d.withMaxConnections(1)
            .withPlanId("basic"));
    final Plan basic = new Plan("basic", "Basic", Set.of("pkg"), 1, Quality.UHD, Money.of(999, "EUR"),
            BillingPeriod.months(1), true);
    final Map<String, ChannelEntry> channels = Map.of(
            "news", new ChannelEntry("news", true, Set.of("pkg"), List.of()),
            "sport", new ChannelEntry("sport", true, Set.of("pkg"), List.of()),
            "adult", new ChannelEntry("adult", true, Set.of("other"), List.of()));
    final MemorySessionRegistry registry = new MemorySessionRegistry(clock);
    SessionService service;
    MediaEntryServer server;

    void start(long egressBitsPerSecond) {
        SubscriberDirectory subscribers = new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return Optional.of(alice).filter(s -> s.id().equals(id));
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return Optional.of(alice).filter(s -> s.username().equals(username));
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.of(basic).filter(p -> p.id().equals(planId));
            }
        };
        service = new SessionService(subscribers, id -> Optional.ofNullable(channels.get(id)),
                id -> Optional.ofNullable(Map.of("news", NEWS, "sport", SPORT).get(id)), registry,
                new EgressLedger(egressBitsPerSecond), session -> session.id() + "-1-2-" + "ab".repeat(16),
                SessionSettings.defaults("node-a"), new SessionEvents() {
                }, clock);
        server = MediaEntryServer.start(new ServiceControl(service), new XtreamServer(null, 0, ZoneOffset.UTC, ""));
        server.login.account("alice", "pw", new XtreamLogin.Result.Authenticated(alice, basic,
                XtreamLogin.AccountStatus.ACTIVE, null));
        server.login.tokens.put("t0k3n", new XtreamLogin.Result.Authenticated(alice, basic,
                XtreamLogin.AccountStatus.ACTIVE, "box-1"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_same_player_takes_over_its_slot_and_another_device_meets_the_limit() {
        start(100_000_000);
        int news = server.ids.number(Kind.CHANNEL, "news");
        int sport = server.ids.number(Kind.CHANNEL, "sport");

        Reply first = server.get("/live/alice/pw/" + news + ".ts", "User-Agent", "TiviMate/5");
        assertThat(first.status()).as(first.toString()).isEqualTo(302);
        SessionRecord opened = live().getFirst();
        assertThat(first.header("Location")).isEqualTo(server.base() + "/s/" + opened.session().id() + "-1-2-"
                + "ab".repeat(16) + "/live/news.ts");

        Reply zapped = server.get("/live/alice/pw/" + sport + ".m3u8", "User-Agent", "TiviMate/5");
        assertThat(zapped.status()).as("zapping on the same player, at a limit of one").isEqualTo(302);
        assertThat(live()).singleElement().satisfies(r -> {
            assertThat(r.session().target().scope()).isEqualTo("live/sport");
            assertThat(zapped.header("Location")).contains("/s/" + r.session().id() + "-");
        });
        assertThat(registry.find(opened.session().id()).orElseThrow().endReason()).isEqualTo(EndReason.REPLACED);

        Reply other = server.get("/live/alice/pw/" + news + ".ts", "User-Agent", "VLC/3");
        assertThat(other.status()).as("a second device at a limit of one").isEqualTo(403);
        assertThat(other.body()).isEqualTo("forbidden\n");
        Reply box = server.get("/live/t0k3n/" + news + ".ts");
        assertThat(box.status()).as("a playlist token is its own device").isEqualTo(403);
        assertThat(live()).singleElement().satisfies(r -> assertThat(r.session().userAgent()).isEqualTo("TiviMate/5"));
    }

    @Test
    void not_entitled_is_forbidden_and_a_full_node_is_busy() {
        start(5_000_000);
        Reply adult = server.get("/live/alice/pw/" + server.ids.number(Kind.CHANNEL, "adult") + ".ts");
        assertThat(adult.status()).isEqualTo(403);
        Reply sport = server.get("/live/alice/pw/" + server.ids.number(Kind.CHANNEL, "sport") + ".ts");
        assertThat(sport.status()).as("6 Mbit/s on a node with 5").isEqualTo(503);
        assertThat(sport.header("Retry-After")).isEqualTo(
                Long.toString(SessionSettings.DEFAULT_RETRY_AFTER.toSeconds()));
        assertThat(live()).isEmpty();
        assertThat(server.get("/live/alice/pw/" + server.ids.number(Kind.CHANNEL, "news") + ".ts").status())
                .isEqualTo(302);
    }

    private List<SessionRecord> live() {
        return registry.listBySubscriber("s1").stream().filter(r -> r.state() != SessionState.ENDED).toList();
    }

    /** The application's session control (app.wiring.OperatorSessions), opening only. */
    record ServiceControl(SessionService sessions) implements SessionControl {
        @Override
        public Opening open(SessionRequest request) {
            return switch (sessions.open(request)) {
                case headwater.domain.session.Opening.Opened opened -> new Opening.Opened(opened.session().session(),
                        opened.session().token());
                case headwater.domain.session.Opening.Denied denied -> new Opening.Denied(denied.reason());
                case headwater.domain.session.Opening.Busy busy -> new Opening.Busy(busy.retryAfter());
            };
        }

        @Override
        public List<Listed> list(Optional<String> subscriberId) {
            return List.of();
        }

        @Override
        public boolean end(String sessionId) {
            return false;
        }
    }
}
