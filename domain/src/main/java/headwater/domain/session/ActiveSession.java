package headwater.domain.session;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's handle on a session it serves: the hot path of every media request. {@link #served} and the state
 * reads lock nothing and allocate nothing; state changes belong to {@link SessionService}.
 *
 * <p>{@link #state()} is this node's view: {@link SessionState#ACTIVE} means the session holds an egress
 * reservation here; IDLE means it must be {@link SessionService#resume resumed} before it is served again (also
 * when it was loaded here from the registry, or has been silent past its {@code idleAfter}: see
 * {@link #needsResume()}); ENDED is final.
 */
public final class ActiveSession {

    private final PlaybackSession session;
    private final String token;
    private final Clock clock;
    private final InetAddress boundAddress;
    private final long idleAfterMillis;
    /** The target's scope, made once: every media request compares it. */
    private final String scope;
    private final LongAdder bytes = new LongAdder();
    /** Serialises the blocking resume of one session and its idling by the tick. */
    final ReentrantLock transition = new ReentrantLock();
    private volatile long lastSeenMillis;
    private volatile SessionState state;
    private volatile EndReason endReason;
    private volatile long endedMillis;
    /** Written by the tick only. */
    private volatile long reportedBytes;
    private long reportedSeenMillis;
    private long sampleBytes;
    private long sampleMillis;
    private volatile long bitsPerSecond;
    /**
     * Whether the registry holds it: false between its caching and its admission, when the registry rightly does not
     * know it yet, so the tick neither reports it nor takes "unknown" as its end.
     */
    private volatile boolean registered;

    /**
     * @param bound whether it serves only {@link PlaybackSession#clientAddress()} ({@code sessions.bindToAddress})
     */
    ActiveSession(PlaybackSession session, String token, SessionState state, Clock clock, boolean bound) {
        this.session = Objects.requireNonNull(session, "session");
        this.token = Objects.requireNonNull(token, "token");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (state == SessionState.ENDED) {
            throw new IllegalArgumentException("a session is cached active or idle, not ended");
        }
        this.state = state;
        this.boundAddress = bound ? session.clientAddress() : null;
        this.idleAfterMillis = session.idleAfter().toMillis();
        this.scope = session.target().scope();
        this.lastSeenMillis = clock.millis();
        this.reportedSeenMillis = lastSeenMillis;
        this.sampleMillis = lastSeenMillis;
    }

    public PlaybackSession session() {
        return session;
    }

    public String id() {
        return session.id();
    }

    /** {@code session().target().scope()}, without building the string again. */
    public String scope() {
        return scope;
    }

    /** The token its media URLs carry. */
    public String token() {
        return token;
    }

    /** The channel actually served: the rendition the plan selected. */
    public String rendition() {
        return session.rendition();
    }

    public SessionState state() {
        return state;
    }

    /** Whether it is over: its next request gets 403 and a running TS stream stops. */
    public boolean ended() {
        return state == SessionState.ENDED;
    }

    /** Why it ended, or null while it has not. */
    public EndReason endReason() {
        return endReason;
    }

    /**
     * Counts bytes sent to it (0 for a request without a body) and marks it seen now. One {@link LongAdder} add and
     * one volatile write.
     */
    public void served(long byteCount) {
        bytes.add(byteCount);
        lastSeenMillis = clock.millis();
    }

    /** Bytes served by this node so far. */
    public long bytes() {
        return bytes.sum();
    }

    /** The latest request or chunk on this node, in epoch milliseconds. */
    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    public Instant lastSeen() {
        return Instant.ofEpochMilli(lastSeenMillis);
    }

    /** The bitrate this node sent it during the latest tick interval. */
    public long bitsPerSecond() {
        return bitsPerSecond;
    }

    /**
     * Whether it must be {@link SessionService#resume resumed} before it is served: it is IDLE here, or ACTIVE but
     * silent for longer than its {@code idleAfter} (the registry counts it idle already, whether or not the tick
     * has noticed).
     */
    public boolean needsResume() {
        SessionState now = state;
        return now == SessionState.IDLE || now == SessionState.ACTIVE && silentAt(clock.millis());
    }

    /**
     * Whether a request from {@code address} may use it: always, unless sessions are bound to their address, then
     * only from the address it was opened from.
     */
    public boolean acceptsFrom(InetAddress address) {
        return boundAddress == null || boundAddress.equals(address);
    }

    @Override
    public String toString() {
        return "ActiveSession[" + session.subscriberId() + " " + session.target().scope() + " " + state + "]";
    }

    boolean silentAt(long nowMillis) {
        return nowMillis - lastSeenMillis > idleAfterMillis;
    }

    /** ACTIVE or IDLE to ENDED. @return whether this call ended it */
    synchronized boolean markEnded(EndReason reason, long nowMillis) {
        if (state == SessionState.ENDED) {
            return false;
        }
        endReason = Objects.requireNonNull(reason, "reason");
        endedMillis = nowMillis;
        state = SessionState.ENDED;
        return true;
    }

    /** ACTIVE to IDLE when silent at {@code nowMillis}. @return whether it went idle */
    synchronized boolean markIdle(long nowMillis) {
        if (state != SessionState.ACTIVE || !silentAt(nowMillis)) {
            return false;
        }
        state = SessionState.IDLE;
        return true;
    }

    /** Sets ACTIVE (from ACTIVE or IDLE), seen at {@code nowMillis}. @return false when it ended meanwhile */
    synchronized boolean markActive(long nowMillis) {
        if (state == SessionState.ENDED) {
            return false;
        }
        if (nowMillis > lastSeenMillis) {
            lastSeenMillis = nowMillis;
        }
        state = SessionState.ACTIVE;
        return true;
    }

    /** The registry holds it (admitted, or loaded from it). */
    void registered() {
        registered = true;
    }

    boolean isRegistered() {
        return registered;
    }

    long endedMillis() {
        return endedMillis;
    }

    /** Bytes served here but not reported to the registry yet. */
    long unreportedBytes() {
        return bytes.sum() - reportedBytes;
    }

    /**
     * What to tell the registry since the previous report, or null when nothing happened (unless {@code always}: then
     * no news is reported too, so that the registry's answer re-validates it); call {@link #reported} once the
     * registry has it. Tick thread only.
     */
    SessionActivity activity(boolean always) {
        long total = bytes.sum();
        long seen = lastSeenMillis;
        if (!always && total == reportedBytes && seen <= reportedSeenMillis) {
            return null;
        }
        return new SessionActivity(session.id(), Instant.ofEpochMilli(seen), total - reportedBytes);
    }

    /** The registry has {@code activity}. Tick thread only. */
    void reported(SessionActivity activity) {
        reportedBytes += activity.bytesDelta();
        reportedSeenMillis = Math.max(reportedSeenMillis, activity.lastSeen().toEpochMilli());
    }

    /** Measures the bitrate since the previous sample. Tick thread only. */
    void sample(long nowMillis) {
        long elapsed = nowMillis - sampleMillis;
        if (elapsed <= 0) {
            return;
        }
        long total = bytes.sum();
        bitsPerSecond = (total - sampleBytes) * 8_000 / elapsed;
        sampleBytes = total;
        sampleMillis = nowMillis;
    }
}
