package headwater.domain.session;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens, resumes, lists and ends playback sessions, and keeps this node's cache of the ones it serves.
 *
 * <p>Opening: {@link Entitlement} picks the rendition, this node's {@link EgressLedger} reserves its bitrate, the
 * {@link SessionRegistry} admits it under the subscriber's {@code maxConnections} (their own, not their plan's) and
 * the limit policy; a refusal gives the reservation back. Every outcome is told to {@link SessionEvents}. The egress
 * of a session is reserved on the node that serves it while it is ACTIVE there, and released when it ends or goes
 * idle there. An end announced by the registry (from any node) marks the cached session ended at once, so that its
 * next request gets 403 and a running TS stream stops; an announcement this node missed (it was away from Redis)
 * is made up for by the registry's answer to {@link #tick}'s report, which re-validates every cached session at
 * least every {@link #RECHECK_EVERY}.
 *
 * <p>{@link #cached} and {@link ActiveSession}'s reads never block; {@link #open}, {@link #load}, {@link #resume},
 * {@link #end}, the lists and {@link #tick} may (the registry may be Redis) and must not run on an event loop.
 */
public final class SessionService implements AutoCloseable {

    /** Ended and expired sessions are forgotten by the registry this long after. */
    public static final Duration PURGE_AFTER = Duration.ofHours(1);
    static final Duration PURGE_EVERY = Duration.ofMinutes(5);
    /** An ended session stays cached this long, so its late requests get 403 without asking the registry. */
    static final Duration ENDED_KEPT = Duration.ofMinutes(1);
    /** An idle session silent this long leaves the cache; a request brings it back through {@link #load}. */
    static final Duration IDLE_KEPT = Duration.ofMinutes(10);
    /**
     * Every cached session that is not ended is reported at least this often, with or without news, so that one
     * ended while this node did not hear it (Redis pub/sub keeps nothing) is ended here by the registry's answer.
     */
    public static final Duration RECHECK_EVERY = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(SessionService.class.getName());

    private final SubscriberDirectory subscribers;
    private final ChannelDirectory channels;
    private final VodDirectory vod;
    private final SessionRegistry registry;
    private final EgressLedger egress;
    private final SessionTokens tokens;
    private final SessionSettings settings;
    private final SessionEvents events;
    private final Clock clock;
    private final Entitlement entitlement;
    private final Map<String, ActiveSession> cache = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Instant lastPurge;
    private Instant lastRecheck;

    /** Session control without films or episodes ({@link VodDirectory#NONE}): live and archive targets only. */
    public SessionService(SubscriberDirectory subscribers, ChannelDirectory channels, RenditionMeter meter,
                          SessionRegistry registry, EgressLedger egress, SessionTokens tokens,
                          SessionSettings settings, SessionEvents events, Clock clock) {
        this(subscribers, channels, VodDirectory.NONE, meter, registry, egress, tokens, settings, events, clock);
    }

    /**
     * @param channels what live and archive targets are checked against
     * @param vod      what film and episode targets are checked against
     */
    public SessionService(SubscriberDirectory subscribers, ChannelDirectory channels, VodDirectory vod,
                          RenditionMeter meter, SessionRegistry registry, EgressLedger egress, SessionTokens tokens,
                          SessionSettings settings, SessionEvents events, Clock clock) {
        this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.vod = Objects.requireNonNull(vod, "vod");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.egress = Objects.requireNonNull(egress, "egress");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entitlement = new Entitlement(meter, settings.defaultBitsPerSecond());
        registry.onEnded(this::endedByRegistry);
    }

    /** Opens a session for {@code request}. Blocking. */
    public Opening open(SessionRequest request) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        Subscriber subscriber = subscribers.subscriber(request.subscriberId()).orElse(null);
        TargetEntry target = entryOf(request.target());
        Entitlement.Decision decision = entitlement.decide(subscriber, planOf(subscriber), target, request, now);
        if (decision instanceof Entitlement.Decision.Denied denied) {
            events.denied(denied.reason(), request);
            return new Opening.Denied(denied.reason());
        }
        Rendition rendition = ((Entitlement.Decision.Granted) decision).rendition();
        PlaybackSession session = new PlaybackSession(SessionIds.next(), subscriber.id(), request.target(),
                rendition.channelId(), request.format(), request.deviceKey(), request.clientAddress(),
                request.userAgent(), now, now.plus(settings.lifetime()), rendition.bitsPerSecond(),
                settings.idleAfter(rendition), settings.nodeId());
        ActiveSession active = new ActiveSession(session, tokens.sign(session), SessionState.ACTIVE, clock,
                settings.bindToAddress());
        if (!egress.reserve(session.id(), session.meteredAs(), session.reservedBitsPerSecond())) {
            events.busy(request, session.reservedBitsPerSecond());
            return new Opening.Busy(settings.retryAfter());
        }
        // Cached before it is admitted, so that an end announced right after admission finds it.
        cache.put(session.id(), active);
        Admission admission;
        try {
            admission = registry.admit(session, subscriber.maxConnections(), settings.policy(), now);
        } catch (RuntimeException e) {
            forget(active);
            throw e;
        }
        if (admission instanceof Admission.Admitted) {
            active.registered();
            events.opened(session);
            return new Opening.Opened(active);
        }
        forget(active);
        if (admission instanceof Admission.LimitReached) {
            events.denied(Denial.CONNECTION_LIMIT, request);
            return new Opening.Denied(Denial.CONNECTION_LIMIT);
        }
        throw new IllegalStateException("the registry answered a new session's admission with " + admission);
    }

    /** The session if this node holds it. Never blocks: the hot path. */
    public Optional<ActiveSession> cached(String sessionId) {
        return Optional.ofNullable(cache.get(sessionId));
    }

    /**
     * The session of a token the caller has verified, from the registry when this node does not hold it yet (it was
     * opened on another node, or left the cache while idle). It comes IDLE here: {@link #resume} it before serving.
     * Blocking.
     *
     * @return empty when the session is unknown, ended or expired
     */
    public Optional<ActiveSession> load(String sessionId, String verifiedToken) {
        ActiveSession present = cache.get(sessionId);
        if (present != null) {
            return Optional.of(present);
        }
        Optional<SessionRecord> record = registry.find(sessionId);
        if (record.isEmpty() || record.get().state() == SessionState.ENDED) {
            return Optional.empty();
        }
        ActiveSession loaded = new ActiveSession(record.get().session(), verifiedToken, SessionState.IDLE, clock,
                settings.bindToAddress());
        loaded.registered();
        ActiveSession raced = cache.putIfAbsent(sessionId, loaded);
        return Optional.of(raced != null ? raced : loaded);
    }

    /**
     * Admits a session that {@link ActiveSession#needsResume() needs it} again: the subscriber's rights are checked
     * again (a loss ends it, {@link EndReason#REVOKED}), then this node's egress and the subscriber's limit. A
     * session that is playing already just answers {@link Resumption.Resumed}. Blocking.
     */
    public Resumption resume(ActiveSession active) {
        active.transition.lock();
        try {
            if (active.ended()) {
                return new Resumption.Gone();
            }
            long nowMillis = clock.millis();
            if (active.state() == SessionState.ACTIVE) {
                if (!active.silentAt(nowMillis)) {
                    return new Resumption.Resumed(active);
                }
                goIdle(active, nowMillis);
            }
            return readmit(active, nowMillis);
        } finally {
            active.transition.unlock();
        }
    }

    /**
     * Ends a session, wherever it plays (an operator's request): the registry announces it to every node.
     *
     * @return whether it was live (not ended or expired yet)
     */
    public boolean end(String sessionId, EndReason reason) {
        boolean ended = registry.end(sessionId, reason);
        ActiveSession active = cache.get(sessionId);
        if (ended && active != null) {
            endLocally(active, reason);
        }
        return ended;
    }

    /** The live sessions of every node, oldest first. Blocking. */
    public List<SessionView> list() {
        return registry.list().stream().map(r -> SessionView.of(r, cache.get(r.session().id()))).toList();
    }

    /** One subscriber's live sessions, oldest first. Blocking. */
    public List<SessionView> listBySubscriber(String subscriberId) {
        return registry.listBySubscriber(subscriberId).stream().map(r -> SessionView.of(r, cache.get(r.session().id()))).toList();
    }

    /** How many sessions this node holds in {@code state} (ACTIVE: with an egress reservation here). */
    public int localCount(SessionState state) {
        int count = 0;
        for (ActiveSession active : cache.values()) {
            if (active.state() == state) {
                count++;
            }
        }
        return count;
    }

    /**
     * Housekeeping, run by the application every {@link SessionSettings#reportInterval()}: sessions silent past their
     * {@code idleAfter} go idle here (their egress is released), expired ones end, what was served is reported to
     * the registry in one batch (and every cached session that is not ended, news or not, at least every
     * {@link #RECHECK_EVERY}), the reported sessions the registry answers ended, expired or unknown end here as if
     * their end had been announced, ended sessions and long idle ones leave the cache, and the registry forgets what
     * ended more than {@link #PURGE_AFTER} ago. A registry failure is logged and its report retried next time.
     * Calls do not overlap.
     */
    public synchronized void tick() {
        long nowMillis = clock.millis();
        Instant now = Instant.ofEpochMilli(nowMillis);
        List<SessionActivity> activity = new ArrayList<>();
        List<ActiveSession> reporting = new ArrayList<>();
        List<ActiveSession> leaving = new ArrayList<>();
        boolean recheck = lastRecheck == null || !now.isBefore(lastRecheck.plus(RECHECK_EVERY));
        for (ActiveSession active : cache.values()) {
            if (!active.ended() && !now.isBefore(active.session().expires())) {
                endLocally(active, EndReason.EXPIRED);
            }
            active.sample(nowMillis);
            if (active.state() == SessionState.ACTIVE && active.silentAt(nowMillis) && active.transition.tryLock()) {
                try {
                    goIdle(active, nowMillis);
                } finally {
                    active.transition.unlock();
                }
            }
            SessionActivity seen = active.isRegistered() ? active.activity(recheck && !active.ended()) : null;
            if (seen != null) {
                activity.add(seen);
                reporting.add(active);
            }
            if (leavesCache(active, nowMillis)) {
                leaving.add(active);
            }
        }
        try {
            if (!activity.isEmpty()) {
                List<EndedSession> ended = registry.report(activity);
                for (int i = 0; i < reporting.size(); i++) {
                    reporting.get(i).reported(activity.get(i));
                }
                endReported(ended);
            }
            if (recheck) {
                lastRecheck = now;
            }
            if (lastPurge == null || !now.isBefore(lastPurge.plus(PURGE_EVERY))) {
                lastPurge = now;
                registry.purge(now.minus(PURGE_AFTER));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reporting " + activity.size()
                    + " sessions' activity to the session registry failed; retried next tick", e);
        }
        for (ActiveSession active : leaving) {
            cache.remove(active.id(), active);
        }
    }

    /** What the directories know of a target: its channel, film or episode, or null when unknown. Blocking. */
    private TargetEntry entryOf(PlaybackTarget target) {
        return switch (target) {
            case PlaybackTarget.Live live -> channels.channel(live.channelId()).orElse(null);
            case PlaybackTarget.Archive archive -> channels.channel(archive.channelId()).orElse(null);
            case PlaybackTarget.Movie movie -> vod.movie(movie.movieId()).orElse(null);
            case PlaybackTarget.Episode episode -> vod.episode(episode.episodeId()).orElse(null);
        };
    }

    /** Stops listening to the registry and gives back this node's reservations; sessions stay in the registry. */
    @Override
    public void close() {
        closed = true;
        for (ActiveSession active : cache.values()) {
            egress.release(active.id());
        }
        cache.clear();
    }

    private Resumption readmit(ActiveSession active, long nowMillis) {
        PlaybackSession session = active.session();
        Instant now = Instant.ofEpochMilli(nowMillis);
        SessionRequest request = new SessionRequest(session.subscriberId(), session.target(), session.format(),
                session.deviceKey(), session.clientAddress(), session.userAgent());
        Subscriber subscriber = subscribers.subscriber(session.subscriberId()).orElse(null);
        TargetEntry target = entryOf(session.target());
        Optional<Denial> refusal = entitlement.refusal(subscriber, planOf(subscriber), target, request, now);
        if (refusal.isPresent()) {
            registry.end(session.id(), EndReason.REVOKED);
            endLocally(active, EndReason.REVOKED);
            events.denied(refusal.get(), request);
            return new Resumption.Refused(refusal.get());
        }
        if (!egress.reserve(session.id(), session.meteredAs(), session.reservedBitsPerSecond())) {
            events.busy(request, session.reservedBitsPerSecond());
            return new Resumption.Busy(settings.retryAfter());
        }
        Admission admission;
        try {
            admission = registry.readmit(session.id(), subscriber.maxConnections(), settings.policy(), now);
        } catch (RuntimeException e) {
            egress.release(session.id());
            throw e;
        }
        return switch (admission) {
            case Admission.Admitted admitted -> {
                if (!active.markActive(nowMillis)) {
                    egress.release(session.id());
                    yield new Resumption.Gone();
                }
                events.resumed(session);
                yield new Resumption.Resumed(active);
            }
            case Admission.LimitReached limit -> {
                egress.release(session.id());
                events.denied(Denial.CONNECTION_LIMIT, request);
                yield new Resumption.Refused(Denial.CONNECTION_LIMIT);
            }
            case Admission.Gone gone -> {
                egress.release(session.id());
                endLocally(active, registry.find(session.id()).map(SessionRecord::endReason)
                        .orElse(EndReason.EXPIRED));
                yield new Resumption.Gone();
            }
        };
    }

    /**
     * Ends here what the registry answered a report with: an end this node did not hear. Unknown to the registry
     * (purged, or lost with its data) counts as expired, as in {@link #readmit}.
     */
    private void endReported(List<EndedSession> ended) {
        for (EndedSession gone : ended) {
            ActiveSession active = cache.get(gone.sessionId());
            if (active != null) {
                endLocally(active, gone.unknown() ? EndReason.EXPIRED : gone.reason());
            }
        }
    }

    /** Ended for a while, or idle for long. */
    private static boolean leavesCache(ActiveSession active, long nowMillis) {
        if (active.ended()) {
            return nowMillis - active.endedMillis() >= ENDED_KEPT.toMillis();
        }
        return active.state() == SessionState.IDLE && nowMillis - active.lastSeenMillis() > IDLE_KEPT.toMillis();
    }

    private void goIdle(ActiveSession active, long nowMillis) {
        if (active.markIdle(nowMillis)) {
            egress.release(active.id());
            events.idle(active.session());
        }
    }

    private void endLocally(ActiveSession active, EndReason reason) {
        if (active.markEnded(reason, clock.millis())) {
            egress.release(active.id());
            if (active.session().node().equals(settings.nodeId())) {
                events.ended(active.id(), reason);
            }
        }
    }

    private void endedByRegistry(String sessionId, EndReason reason) {
        if (closed) {
            return;
        }
        ActiveSession active = cache.get(sessionId);
        if (active != null) {
            endLocally(active, reason);
        }
    }

    /** A session that was never admitted leaves no trace. */
    private void forget(ActiveSession active) {
        cache.remove(active.id(), active);
        egress.release(active.id());
    }

    private Plan planOf(Subscriber subscriber) {
        return subscriber == null || subscriber.planId() == null ? null
                : subscribers.plan(subscriber.planId()).orElse(null);
    }
}
