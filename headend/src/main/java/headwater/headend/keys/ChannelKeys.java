package headwater.headend.keys;

import headwater.media.hls.SegmentCipher;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content keys of one channel: the current one, which encrypts the segments being cut and is replaced every
 * {@code rotation}, and the retired ones, kept (in memory and in the {@link StreamKeyStore}) for as long as segments
 * encrypted with them may still be served: the live window, and the catch-up archive's retention.
 *
 * <p>Keys and IVs come from {@link SecureRandom}. Thread-safe: the channel's thread encrypts, event loops look keys up.
 */
public final class ChannelKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelKeys.class);
    private static final int KEY_ID_BYTES = 8;

    private final String channel;
    private final StreamKeyStore store;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Duration rotation;
    /** By id, oldest first; replaced whole on every change, read without a lock. */
    private volatile Map<String, StreamKey> keys;
    private volatile Duration keep;
    private StreamKey current;

    ChannelKeys(String channel, StreamKeyStore store, InstantSource clock, SecureRandom random, Duration rotation,
            Duration keep) {
        this.channel = channel;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.rotation = rotation;
        this.keep = keep;
        Map<String, StreamKey> loaded = new LinkedHashMap<>();
        try {
            for (StreamKey k : store.load(channel)) {
                loaded.put(k.id(), k);
            }
        } catch (RuntimeException e) {
            LOG.error("channel {}: stream keys could not be loaded, earlier encrypted segments cannot be played: {}",
                    channel, e.toString());
        }
        this.keys = Map.copyOf(loaded);
        for (StreamKey k : loaded.values()) {
            if (k.retired() == null) {
                current = current == null || k.created().isAfter(current.created()) ? k : current;
            }
        }
    }

    public String channel() {
        return channel;
    }

    /**
     * The key to encrypt a segment completed now with: the current one, or a new one when the current one is older
     * than the rotation period (the old one is retired, and keys no segment needs any more are purged).
     */
    public synchronized StreamKey current() {
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.created().plus(rotation))) {
            return current;
        }
        byte[] key = new byte[SegmentCipher.BLOCK_BYTES];
        random.nextBytes(key);
        byte[] id = new byte[KEY_ID_BYTES];
        random.nextBytes(id);
        StreamKey fresh = new StreamKey(HexFormat.of().formatHex(id), key, now, null);
        Map<String, StreamKey> next = new LinkedHashMap<>(keys);
        if (current != null) {
            StreamKey retired = current.retiredAt(now);
            next.put(retired.id(), retired);
            try {
                store.retire(channel, retired.id(), now);
            } catch (RuntimeException e) {
                LOG.error("channel {}: retiring stream key {} failed: {}", channel, retired.id(), e.toString());
            }
        }
        try {
            store.save(channel, fresh);
        } catch (RuntimeException e) {
            LOG.error("channel {}: storing stream key {} failed; segments encrypted with it cannot be played after a "
                    + "restart: {}", channel, fresh.id(), e.toString());
        }
        next.put(fresh.id(), fresh);
        Instant before = now.minus(keep);
        next.values().removeIf(k -> k.retired() != null && k.retired().isBefore(before));
        try {
            store.purge(channel, before);
        } catch (RuntimeException e) {
            LOG.warn("channel {}: purging stream keys retired before {} failed: {}", channel, before, e.toString());
        }
        keys = Map.copyOf(next);
        current = fresh;
        LOG.info("channel {}: stream key {} in use from now on ({} kept)", channel, fresh.id(), next.size());
        return fresh;
    }

    /** A fresh random IV for one segment. */
    public byte[] newIv() {
        byte[] iv = new byte[SegmentCipher.BLOCK_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    /** The 16 bytes of key {@code id}, while it is kept; lock-free. */
    public Optional<byte[]> key(String id) {
        StreamKey k = id == null ? null : keys.get(id);
        return k == null ? Optional.empty() : Optional.of(k.key());
    }

    /** Every key kept, oldest first. */
    public List<StreamKey> kept() {
        return List.copyOf(keys.values());
    }

    /** How long a retired key is kept: the live window's span, or the archive's retention when that is longer. */
    public void keep(Duration keep) {
        this.keep = keep;
    }
}
