package headwater.store.session;

import headwater.domain.session.Admission;
import headwater.domain.session.EndReason;
import headwater.domain.session.EndedSession;
import headwater.domain.session.LimitPolicy;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.SessionActivity;
import headwater.domain.session.SessionIds;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionRegistry;
import headwater.domain.session.SessionState;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SessionRegistry} of several nodes: sessions and their slots live in one Redis (6.0 or later, tested on
 * 7.0.15; a single server or a primary, not Redis Cluster, since the scripts reach keys they only find while running), so that
 * every node behind the load balancer enforces the same concurrent-stream limit.
 *
 * <h2>Keys</h2> All under the configured prefix {@code P} (default {@code hw:}):
 * <table>
 *   <caption>Redis keys</caption>
 *   <tr><th>key</th><th>type</th><th>holds</th></tr>
 *   <tr><td>{@code P s:<id>}</td><td>hash</td><td>one session ({@link SessionHash}): subscriber, scope, rendition,
 *       format, device, address, user agent, start, expiry, reservation, idleAfter, node, state, lastSeen, bytes,
 *       end reason and time. Expires (Redis TTL) at the session's expiry plus the retention, or the end plus the
 *       retention once ended</td></tr>
 *   <tr><td>{@code P sub:<subscriberId>}</td><td>sorted set</td><td>the subscriber's sessions that are not ended,
 *       scored by start (epoch seconds); kept as long as its longest session</td></tr>
 *   <tr><td>{@code P all}</td><td>sorted set</td><td>every session that is not ended, by start: {@link #list()}</td></tr>
 *   <tr><td>{@code P ended}</td><td>sorted set</td><td>ended sessions by end time: {@link #purge}</td></tr>
 *   <tr><td>{@code P exp}</td><td>sorted set</td><td>every session by expiry: {@link #purge}</td></tr>
 *   <tr><td>{@code P ended-events}</td><td>pub/sub channel</td><td>{@code "<id> <reason> <instance>"} for every
 *       end, published by the script that ended it</td></tr>
 * </table>
 * Instants and durations are stored exactly as {@code <seconds>.<9-digit nanos>} ({@link TimeText}); the sorted
 * sets' scores are whole seconds, so their order is refined by the stored start where it matters.
 *
 * <h2>Atomicity</h2> {@link #admit}, {@link #readmit}, {@link #end}, {@link #report}, {@link #list} and
 * {@link #purge} each run one Lua script ({@code EVALSHA}, loaded again when Redis lost it), so the steps of the
 * port's contract for one subscriber happen as one: 20 admissions racing on two nodes leave at most
 * {@code maxConnections} active. The caller's {@code now} is the clock of the scripts (nodes need synchronised
 * clocks, as they do for token expiry); {@link #find}, {@link #list}, {@link #end} use the registry's clock.
 *
 * <h2>Ends</h2> Every end (an operator's, a replacement, an eviction, an expiry noticed by a script) is published
 * on the pub/sub channel, which a separate connection of every registry instance subscribes; the instance that ended
 * it tells its own {@link #onEnded} listeners at once, on the calling thread, and skips its echo; the others hear it
 * on Lettuce's event thread. An end published while a node is disconnected from Redis is not heard by that node
 * (pub/sub keeps nothing): its next {@link #find} sees the session ENDED, and the answer to its next {@link #report}
 * of the session (every node re-reports each session it caches, see {@code SessionService.RECHECK_EVERY}) names
 * it with its reason, as it names expired ones and ones Redis does not know (purged, or lost with Redis's data).
 *
 * <h2>Failures</h2> Lettuce reconnects by itself; while Redis is unreachable, commands fail at once and a command
 * that takes longer than the configured timeout fails then, both with a {@link RedisSessionException} naming the
 * Redis and the operation. Losing and regaining Redis is logged at WARN and INFO.
 */
public final class RedisSessionRegistry implements SessionRegistry {

    /** Activities per script call of {@link #report}. */
    static final int REPORT_BATCH = 10_000;
    /** Sessions looked at per script call of {@link #purge}. */
    static final int PURGE_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionRegistry.class);
    private static final LuaScript ADMIT = LuaScript.named("admit");
    private static final LuaScript READMIT = LuaScript.named("readmit");
    private static final LuaScript END = LuaScript.named("end");
    private static final LuaScript REPORT = LuaScript.named("report");
    private static final LuaScript LIST = LuaScript.named("list");
    private static final LuaScript PURGE = LuaScript.named("purge");
    private static final Comparator<SessionRecord> OLDEST_FIRST = Comparator
            .comparing((SessionRecord r) -> r.session().started()).thenComparing(r -> r.session().id());

    private final RedisSettings settings;
    private final Clock clock;
    private final String instance = SessionIds.next();
    private final String channel;
    private final RedisClient client;
    private final List<BiConsumer<String, EndReason>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private StatefulRedisConnection<String, String> connection;
    private StatefulRedisPubSubConnection<String, String> events;
    private RedisCommands<String, String> redis;

    private RedisSessionRegistry(RedisSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.channel = settings.prefix() + "ended-events";
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.commandTimeout()).build())
                .timeoutOptions(TimeoutOptions.builder().fixedTimeout(settings.commandTimeout()).build())
                .build());
        client.addListener(new ReachabilityLog());
    }

    /**
     * Connects to the Redis of {@code settings} (a command connection and a pub/sub one) and subscribes to ended
     * sessions.
     *
     * @param clock what {@link #find}, {@link #list}, {@link #listBySubscriber} and {@link #end} take as now
     * @throws RedisSessionException when Redis cannot be reached within the command timeout
     */
    public static RedisSessionRegistry connect(RedisSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        RedisSessionRegistry registry = new RedisSessionRegistry(settings, clock);
        try {
            registry.open();
            return registry;
        } catch (RuntimeException e) {
            registry.close();
            throw new RedisSessionException("Redis " + settings.maskedUrl() + " is unreachable: " + e.getMessage(), e);
        }
    }

    private void open() {
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.commandTimeout());
        connection = client.connect(uri);
        redis = connection.sync();
        events = client.connectPubSub(uri);
        events.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                heard(message);
            }
        });
        events.sync().subscribe(channel);
    }

    /** The settings it was connected with. */
    public RedisSettings settings() {
        return settings;
    }

    @Override
    public Admission admit(PlaybackSession candidate, int maxConnections, LimitPolicy policy, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        requireLimit(maxConnections, policy, now);
        List<String> args = common();
        args.addAll(List.of(TimeText.of(now), Integer.toString(maxConnections), policy.name(), candidate.id(),
                candidate.subscriberId(), candidate.deviceKey(), TimeText.of(candidate.started()),
                TimeText.of(candidate.expires())));
        args.addAll(SessionHash.fields(candidate));
        List<Object> result = run(ADMIT, "admit of session " + candidate.id(), args);
        if ("LIMIT".equals(result.get(0))) {
            return new Admission.LimitReached(((Long) result.get(1)).intValue());
        }
        return new Admission.Admitted(candidate, texts(result, 1, result.size()));
    }

    @Override
    public Admission readmit(String sessionId, int maxConnections, LimitPolicy policy, Instant now) {
        requireLimit(maxConnections, policy, now);
        if (!SessionIds.isWellFormed(sessionId)) {
            return new Admission.Gone();
        }
        List<String> args = common();
        args.addAll(List.of(TimeText.of(now), Integer.toString(maxConnections), policy.name(), sessionId));
        List<Object> result = run(READMIT, "readmit of session " + sessionId, args);
        return switch ((String) result.get(0)) {
            case "GONE" -> new Admission.Gone();
            case "LIMIT" -> new Admission.LimitReached(((Long) result.get(1)).intValue());
            default -> {
                int evicted = ((Long) result.get(1)).intValue();
                List<String> ended = texts(result, 2, 2 + evicted);
                Map<String, String> hash = hash(texts(result, 2 + evicted, result.size()));
                yield new Admission.Admitted(SessionHash.session(sessionId, hash), ended);
            }
        };
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        if (!SessionIds.isWellFormed(sessionId)) {
            return Optional.empty();
        }
        Map<String, String> hash = call("find of session " + sessionId,
                () -> redis.hgetall(settings.prefix() + "s:" + sessionId));
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SessionHash.record(sessionId, hash, clock.instant()));
    }

    @Override
    public boolean end(String sessionId, EndReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (!SessionIds.isWellFormed(sessionId)) {
            return false;
        }
        List<String> args = common();
        args.addAll(List.of(TimeText.of(clock.instant()), sessionId, reason.name()));
        return (Long) run(END, "end of session " + sessionId, args) == 1L;
    }

    @Override
    public List<EndedSession> report(Collection<SessionActivity> activity) {
        List<SessionActivity> all = List.copyOf(activity);
        List<EndedSession> ended = new ArrayList<>();
        for (int from = 0; from < all.size(); from += REPORT_BATCH) {
            List<SessionActivity> batch = all.subList(from, Math.min(all.size(), from + REPORT_BATCH));
            List<String> args = common();
            args.add(TimeText.of(clock.instant()));
            for (SessionActivity seen : batch) {
                if (seen.bytesDelta() < 0) {
                    throw new IllegalArgumentException("session " + seen.sessionId() + " reported "
                            + seen.bytesDelta() + " bytes: a delta is never negative");
                }
                args.add(seen.sessionId());
                args.add(TimeText.of(seen.lastSeen()));
                args.add(Long.toString(seen.bytesDelta()));
            }
            List<Object> gone = run(REPORT, "report of " + batch.size() + " sessions' activity", args);
            for (int i = 0; i + 1 < gone.size(); i += 2) {
                String reason = (String) gone.get(i + 1);
                ended.add(new EndedSession((String) gone.get(i), reason.isEmpty() ? null : EndReason.valueOf(reason)));
            }
        }
        return ended;
    }

    @Override
    public List<SessionRecord> list() {
        return listed("all", "list of sessions");
    }

    @Override
    public List<SessionRecord> listBySubscriber(String subscriberId) {
        Objects.requireNonNull(subscriberId, "subscriberId");
        return listed("sub:" + subscriberId, "list of subscriber " + subscriberId + "'s sessions");
    }

    @Override
    public void onEnded(BiConsumer<String, EndReason> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public int purge(Instant before) {
        Objects.requireNonNull(before, "before");
        int forgotten = 0;
        while (true) {
            List<String> args = common();
            args.addAll(List.of(TimeText.of(before), Integer.toString(PURGE_BATCH)));
            List<Object> result = run(PURGE, "purge of sessions over before " + before, args);
            forgotten += ((Long) result.get(0)).intValue();
            if ((Long) result.get(1) == 0L) {
                return forgotten;
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (events != null) {
            events.close();
        }
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, settings.commandTimeout());
    }

    private List<SessionRecord> listed(String set, String operation) {
        List<Object> result = run(LIST, operation, withArgs(set));
        Instant now = clock.instant();
        List<SessionRecord> records = new ArrayList<>(result.size());
        for (Object entry : result) {
            @SuppressWarnings("unchecked")
            List<Object> fields = (List<Object>) entry;
            SessionRecord record = SessionHash.record((String) fields.get(0), hash(texts(fields, 1, fields.size())), now);
            if (record.state() != SessionState.ENDED) {
                records.add(record);
            }
        }
        records.sort(OLDEST_FIRST);
        return records;
    }

    private List<String> withArgs(String... args) {
        List<String> all = common();
        all.addAll(List.of(args));
        return all;
    }

    /** ARGV 1 to 3 of every script (see common.lua). */
    private List<String> common() {
        List<String> args = new ArrayList<>(32);
        args.add(settings.prefix());
        args.add(Long.toString(settings.retention().toMillis()));
        args.add(instance);
        return args;
    }

    /** Runs a script, tells this instance's listeners of the sessions it ended, and returns its own result. */
    @SuppressWarnings("unchecked")
    private <T> T run(LuaScript script, String operation, List<String> args) {
        List<Object> reply = call(operation, () -> script.run(redis, ScriptOutputType.MULTI, args.toArray(String[]::new)));
        List<Object> ended = (List<Object>) reply.get(1);
        for (int i = 0; i + 1 < ended.size(); i += 2) {
            announce((String) ended.get(i), EndReason.valueOf((String) ended.get(i + 1)));
        }
        return (T) reply.get(0);
    }

    private <T> T call(String operation, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("HWDUPLICATE")) {
                throw new IllegalArgumentException(e.getMessage().substring("HWDUPLICATE ".length()), e);
            }
            throw failed(operation, e);
        } catch (RedisException e) {
            throw failed(operation, e);
        }
    }

    private RedisSessionException failed(String operation, RedisException e) {
        return new RedisSessionException("Redis " + settings.maskedUrl() + ": " + operation + " failed: "
                + e.getMessage(), e);
    }

    /** A message of the pub/sub channel: {@code <id> <reason> <instance>}; this instance's own were told already. */
    private void heard(String message) {
        String[] parts = message.split(" ");
        if (parts.length != 3 || !SessionIds.isWellFormed(parts[0])) {
            LOG.warn("Ignoring a malformed message on Redis channel {}: {}", channel, message);
            return;
        }
        if (parts[2].equals(instance)) {
            return;
        }
        try {
            announce(parts[0], EndReason.valueOf(parts[1]));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring an end of session {} with the unknown reason {}", parts[0], parts[1]);
        }
    }

    private void announce(String sessionId, EndReason reason) {
        for (BiConsumer<String, EndReason> listener : listeners) {
            try {
                listener.accept(sessionId, reason);
            } catch (RuntimeException e) {
                LOG.warn("A listener of ended sessions failed on session {} ({})", sessionId, reason, e);
            }
        }
    }

    private static void requireLimit(int maxConnections, LimitPolicy policy, Instant now) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections is " + maxConnections + ": must be at least 1");
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
    }

    private static List<String> texts(List<Object> values, int from, int to) {
        List<String> texts = new ArrayList<>(to - from);
        for (Object value : values.subList(from, to)) {
            texts.add((String) value);
        }
        return texts;
    }

    private static Map<String, String> hash(List<String> flat) {
        Map<String, String> hash = HashMap.newHashMap(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            hash.put(flat.get(i), flat.get(i + 1));
        }
        return hash;
    }

    /** Logs losing Redis once at WARN (not when closing) and getting it back at INFO. */
    private final class ReachabilityLog implements RedisConnectionStateListener {

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!closed.get() && unreachable.compareAndSet(false, true)) {
                LOG.warn("Redis {} is unreachable: session commands fail until it is back (reconnecting)",
                        settings.maskedUrl());
            }
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (unreachable.compareAndSet(true, false)) {
                LOG.info("Redis {} is reachable again at {}", settings.maskedUrl(), address);
            }
        }
    }
}
