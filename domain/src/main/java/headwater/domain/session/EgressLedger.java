package headwater.domain.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * This node's egress budget: the bitrate reserved by the sessions it serves, which never exceeds its capacity however
 * many admissions race. A session holds at most one reservation here, keyed by its id. Thread-safe; reads of the
 * total do not lock.
 */
public final class EgressLedger {

    private record Reservation(String channelId, long bitsPerSecond) {
    }

    private final long capacity;
    private final Map<String, Reservation> bySession = new HashMap<>();
    private final Map<String, Long> byChannel = new HashMap<>();
    private volatile long reserved;

    /** @param capacityBitsPerSecond what the node may send ({@code server.egressCapacity}); not negative */
    public EgressLedger(long capacityBitsPerSecond) {
        if (capacityBitsPerSecond < 0) {
            throw new IllegalArgumentException("egress capacity is negative: " + capacityBitsPerSecond);
        }
        this.capacity = capacityBitsPerSecond;
    }

    /**
     * Reserves {@code bitsPerSecond} for a session if the total stays within the capacity.
     *
     * @return whether the session holds a reservation now; true at once, changing nothing, if it held one already
     */
    public synchronized boolean reserve(String sessionId, String channelId, long bitsPerSecond) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channelId, "channelId");
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("bitsPerSecond is negative: " + bitsPerSecond);
        }
        if (bySession.containsKey(sessionId)) {
            return true;
        }
        if (bitsPerSecond > capacity - reserved) {
            return false;
        }
        bySession.put(sessionId, new Reservation(channelId, bitsPerSecond));
        byChannel.merge(channelId, bitsPerSecond, Long::sum);
        reserved += bitsPerSecond;
        return true;
    }

    /** Gives a session's reservation back. @return whether it held one */
    public synchronized boolean release(String sessionId) {
        Reservation reservation = bySession.remove(sessionId);
        if (reservation == null) {
            return false;
        }
        byChannel.computeIfPresent(reservation.channelId(),
                (channel, total) -> total == reservation.bitsPerSecond() ? null : total - reservation.bitsPerSecond());
        reserved -= reservation.bitsPerSecond();
        return true;
    }

    /** Whether the session holds a reservation here. */
    public synchronized boolean holds(String sessionId) {
        return bySession.containsKey(sessionId);
    }

    /** The bitrate reserved now, in bits per second. */
    public long reserved() {
        return reserved;
    }

    public long capacity() {
        return capacity;
    }

    /** How many sessions hold a reservation. */
    public synchronized int sessions() {
        return bySession.size();
    }

    /** The reserved bitrate per channel (rendition) id, channels without reservations left out; a sorted copy. */
    public synchronized Map<String, Long> reservedByChannel() {
        return new TreeMap<>(byChannel);
    }
}
