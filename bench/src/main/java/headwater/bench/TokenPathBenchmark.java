package headwater.bench;

import headwater.app.wiring.SessionGate;
import headwater.app.wiring.SessionMetrics;
import headwater.delivery.ClientInfo;
import headwater.delivery.GateDecision;
import headwater.delivery.StreamFormat;
import headwater.domain.session.ChannelEntry;
import headwater.domain.session.EgressLedger;
import headwater.domain.session.LimitPolicy;
import headwater.domain.session.MemorySessionRegistry;
import headwater.domain.session.Opening;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionEvents;
import headwater.domain.session.SessionRequest;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionSettings;
import headwater.domain.session.SubscriberDirectory;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.security.token.PlaybackTokens;
import headwater.security.token.TokenCheck;
import headwater.security.token.TokenKey;
import headwater.security.token.TokenKeyRing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token path of every media request (issue 4): {@link PlaybackTokens#verify} of a valid token and of one with a
 * bad signature, and the {@link SessionGate} delivery asks before any work: its fast path (a session this node holds:
 * the session id looked up in the cache, the token compared in constant time with the session's, scope, format,
 * state and expiry checked, a viewer handed out) and its refusal of a token whose session no node holds (a full HMAC,
 * then 403: what the refused run of {@code delivery-vs-nginx.sh} costs the server).
 *
 * <p>The session service is the real one over the in-memory registry, with a subscriber and a channel given by
 * lambdas (no store); the session is opened once in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenPathBenchmark {

    private static final String SCOPE = "live/bench";

    private PlaybackTokens tokens;
    private String valid;
    private String badSignature;
    private long now;
    private SessionService service;
    private SessionGate gate;
    private ExecutorService workers;
    private String sessionToken;
    private String unknownSession;
    private ClientInfo client;

    @Setup
    public void setUp() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        tokens = PlaybackTokens.of(TokenKeyRing.of(new TokenKey("1", secret)));
        now = Instant.now().getEpochSecond();
        valid = tokens.sign("0123456789abcdef0123456789abcdef", now + 86_400, SCOPE);
        badSignature = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
        if (!(tokens.verify(valid, SCOPE, now) instanceof TokenCheck.Valid)
                || tokens.verify(badSignature, SCOPE, now) instanceof TokenCheck.Valid) {
            throw new IllegalStateException("tokens do not verify as expected");
        }

        Clock clock = Clock.systemUTC();
        Subscriber subscriber = new Subscriber(SubscriberDraft.of("bench-1", "bench-1",
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))
                .withMaxConnections(100).withPackageIds(Set.of("bench")), 1, clock.instant(), clock.instant());
        SubscriberDirectory subscribers = new SubscriberDirectory() {
            @Override
            public Optional<Subscriber> subscriber(String id) {
                return id.equals("bench-1") ? Optional.of(subscriber) : Optional.empty();
            }

            @Override
            public Optional<Subscriber> byUsername(String username) {
                return subscriber(username);
            }

            @Override
            public Optional<Plan> plan(String planId) {
                return Optional.empty();
            }
        };
        ChannelEntry channel = new ChannelEntry("bench", true, Set.of("bench"), List.of());
        service = new SessionService(subscribers, id -> id.equals("bench") ? Optional.of(channel) : Optional.empty(),
                id -> Optional.empty(), new MemorySessionRegistry(clock), new EgressLedger(Long.MAX_VALUE / 2),
                s -> tokens.sign(s.id(), s.expires().getEpochSecond(), s.target().scope()),
                new SessionSettings(Duration.ofHours(24), LimitPolicy.REFUSE_NEW, "bench", false,
                        Duration.ofSeconds(10), SessionSettings.DEFAULT_REPORT_INTERVAL,
                        SessionSettings.DEFAULT_BITS_PER_SECOND),
                new SessionEvents() { }, clock);
        Opening opening = service.open(new SessionRequest("bench-1", new PlaybackTarget.Live("bench"), OutputFormat.HLS,
                "bench-device", null, "bench"));
        if (!(opening instanceof Opening.Opened opened)) {
            throw new IllegalStateException("the bench session was not opened: " + opening);
        }
        sessionToken = opened.session().token();
        unknownSession = (sessionToken.charAt(0) == '0' ? "1" : "0") + sessionToken.substring(1);
        workers = Executors.newSingleThreadExecutor();
        gate = new SessionGate(service, tokens, workers, new SessionMetrics(new SimpleMeterRegistry(), "bench"), clock);
        client = new ClientInfo(InetAddress.getLoopbackAddress(), "bench");
        if (!(gate.check(sessionToken, SCOPE, StreamFormat.HLS, client) instanceof GateDecision.Pass)
                || gate.check(unknownSession, SCOPE, StreamFormat.HLS, client) != GateDecision.REFUSE) {
            throw new IllegalStateException("the gate does not decide as expected");
        }
    }

    @TearDown
    public void tearDown() {
        workers.shutdownNow();
        service.close();
    }

    @Benchmark
    public TokenCheck verifyValid() {
        return tokens.verify(valid, SCOPE, now);
    }

    @Benchmark
    public TokenCheck verifyBadSignature() {
        return tokens.verify(badSignature, SCOPE, now);
    }

    @Benchmark
    public GateDecision gateFastPath() {
        return gate.check(sessionToken, SCOPE, StreamFormat.HLS, client);
    }

    @Benchmark
    public GateDecision gateRefusesUnknownSession() {
        return gate.check(unknownSession, SCOPE, StreamFormat.HLS, client);
    }
}
