package headwater.headend.keys;

import headwater.media.hls.SegmentCipher;
import headwater.media.hls.SegmentEncryption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * One AES-128 content key of a channel. Its bytes never appear in {@link #toString()}, logs or playlists; players
 * get them only through the key route of a session entitled to the channel.
 *
 * @param id      a random id, {@code [0-9a-f]{16}}: the key URI's name ({@code key/{id}.key})
 * @param key     the 16 key bytes
 * @param created when the channel started encrypting with it
 * @param retired when the next key replaced it, or null while it is the channel's current key
 */
public record StreamKey(String id, byte[] key, Instant created, Instant retired) {

    public StreamKey {
        if (!SegmentEncryption.isKeyId(id)) {
            throw new IllegalArgumentException("stream key id must be 1..64 of [0-9a-f]");
        }
        if (key == null || key.length != SegmentCipher.BLOCK_BYTES) {
            throw new IllegalArgumentException("stream key " + id + " is not 16 bytes");
        }
        key = key.clone();
        Objects.requireNonNull(created, "created");
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The same key, retired at {@code at}. */
    public StreamKey retiredAt(Instant at) {
        return new StreamKey(id, key, created, at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamKey k && k.id.equals(id) && MessageDigest.isEqual(k.key, key)
                && k.created.equals(created) && Objects.equals(k.retired, retired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, created, retired);
    }

    @Override
    public String toString() {
        return "StreamKey[id=" + id + ", key=(16 bytes, redacted), created=" + created + ", retired=" + retired + "]";
    }
}
