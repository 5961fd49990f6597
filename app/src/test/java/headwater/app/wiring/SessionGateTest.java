package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.delivery.ClientInfo;
import headwater.delivery.GateDecision;
import headwater.delivery.StreamFormat;
import headwater.delivery.Viewer;
import headwater.domain.session.ChannelEntry;
import headwater.domain.session.EgressLedger;
import headwater.domain.session.EndReason;
import headwater.domain.session.LimitPolicy;
import headwater.domain.session.MemorySessionRegistry;
import headwater.domain.session.Opening;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionIds;
import headwater.domain.session.SessionRequest;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionSettings;
import headwater.domain.session.SubscriberDirectory;
import headwater.domain.session.VodDirectory;
import headwater.domain.session.VodEntry;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.security.token.PlaybackTokens;
import headwater.security.token.TokenKey;
import headwater.security.token.TokenKeyRing;
import headwater.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gate over a real session service (memory registry) and real tokens: what passes, what is refused and why
 * (counted per reason), and what needs a worker (a session of another node, an idle one).
 */
class SessionGateTest {

    private static final ClientInfo CLIENT = new ClientInfo(InetAddress.getLoopbackAddress(), "test");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final MemorySessionRegistry registry = new MemorySessionRegistry(clock);
    private final PlaybackTokens tokens = PlaybackTokens.of(TokenKeyRing.of(new TokenKey("1", new byte[32])));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final class Node {
        final SessionMetrics metrics = new SessionMetrics(meters, "n");
        final SessionService service;
        final SessionGate gate;

        Node(boolean bind) {
            SessionSettings settings = SessionSettings.defaults("n").withPolicy(LimitPolicy.REFUSE_NEW)
                    .withBindToAddress(bind);
            service = new SessionService(subscribers(),
                    id -> Optional.of(new ChannelEntry(id, true, Set.of("p"), List.of(), 1)), VOD,
                    id -> Optional.empty(), registry, new EgressLedger(1_000_000_000L),
                    s -> tokens.sign(s.id(), s.expires().getEpochSecond(), s.target().scope()), settings, metrics, clock);
            gate = new SessionGate(service, tokens, Runnable::run, metrics, clock);
        }

        String open(PlaybackTarget target, OutputFormat format) {
            Opening opening = service.open(new SessionRequest("s1", target, format, "device-" + target.scope() + format,
                    null, "test"));
            return ((Opening.Opened) opening).session().token();
        }

        String open(String channel, OutputFormat format, InetAddress address) {
            Opening opening = service.open(new SessionRequest("s1", new PlaybackTarget.Live(channel), format,
                    "device-" + channel + format, address, "test"));
            return ((Opening.Opened) opening).session().token();
        }
    }

    private static final VodDirectory VOD = new VodDirectory() {
        @Override
        public Optional<VodEntry> movie(String id) {
            return Optional.of(new VodEntry(id, true, Set.of("p"), 0));
        }

        @Override
        public Optional<VodEntry> episode(String id) {
            return Optional.of(new VodEntry(id, true, Set.of("p"), 0));
        }
    };

    private static SubscriberDirectory subscribers() {
        Instant made = Instant.parse("2026-01-01T00:00:00Z");
        Subscriber alice = new Subscriber(SubscriberDraft.of("s1", "alice", new PasswordHash(HASH))
                .withPackageIds(Set.of("p")).withMaxConnections(5), 1, made, made);
        return new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return id.equals("s1") ? Optional.of(alice) : Optional.empty();
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return subscriber(username.equals("alice") ? "s1" : "");
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.empty();
            }
        };
    }

    private static GateDecision settled(GateDecision decision) throws Exception {
        return decision instanceof GateDecision.Later later
                ? settled(later.decision().toCompletableFuture().get(10, TimeUnit.SECONDS)) : decision;
    }

    private double refused(String reason) {
        var counter = meters.find("headwater_sessions_refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_cached_session_passes_and_is_served_as_its_rendition() {
        Node node = new Node(false);
        String token = node.open("news", OutputFormat.HLS, null);

        GateDecision decision = node.gate.check(token, "live/news", StreamFormat.HLS, CLIENT);

        assertThat(decision).isInstanceOf(GateDecision.Pass.class);
        Viewer viewer = ((GateDecision.Pass) decision).viewer();
        assertThat(viewer.channel()).isEqualTo("news");
        viewer.served(1000);
        assertThat(node.service.cached(PlaybackTokens.sessionIdOf(token)).orElseThrow().bytes()).isEqualTo(1000);
        assertThat(viewer.ended()).isFalse();
    }

    @Test
    void bad_tokens_get_one_refusal_counted_by_reason() {
        Node node = new Node(false);
        String token = node.open("ch1", OutputFormat.HLS, null);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
        String unknown = SessionIds.next() + token.substring(32);

        for (String bad : List.of("", "x", "z".repeat(10_000), token.toUpperCase(), token.substring(0, 40), tampered,
                token + "0", unknown)) {
            assertThat(node.gate.check(bad, "live/ch1", StreamFormat.HLS, CLIENT)).as(bad.length() > 80 ? "10 KB" : bad)
                    .isEqualTo(GateDecision.REFUSE);
        }
        assertThat(node.gate.check(token, "live/ch10", StreamFormat.HLS, CLIENT)).as("ch1 is not ch10")
                .isEqualTo(GateDecision.REFUSE);
        assertThat(node.gate.check(token, "live/ch1", StreamFormat.TS, CLIENT)).as("an HLS session's TS")
                .isEqualTo(GateDecision.REFUSE);
        assertThat(refused("malformed")).isEqualTo(6);
        assertThat(refused("token-mismatch")).isEqualTo(1);
        assertThat(refused("bad-signature")).as("another session id under the same mac").isEqualTo(1);
        assertThat(refused("wrong-scope")).isEqualTo(1);
        assertThat(refused("wrong-format")).isEqualTo(1);
    }

    @Test
    void an_archive_window_opens_its_own_scope_in_its_own_format() throws Exception {
        Node node = new Node(false);
        Instant start = clock.instant().minus(Duration.ofHours(3));
        String hls = node.open(new PlaybackTarget.Archive("news", start, Duration.ofHours(1)), OutputFormat.HLS);
        String ts = node.open(new PlaybackTarget.Archive("news", start, Duration.ofHours(1)), OutputFormat.TS);
        String scope = "archive/news/" + start.getEpochSecond() + "-3600";

        GateDecision pass = node.gate.check(hls, scope, StreamFormat.HLS, CLIENT);
        assertThat(pass).isInstanceOf(GateDecision.Pass.class);
        assertThat(((GateDecision.Pass) pass).viewer().channel()).isEqualTo("news");
        assertThat(node.gate.check(ts, scope, StreamFormat.TS, CLIENT)).isInstanceOf(GateDecision.Pass.class);
        for (String other : List.of("live/news", "archive/news/" + (start.getEpochSecond() + 1) + "-3600",
                "archive/news/" + start.getEpochSecond() + "-3601", "archive/news2/" + start.getEpochSecond() + "-3600",
                scope + "0", "movie/news")) {
            assertThat(node.gate.check(hls, other, StreamFormat.HLS, CLIENT)).as(other).isEqualTo(GateDecision.REFUSE);
        }
        assertThat(node.gate.check(hls, scope, StreamFormat.TS, CLIENT)).isEqualTo(GateDecision.REFUSE);
        assertThat(refused("wrong-scope")).isEqualTo(6);
        assertThat(refused("wrong-format")).isEqualTo(1);

        Node other = new Node(false);
        assertThat(settled(other.gate.check(ts, scope, StreamFormat.TS, CLIENT))).as("verified with its scope")
                .isInstanceOf(GateDecision.Pass.class);
        assertThat(other.gate.check(hls, "live/news", StreamFormat.HLS, CLIENT)).as("signed for the window only")
                .isEqualTo(GateDecision.REFUSE);
        assertThat(refused("bad-signature")).isEqualTo(1);
    }

    @Test
    void a_film_or_episode_opens_its_file_whatever_the_format_and_nothing_else() throws Exception {
        Node node = new Node(false);
        String film = node.open(new PlaybackTarget.Movie("film-1"), OutputFormat.HLS);
        String episode = node.open(new PlaybackTarget.Episode("ep.1"), OutputFormat.TS);

        for (StreamFormat format : StreamFormat.values()) {
            GateDecision pass = node.gate.check(film, "movie/film-1", format, CLIENT);
            assertThat(pass).as(format.name()).isInstanceOf(GateDecision.Pass.class);
            assertThat(((GateDecision.Pass) pass).viewer().channel()).isEqualTo("film-1");
            ((GateDecision.Pass) pass).viewer().served(1_000);
            assertThat(node.gate.check(episode, "episode/ep.1", format, CLIENT)).as(format.name())
                    .isInstanceOf(GateDecision.Pass.class);
        }
        for (String other : List.of("movie/film-10", "movie/film", "episode/film-1", "live/film-1", "movie/ep.1")) {
            assertThat(node.gate.check(film, other, StreamFormat.HLS, CLIENT)).as(other).isEqualTo(GateDecision.REFUSE);
        }
        assertThat(node.gate.check(episode, "movie/ep.1", StreamFormat.TS, CLIENT)).isEqualTo(GateDecision.REFUSE);
        assertThat(refused("wrong-scope")).isEqualTo(6);
        assertThat(node.service.cached(PlaybackTokens.sessionIdOf(film)).orElseThrow().bytes())
                .isEqualTo(1_000L * StreamFormat.values().length);
        node.metrics.sample();
        assertThat(node.metrics.measured()).as("films are measured together, not one series each")
                .containsOnlyKeys("vod:movie", "vod:episode");

        Node other = new Node(false);
        assertThat(settled(other.gate.check(film, "movie/film-1", StreamFormat.TS, CLIENT)))
                .as("another node verifies the token for the film's scope and loads it")
                .isInstanceOf(GateDecision.Pass.class);
        assertThat(other.gate.check(episode, "movie/ep.1", StreamFormat.TS, CLIENT)).isEqualTo(GateDecision.REFUSE);
    }

    @Test
    void ended_and_expired_sessions_are_refused() throws Exception {
        Node node = new Node(false);
        String ended = node.open("news", OutputFormat.TS, null);
        String expiring = node.open("sport", OutputFormat.TS, null);

        node.service.end(PlaybackTokens.sessionIdOf(ended), EndReason.OPERATOR);
        assertThat(node.gate.check(ended, "live/news", StreamFormat.TS, CLIENT)).isEqualTo(GateDecision.REFUSE);
        clock.advance(SessionSettings.DEFAULT_LIFETIME.plusSeconds(1));
        assertThat(settled(node.gate.check(expiring, "live/sport", StreamFormat.TS, CLIENT))).isEqualTo(GateDecision.REFUSE);
        assertThat(refused("ended")).isEqualTo(1);
        assertThat(refused("expired")).isEqualTo(1);
    }

    @Test
    void a_bound_session_plays_only_from_its_address() throws Exception {
        Node node = new Node(true);
        InetAddress home = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 7});
        String token = node.open("news", OutputFormat.HLS, home);

        assertThat(node.gate.check(token, "live/news", StreamFormat.HLS, new ClientInfo(home, null)))
                .isInstanceOf(GateDecision.Pass.class);
        assertThat(node.gate.check(token, "live/news", StreamFormat.HLS, CLIENT)).isEqualTo(GateDecision.REFUSE);
        assertThat(refused("wrong-address")).isEqualTo(1);
    }

    @Test
    void a_session_of_another_node_is_verified_and_loaded_on_a_worker() throws Exception {
        Node a = new Node(false);
        Node b = new Node(false);
        String token = a.open("news", OutputFormat.HLS, null);

        GateDecision first = b.gate.check(token, "live/news", StreamFormat.HLS, CLIENT);

        assertThat(first).isInstanceOf(GateDecision.Later.class);
        assertThat(settled(first)).isInstanceOf(GateDecision.Pass.class);
        assertThat(b.gate.check(token, "live/news", StreamFormat.HLS, CLIENT)).as("cached on B now")
                .isInstanceOf(GateDecision.Pass.class);
        a.service.end(PlaybackTokens.sessionIdOf(token), EndReason.OPERATOR);
        assertThat(settled(b.gate.check(token, "live/news", StreamFormat.HLS, CLIENT))).as("ended on A")
                .isEqualTo(GateDecision.REFUSE);
    }

    @Test
    void an_idle_session_is_resumed_on_a_worker() throws Exception {
        Node node = new Node(false);
        String token = node.open("news", OutputFormat.HLS, null);
        clock.advance(Duration.ofMinutes(1));
        node.service.tick();

        GateDecision decision = node.gate.check(token, "live/news", StreamFormat.HLS, CLIENT);

        assertThat(decision).isInstanceOf(GateDecision.Later.class);
        assertThat(settled(decision)).isInstanceOf(GateDecision.Pass.class);
    }
}
