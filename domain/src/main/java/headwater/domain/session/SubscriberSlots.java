package headwater.domain.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One subscriber's sessions in the {@link MemorySessionRegistry}, guarded by this instance's monitor; retired once
 * purge has emptied it (an admission that finds it retired starts a new one).
 */
final class SubscriberSlots {

    private static final Comparator<RegisteredSession> OLDEST_FIRST =
            Comparator.comparing((RegisteredSession s) -> s.session.started()).thenComparing(s -> s.session.id());

    final List<RegisteredSession> sessions = new ArrayList<>();
    boolean retired;

    RegisteredSession find(String sessionId) {
        for (RegisteredSession slot : sessions) {
            if (slot.session.id().equals(sessionId)) {
                return slot;
            }
        }
        return null;
    }

    /** Ends the expired and idles the silent, as of {@code now}. */
    void settle(Instant now) {
        for (RegisteredSession slot : sessions) {
            if (slot.state == SessionState.ENDED) {
                continue;
            }
            if (slot.expiredAt(now)) {
                slot.state = SessionState.ENDED;
                slot.endReason = EndReason.EXPIRED;
                slot.endedAt = slot.session.expires();
            } else if (slot.silentAt(now)) {
                slot.state = SessionState.IDLE;
            }
        }
    }

    int active() {
        int active = 0;
        for (RegisteredSession slot : sessions) {
            if (slot.state == SessionState.ACTIVE) {
                active++;
            }
        }
        return active;
    }

    /** Under END_OLDEST: ends the active sessions that started first until fewer than {@code max} are left. */
    List<RegisteredSession> evictUntilBelow(int max, Instant now) {
        List<RegisteredSession> active = new ArrayList<>();
        for (RegisteredSession slot : sessions) {
            if (slot.state == SessionState.ACTIVE) {
                active.add(slot);
            }
        }
        if (active.size() < max) {
            return List.of();
        }
        active.sort(OLDEST_FIRST);
        List<RegisteredSession> evicted = new ArrayList<>();
        for (int i = 0; active.size() - i >= max; i++) {
            RegisteredSession oldest = active.get(i);
            oldest.end(EndReason.EVICTED, now);
            evicted.add(oldest);
        }
        return evicted;
    }
}
