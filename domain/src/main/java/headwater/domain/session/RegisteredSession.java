package headwater.domain.session;

import java.time.Instant;

/** One session's state in the {@link MemorySessionRegistry}, guarded by its {@link SubscriberSlots}. */
final class RegisteredSession {
    final PlaybackSession session;
    SessionState state = SessionState.ACTIVE;
    EndReason endReason;
    Instant endedAt;
    Instant lastSeen;
    long bytes;

    RegisteredSession(PlaybackSession session, Instant now) {
        this.session = session;
        this.lastSeen = now;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(session.expires());
    }

    boolean silentAt(Instant now) {
        return lastSeen.plus(session.idleAfter()).isBefore(now);
    }

    void seen(Instant when) {
        if (when.isAfter(lastSeen)) {
            lastSeen = when;
        }
    }

    void end(EndReason reason, Instant now) {
        state = SessionState.ENDED;
        endReason = reason;
        endedAt = now;
    }

    SessionRecord record(Instant now) {
        if (state != SessionState.ENDED && expiredAt(now)) {
            return new SessionRecord(session, SessionState.ENDED, EndReason.EXPIRED, lastSeen, bytes);
        }
        SessionState seen = state == SessionState.ACTIVE && silentAt(now) ? SessionState.IDLE : state;
        return new SessionRecord(session, seen, endReason, lastSeen, bytes);
    }
}
