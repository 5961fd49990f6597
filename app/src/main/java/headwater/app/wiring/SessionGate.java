package headwater.app.wiring;

import headwater.delivery.ClientInfo;
import headwater.delivery.GateDecision;
import headwater.delivery.PlaybackGate;
import headwater.delivery.StreamFormat;
import headwater.domain.session.ActiveSession;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.Resumption;
import headwater.domain.session.SessionService;
import headwater.domain.subscriber.OutputFormat;
import headwater.security.token.PlaybackTokens;
import headwater.security.token.TokenCheck;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery's {@link PlaybackGate} over the session service and the playback tokens: decides every media request
 * before any other work.
 *
 * <p>Fast path (a session this node serves, the common case): the token's session id finds the cached session; the
 * presented token is compared with the session's in constant time (so it needs no HMAC: the cached token was signed
 * or verified here), then the scope the path asks for (compared whole with the session's target: {@code live/…},
 * {@code archive/…/{start}-{seconds}}, {@code movie/…}, {@code episode/…}) and its format (HLS or TS; not for a film
 * or episode, a file served with byte ranges), the session's state, expiry and (with
 * {@code sessions.bindToAddress}) address. A session that went idle is resumed on a worker thread
 * ({@link GateDecision.Later}). A session this node does not hold is verified in full (HMAC, old keys accepted until
 * they are purged) and then loaded from the registry on a worker thread.
 *
 * <p>Every refusal is logged (at DEBUG, with its reason and at most the first 8 characters of the session id, never
 * the token) and counted per reason ({@link SessionMetrics}); the client gets the same 403 whatever the reason.
 */
public final class SessionGate implements PlaybackGate {

    private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);

    /** Why a media request was refused; counted as {@code headwater_sessions_refused_total{reason}}. */
    public enum Refusal {
        /** Not the shape of a token. */
        MALFORMED,
        /** Signed with a key this node does not know (never made, or purged after its retirement). */
        UNKNOWN_KEY,
        /** The signature does not match: tampered, or for another scope. */
        BAD_SIGNATURE,
        /** The token's expiry has passed. */
        EXPIRED,
        /** A well-formed token for a known session, but not the session's token. */
        TOKEN_MISMATCH,
        /** The token opens another channel (scopes are compared whole: ch1 is not ch10). */
        WRONG_SCOPE,
        /** An HLS session asking for the TS stream, or the other way round (live and archive sessions). */
        WRONG_FORMAT,
        /** {@code sessions.bindToAddress}: another address than the one it was opened from. */
        WRONG_ADDRESS,
        /** Ended (operator, evicted, replaced, revoked) or unknown to the registry. */
        ENDED,
        /** Resuming an idle session failed its entitlement or the subscriber's limit again. */
        RESUME_REFUSED,
        /** The gate's workers are all busy and their queue is full. */
        OVERLOADED
    }

    private final SessionService sessions;
    private final PlaybackTokens tokens;
    private final Executor blocking;
    private final SessionMetrics metrics;
    private final Clock clock;

    /**
     * @param blocking runs the registry calls (load, resume); a bounded executor: when it refuses, the request gets
     *                 503 with a short Retry-After
     */
    public SessionGate(SessionService sessions, PlaybackTokens tokens, Executor blocking, SessionMetrics metrics,
                       Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.blocking = blocking;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public GateDecision check(String token, String scope, StreamFormat format, ClientInfo client) {
        String sessionId = PlaybackTokens.sessionIdOf(token);
        if (sessionId == null) {
            return refuse(Refusal.MALFORMED, null);
        }
        Optional<ActiveSession> cached = sessions.cached(sessionId);
        if (cached.isPresent()) {
            ActiveSession active = cached.get();
            if (!PlaybackTokens.sameToken(token, active.token())) {
                return refuse(Refusal.TOKEN_MISMATCH, sessionId);
            }
            return admit(active, scope, format, client);
        }
        TokenCheck check = tokens.verify(token, scope, clock.millis() / 1000);
        if (check instanceof TokenCheck.Invalid invalid) {
            return refuse(switch (invalid.reason()) {
                case MALFORMED -> Refusal.MALFORMED;
                case UNKNOWN_KEY -> Refusal.UNKNOWN_KEY;
                case BAD_SIGNATURE -> Refusal.BAD_SIGNATURE;
                case EXPIRED -> Refusal.EXPIRED;
            }, sessionId);
        }
        return later(() -> sessions.load(sessionId, token)
                .map(active -> admitBlocking(active, scope, format, client))
                .orElseGet(() -> refuse(Refusal.ENDED, sessionId)));
    }

    /** The checks on a session whose token matched; resumes on a worker when it is idle. Never blocks. */
    private GateDecision admit(ActiveSession active, String scope, StreamFormat format, ClientInfo client) {
        Optional<Refusal> refusal = refusal(active, scope, format, client);
        if (refusal.isPresent()) {
            return refuse(refusal.get(), active.id());
        }
        if (active.needsResume()) {
            return later(() -> resume(active));
        }
        return new GateDecision.Pass(metrics.viewer(active));
    }

    /** {@link #admit} on a worker thread: resumes at once instead of handing over again. */
    private GateDecision admitBlocking(ActiveSession active, String scope, StreamFormat format, ClientInfo client) {
        Optional<Refusal> refusal = refusal(active, scope, format, client);
        if (refusal.isPresent()) {
            return refuse(refusal.get(), active.id());
        }
        return resume(active);
    }

    private Optional<Refusal> refusal(ActiveSession active, String scope, StreamFormat format, ClientInfo client) {
        PlaybackSession session = active.session();
        if (!active.scope().equals(scope)) {
            return Optional.of(Refusal.WRONG_SCOPE);
        }
        if (!isVod(session.target()) && !sameFormat(session.format(), format)) {
            return Optional.of(Refusal.WRONG_FORMAT);
        }
        if (active.ended()) {
            return Optional.of(Refusal.ENDED);
        }
        if (clock.millis() >= session.expires().toEpochMilli()) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (!active.acceptsFrom(client.address())) {
            return Optional.of(Refusal.WRONG_ADDRESS);
        }
        return Optional.empty();
    }

    /**
     * Whether a live or archive session of {@code opened} may serve a request of {@code asked}: HLS for HLS, TS for
     * TS, by name, so that any other way of serving (a whole file) is refused for them.
     */
    private static boolean sameFormat(OutputFormat opened, StreamFormat asked) {
        return opened.name().equals(asked.name());
    }

    /**
     * A film or episode is one file served with byte ranges whatever the client asked for when it opened the
     * session, so its format is not compared (its scope still is, whole).
     */
    private static boolean isVod(PlaybackTarget target) {
        return target instanceof PlaybackTarget.Movie || target instanceof PlaybackTarget.Episode;
    }

    /** Blocking: the registry re-admits an idle session (limit and egress checked again). */
    private GateDecision resume(ActiveSession active) {
        if (!active.needsResume()) {
            return active.ended() ? refuse(Refusal.ENDED, active.id()) : new GateDecision.Pass(metrics.viewer(active));
        }
        return switch (sessions.resume(active)) {
            case Resumption.Resumed resumed -> new GateDecision.Pass(metrics.viewer(resumed.session()));
            case Resumption.Gone gone -> refuse(Refusal.ENDED, active.id());
            case Resumption.Refused refused -> {
                LOG.debug("session {}… not resumed: {}", shortId(active.id()), refused.reason());
                yield refuse(Refusal.RESUME_REFUSED, active.id());
            }
            case Resumption.Busy busy -> {
                metrics.busy();
                yield new GateDecision.Busy(seconds(busy.retryAfter().toSeconds()));
            }
        };
    }

    private GateDecision later(java.util.function.Supplier<GateDecision> work) {
        try {
            return new GateDecision.Later(CompletableFuture.supplyAsync(() -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    LOG.warn("a media request's session could not be checked (answered 503): {}", e.toString());
                    return new GateDecision.Busy(1);
                }
            }, blocking));
        } catch (RejectedExecutionException e) {
            metrics.refused(Refusal.OVERLOADED);
            return new GateDecision.Busy(1);
        }
    }

    private GateDecision refuse(Refusal reason, String sessionId) {
        metrics.refused(reason);
        if (LOG.isDebugEnabled()) {
            LOG.debug("media request refused ({}) for session {}…", reason, shortId(sessionId));
        }
        return GateDecision.REFUSE;
    }

    private static int seconds(long seconds) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    /** The first 8 characters of a session id: enough to find it in the session list, never the token. */
    static String shortId(String sessionId) {
        return sessionId == null ? "-" : sessionId.substring(0, Math.min(8, sessionId.length()));
    }
}
