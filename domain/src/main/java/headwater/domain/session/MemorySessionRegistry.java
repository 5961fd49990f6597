package headwater.domain.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The {@link SessionRegistry} of a single node: sessions in memory, each subscriber's under a lock of its own, so
 * admissions for one subscriber are atomic while different subscribers never wait for each other. Listeners are
 * called on the thread that ended the session, after its subscriber's lock is released. Expiry is not announced:
 * an expired session is reported ENDED ({@link EndReason#EXPIRED}) from its expiry on.
 *
 * @see SessionRegistry for the admission rules
 */
public final class MemorySessionRegistry implements SessionRegistry {

    private static final System.Logger LOG = System.getLogger(MemorySessionRegistry.class.getName());

    private final Clock clock;
    private final Map<String, SubscriberSlots> bySubscriber = new ConcurrentHashMap<>();
    private final Map<String, SubscriberSlots> byId = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, EndReason>> listeners = new CopyOnWriteArrayList<>();

    /** @param clock tells {@link #find} and {@link #list} which sessions have expired or gone idle */
    public MemorySessionRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Admission admit(PlaybackSession candidate, int maxConnections, LimitPolicy policy, Instant now) {
        requireLimit(maxConnections, policy);
        List<RegisteredSession> ended = new ArrayList<>();
        Admission admission;
        while (true) {
            SubscriberSlots slots = bySubscriber.computeIfAbsent(candidate.subscriberId(), id -> new SubscriberSlots());
            synchronized (slots) {
                if (slots.retired) {
                    continue;
                }
                slots.settle(now);
                List<RegisteredSession> sameDevice = slots.sessions.stream().filter(s -> s.state != SessionState.ENDED
                        && s.session.deviceKey().equals(candidate.deviceKey())).toList();
                int active = slots.active();
                long activeElsewhere = active - sameDevice.stream().filter(s -> s.state == SessionState.ACTIVE).count();
                if (activeElsewhere >= maxConnections && policy == LimitPolicy.REFUSE_NEW) {
                    return new Admission.LimitReached(active);
                }
                if (byId.putIfAbsent(candidate.id(), slots) != null) {
                    throw new IllegalArgumentException("session " + candidate.id() + " exists already");
                }
                for (RegisteredSession replaced : sameDevice) {
                    replaced.end(EndReason.REPLACED, now);
                    ended.add(replaced);
                }
                ended.addAll(slots.evictUntilBelow(maxConnections, now));
                slots.sessions.add(new RegisteredSession(candidate, now));
                admission = new Admission.Admitted(candidate, ended.stream().map(s -> s.session.id()).toList());
            }
            break;
        }
        announce(ended);
        return admission;
    }

    @Override
    public Admission readmit(String sessionId, int maxConnections, LimitPolicy policy, Instant now) {
        requireLimit(maxConnections, policy);
        SubscriberSlots slots = byId.get(sessionId);
        if (slots == null) {
            return new Admission.Gone();
        }
        List<RegisteredSession> evicted;
        Admission admission;
        synchronized (slots) {
            RegisteredSession slot = slots.find(sessionId);
            if (slot == null) {
                return new Admission.Gone();
            }
            slots.settle(now);
            if (slot.state == SessionState.ENDED) {
                return new Admission.Gone();
            }
            if (slot.state == SessionState.IDLE) {
                int active = slots.active();
                if (active >= maxConnections && policy == LimitPolicy.REFUSE_NEW) {
                    return new Admission.LimitReached(active);
                }
                evicted = slots.evictUntilBelow(maxConnections, now);
                slot.state = SessionState.ACTIVE;
            } else {
                evicted = List.of();
            }
            slot.seen(now);
            admission = new Admission.Admitted(slot.session, evicted.stream().map(s -> s.session.id()).toList());
        }
        announce(evicted);
        return admission;
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        SubscriberSlots slots = byId.get(sessionId);
        if (slots == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (slots) {
            RegisteredSession slot = slots.find(sessionId);
            return slot == null ? Optional.empty() : Optional.of(slot.record(now));
        }
    }

    @Override
    public boolean end(String sessionId, EndReason reason) {
        Objects.requireNonNull(reason, "reason");
        SubscriberSlots slots = byId.get(sessionId);
        if (slots == null) {
            return false;
        }
        Instant now = clock.instant();
        RegisteredSession slot;
        synchronized (slots) {
            slot = slots.find(sessionId);
            if (slot == null || slot.state == SessionState.ENDED || slot.expiredAt(now)) {
                return false;
            }
            slot.end(reason, now);
        }
        announce(List.of(slot));
        return true;
    }

    @Override
    public List<EndedSession> report(Collection<SessionActivity> activity) {
        Instant now = clock.instant();
        List<EndedSession> ended = new ArrayList<>();
        for (SessionActivity seen : activity) {
            SubscriberSlots slots = byId.get(seen.sessionId());
            SessionRecord record = null;
            if (slots != null) {
                synchronized (slots) {
                    RegisteredSession slot = slots.find(seen.sessionId());
                    if (slot != null) {
                        slot.seen(seen.lastSeen());
                        slot.bytes += Math.max(0, seen.bytesDelta());
                        record = slot.record(now);
                    }
                }
            }
            if (record == null) {
                ended.add(new EndedSession(seen.sessionId(), null));
            } else if (record.state() == SessionState.ENDED) {
                ended.add(new EndedSession(seen.sessionId(), record.endReason()));
            }
        }
        return ended;
    }

    @Override
    public List<SessionRecord> list() {
        return live(bySubscriber.values());
    }

    @Override
    public List<SessionRecord> listBySubscriber(String subscriberId) {
        SubscriberSlots slots = bySubscriber.get(subscriberId);
        return slots == null ? List.of() : live(List.of(slots));
    }

    @Override
    public void onEnded(BiConsumer<String, EndReason> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public int purge(Instant before) {
        Instant now = clock.instant();
        int purged = 0;
        for (Map.Entry<String, SubscriberSlots> entry : bySubscriber.entrySet()) {
            SubscriberSlots slots = entry.getValue();
            synchronized (slots) {
                for (Iterator<RegisteredSession> it = slots.sessions.iterator(); it.hasNext(); ) {
                    RegisteredSession slot = it.next();
                    Instant over = slot.state == SessionState.ENDED ? slot.endedAt
                            : slot.expiredAt(now) ? slot.session.expires() : null;
                    if (over != null && over.isBefore(before)) {
                        it.remove();
                        byId.remove(slot.session.id(), slots);
                        purged++;
                    }
                }
                if (slots.sessions.isEmpty()) {
                    slots.retired = true;
                    bySubscriber.remove(entry.getKey(), slots);
                }
            }
        }
        return purged;
    }

    @Override
    public void close() {
        listeners.clear();
    }

    private List<SessionRecord> live(Collection<SubscriberSlots> all) {
        Instant now = clock.instant();
        List<SessionRecord> records = new ArrayList<>();
        for (SubscriberSlots slots : all) {
            synchronized (slots) {
                for (RegisteredSession slot : slots.sessions) {
                    SessionRecord record = slot.record(now);
                    if (record.state() != SessionState.ENDED) {
                        records.add(record);
                    }
                }
            }
        }
        records.sort(Comparator.comparing((SessionRecord r) -> r.session().started())
                .thenComparing(r -> r.session().id()));
        return records;
    }

    private void announce(List<RegisteredSession> ended) {
        for (RegisteredSession slot : ended) {
            for (BiConsumer<String, EndReason> listener : listeners) {
                try {
                    listener.accept(slot.session.id(), slot.endReason);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "an ended-session listener failed", e);
                }
            }
        }
    }

    private static void requireLimit(int maxConnections, LimitPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
    }
}
