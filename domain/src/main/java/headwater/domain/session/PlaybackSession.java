package headwater.domain.session;

import headwater.domain.subscriber.OutputFormat;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An opened playback session: immutable facts fixed at admission.
 *
 * @param id             128 random bits as 32 lowercase hex characters
 * @param subscriberId   whose session it is
 * @param target         what it plays (its scope is signed into the token)
 * @param rendition      the channel id actually served: the target's channel, or the rendition the plan's best
 *                       quality selected (see {@code Entitlement})
 * @param format         HLS or TS
 * @param deviceKey      the device's slot key
 * @param clientAddress  the address it was opened from, or null
 * @param userAgent      the client's User-Agent, or null
 * @param started        when it was admitted
 * @param expires        when its token stops working
 * @param reservedBitsPerSecond the egress reserved for it on its node
 * @param idleAfter      silence after which it is {@link SessionState#IDLE}: about two target durations of the
 *                       rendition for HLS; a TS stream reports activity while its connection is open
 * @param node           the id of the node that admitted it
 */
public record PlaybackSession(String id, String subscriberId, PlaybackTarget target, String rendition,
                              OutputFormat format, String deviceKey, InetAddress clientAddress, String userAgent,
                              Instant started, Instant expires, long reservedBitsPerSecond, Duration idleAfter,
                              String node) {

    public PlaybackSession {
        Objects.requireNonNull(id, "id");
        if (!SessionIds.isWellFormed(id)) {
            throw new IllegalArgumentException("session id must be 32 lowercase hex characters");
        }
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rendition, "rendition");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(idleAfter, "idleAfter");
        Objects.requireNonNull(node, "node");
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("idleAfter must be positive: " + idleAfter);
        }
        if (!expires.isAfter(started)) {
            throw new IllegalArgumentException("session " + id + " expires at " + expires + ", not after its start "
                    + started);
        }
        if (reservedBitsPerSecond < 0) {
            throw new IllegalArgumentException("reservedBitsPerSecond is negative: " + reservedBitsPerSecond);
        }
    }

    /**
     * What this session's egress is reserved and measured under, per node: the channel served for a live or archive
     * target (its rendition), {@code vod:movie} or {@code vod:episode} for a film or an episode (no channel id has a
     * colon), so that the per-channel figures have one series per channel and one per VOD kind, not one per film of
     * the library.
     */
    public String meteredAs() {
        return switch (target) {
            case PlaybackTarget.Movie movie -> "vod:movie";
            case PlaybackTarget.Episode episode -> "vod:episode";
            case PlaybackTarget.Live live -> rendition;
            case PlaybackTarget.Archive archive -> rendition;
        };
    }
}
