package headwater.app.wiring;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.SessionsConfig;
import headwater.domain.protect.FieldCipher;
import headwater.domain.session.ChannelDirectory;
import headwater.domain.session.EgressLedger;
import headwater.domain.session.MemorySessionRegistry;
import headwater.domain.session.RenditionMeter;
import headwater.domain.session.SessionRegistry;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionSettings;
import headwater.domain.session.SessionTokens;
import headwater.domain.session.VodDirectory;
import headwater.security.token.PlaybackTokens;
import headwater.store.Database;
import headwater.store.session.RedisSessionRegistry;
import headwater.store.session.RedisSettings;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session control of one node, assembled from the configuration: the token keys ({@link TokenKeys}: from the store,
 * the first made at first start), the registry (Redis when {@code redis.url} is set, else memory), this node's egress ledger
 * ({@code server.egressCapacity}), the session service, its metrics, the gate delivery asks, and the housekeeping:
 * {@link SessionService#tick} every report interval.
 */
public final class PlaybackSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackSessions.class);

    /** Threads that load and resume sessions for the gate (registry I/O), and how many requests may wait for one. */
    static final int GATE_THREADS = 4;
    static final int GATE_QUEUE = 4096;

    private final SessionService service;
    private final SessionRegistry registry;
    private final EgressLedger egress;
    private final SessionMetrics metrics;
    private final SessionGate gate;
    private final TokenKeys keys;
    private final PlaybackTokens tokens;
    private final ThreadPoolExecutor gateWorkers;
    private final ScheduledExecutorService housekeeping;
    private final String nodeId;

    private PlaybackSessions(SessionService service, SessionRegistry registry, EgressLedger egress,
                             SessionMetrics metrics, TokenKeys keys, PlaybackTokens tokens, Clock clock,
                             Duration reportInterval, String nodeId) {
        this.service = service;
        this.registry = registry;
        this.egress = egress;
        this.metrics = metrics;
        this.keys = keys;
        this.tokens = tokens;
        this.nodeId = nodeId;
        this.gateWorkers = new ThreadPoolExecutor(GATE_THREADS, GATE_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(GATE_QUEUE), daemon("session-gate"));
        this.gateWorkers.allowCoreThreadTimeOut(true);
        this.gate = new SessionGate(service, tokens, gateWorkers, metrics, clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("session-housekeeping"));
        housekeeping.scheduleWithFixedDelay(this::tick, reportInterval.toMillis(), reportInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Builds and starts session control over the catalogue: channels from {@code channels}, films and episodes from
     * the store ({@link StoreVodDirectory}, with the package index {@code channels} keeps). Blocking (store and
     * Redis).
     *
     * @throws IllegalStateException Redis is configured but cannot be reached
     */
    public static PlaybackSessions start(HeadwaterConfig config, Database database, FieldCipher cipher,
                                         CatalogueChannels channels, RenditionMeter meter, MeterRegistry meters,
                                         Clock clock) {
        VodDirectory vod = new StoreVodDirectory(new JdbiMovieRepository(database, clock),
                new JdbiSeriesRepository(database, clock), channels::vodPackages);
        return start(config, database, cipher, channels, vod, meter, meters, clock);
    }

    /**
     * Builds and starts session control. Blocking (store and Redis).
     *
     * @param channels what live and archive sessions are checked against
     * @param vod      what film and episode sessions are checked against
     * @throws IllegalStateException Redis is configured but cannot be reached
     */
    public static PlaybackSessions start(HeadwaterConfig config, Database database, FieldCipher cipher,
                                         ChannelDirectory channels, VodDirectory vod, RenditionMeter meter,
                                         MeterRegistry meters, Clock clock) {
        SessionsConfig sessions = config.sessions();
        TokenKeys keys = TokenKeys.start(database, cipher, sessions.lifetime(), clock);
        PlaybackTokens tokens = new PlaybackTokens(keys);
        SessionTokens signer = s -> tokens.sign(s.id(), s.expires().getEpochSecond(), s.target().scope());
        SessionSettings settings = new SessionSettings(sessions.lifetime(), sessions.limitPolicy(),
                config.server().nodeId(), sessions.bindToAddress(), sessions.retryAfter(),
                SessionSettings.DEFAULT_REPORT_INTERVAL, sessions.defaultBitsPerSecond());
        SessionRegistry registry;
        try {
            registry = registry(config, clock);
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
        try {
            EgressLedger egress = new EgressLedger(config.server().egressCapacityBitsPerSecond());
            SessionMetrics metrics = new SessionMetrics(meters, config.server().nodeId());
            SessionService service = new SessionService(
                    new StoreSubscriberDirectory(new JdbiSubscriberRepository(database, clock),
                            new JdbiPlanRepository(database)),
                    channels, vod, meter, registry, egress, signer, settings, metrics, clock);
            metrics.watch(service, egress);
            return new PlaybackSessions(service, registry, egress, metrics, keys, tokens, clock,
                    settings.reportInterval(), settings.nodeId());
        } catch (RuntimeException e) {
            registry.close();
            keys.close();
            throw e;
        }
    }

    private static SessionRegistry registry(HeadwaterConfig config, Clock clock) {
        if (config.redis().url().isEmpty()) {
            LOG.info("sessions are kept in memory (no redis.url): this node enforces the limits alone");
            return new MemorySessionRegistry(clock);
        }
        RedisSettings settings = new RedisSettings(config.redis().url().get().toString(), config.redis().prefix(),
                RedisSettings.DEFAULT_COMMAND_TIMEOUT, RedisSettings.DEFAULT_RETENTION);
        RedisSessionRegistry redis = RedisSessionRegistry.connect(settings, clock);
        LOG.info("sessions are kept in Redis at {} (prefix {})", config.redis().describeUrl(), config.redis().prefix());
        return redis;
    }

    private void tick() {
        try {
            service.tick();
            metrics.sample();
        } catch (RuntimeException e) {
            LOG.warn("session housekeeping failed; retried next time", e);
        }
    }

    /** This node's id ({@code server.nodeId}), the {@code node} tag of the session metrics. */
    public String nodeId() {
        return nodeId;
    }

    public SessionGate gate() {
        return gate;
    }

    public SessionService service() {
        return service;
    }

    public EgressLedger egress() {
        return egress;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    public PlaybackTokens tokens() {
        return tokens;
    }

    /** The token keys this node signs and verifies with (reloaded every {@link TokenKeys#REFRESH}). */
    public TokenKeys keys() {
        return keys;
    }

    /** Runs the housekeeping once now (tests; the schedule runs it every report interval). */
    public void tickNow() {
        tick();
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        gateWorkers.shutdownNow();
        service.close();
        registry.close();
        keys.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
