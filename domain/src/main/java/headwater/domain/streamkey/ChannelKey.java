package headwater.domain.streamkey;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One AES-128 content key of a channel's encrypted HLS segments.
 *
 * @param channelId the channel it encrypts
 * @param id        its id, {@code [0-9a-f]{1,64}}, unique across channels (random)
 * @param secret    the 16 key bytes; never in {@link #toString()}
 * @param created   when it started encrypting
 * @param retired   when the next key replaced it, or null while current
 */
public record ChannelKey(String channelId, String id, byte[] secret, Instant created, Instant retired) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{1,64}");

    public ChannelKey {
        if (channelId == null || channelId.isEmpty() || channelId.length() > 64) {
            throw new IllegalArgumentException("a channel key needs a channel id of 1..64 characters");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a channel key id is 1..64 of [0-9a-f]");
        }
        if (secret == null || secret.length != 16) {
            throw new IllegalArgumentException("channel key " + id + " is not 16 bytes");
        }
        secret = secret.clone();
        Objects.requireNonNull(created, "created");
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelKey k && k.channelId.equals(channelId) && k.id.equals(id)
                && MessageDigest.isEqual(k.secret, secret) && k.created.equals(created)
                && Objects.equals(k.retired, retired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channelId, id, created, retired);
    }

    @Override
    public String toString() {
        return "ChannelKey[channel=" + channelId + ", id=" + id + ", secret=(redacted), created=" + created
                + ", retired=" + retired + "]";
    }
}
