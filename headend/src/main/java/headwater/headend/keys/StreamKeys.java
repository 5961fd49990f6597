package headwater.headend.keys;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content keys of every channel of a headend: one {@link ChannelKeys} per channel id, made on first use (loading
 * what the store kept) and kept across the channel's restarts, so that a channel stopped and started again, and its
 * archive, still find their earlier keys.
 */
public final class StreamKeys {

    /** The default rotation period ({@code hls.keyRotation}). */
    public static final Duration DEFAULT_ROTATION = Duration.ofMinutes(10);

    private final StreamKeyStore store;
    private final InstantSource clock;
    private final Duration rotation;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ChannelKeys> channels = new ConcurrentHashMap<>();

    /**
     * @param rotation how long a key encrypts before the next one replaces it, at least one second
     */
    public StreamKeys(StreamKeyStore store, InstantSource clock, Duration rotation) {
        if (rotation == null || rotation.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("key rotation must be at least 1 s, got " + rotation);
        }
        this.store = store == null ? StreamKeyStore.MEMORY : store;
        this.clock = clock;
        this.rotation = rotation;
    }

    /** Keys in memory only, rotated every {@link #DEFAULT_ROTATION}. */
    public static StreamKeys inMemory(InstantSource clock) {
        return new StreamKeys(StreamKeyStore.MEMORY, clock, DEFAULT_ROTATION);
    }

    public Duration rotation() {
        return rotation;
    }

    /**
     * The keys of {@code channel}, loaded from the store the first time.
     *
     * @param keep how long a retired key stays: at least the span of the segments on disk that may use it
     */
    public ChannelKeys channel(String channel, Duration keep) {
        ChannelKeys keys = channels.computeIfAbsent(channel,
                id -> new ChannelKeys(id, store, clock, random, rotation, keep));
        keys.keep(keep);
        return keys;
    }

    /**
     * Key {@code keyId} of {@code channel}, loading the channel's keys from the store first if no channel of that id
     * ran since the start (the archive of a stopped channel). May block on the store: not for event loops.
     */
    public Optional<byte[]> stored(String channel, String keyId) {
        if (channel == null) {
            return Optional.empty();
        }
        return channels.computeIfAbsent(channel, id -> new ChannelKeys(id, store, clock, random, rotation,
                Duration.ofDays(1))).key(keyId);
    }

    /** Key {@code keyId} of {@code channel}, if that channel's keys are loaded and keep it; lock-free. */
    public Optional<byte[]> key(String channel, String keyId) {
        ChannelKeys keys = channel == null ? null : channels.get(channel);
        return keys == null ? Optional.empty() : keys.key(keyId);
    }
}
