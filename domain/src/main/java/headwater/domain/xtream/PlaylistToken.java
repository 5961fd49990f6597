package headwater.domain.xtream;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A per-device playlist token: a random secret that stands in for a subscriber's username and password in playlist
 * and media URLs ({@code /get.php?token=…}, {@code /live/{token}/1.ts}), so that the password never has to be typed
 * into a box or handed around in a link, and one device can be cut off without changing the password. Only the
 * SHA-256 digest of the secret is stored; the secret is shown once, when it is made.
 *
 * @param id           stable key (an id: letters, digits, '.', '_', '-'), shown to the operator and used to revoke
 * @param subscriberId whose token it is
 * @param digest       SHA-256 of the secret, 64 lower-case hex digits
 * @param deviceId     the subscriber's device it was made for, or null
 * @param label        what the operator calls it ("living-room TiviMate"), or null
 * @param created      when it was made
 * @param lastUsed     when it last let someone in (to the minute or so), or null if never
 * @param revoked      when it was revoked, or null while it is valid
 */
public record PlaylistToken(String id, String subscriberId, String digest, String deviceId, String label,
                            Instant created, Instant lastUsed, Instant revoked) {

    /** The longest label. */
    public static final int MAX_LABEL_LENGTH = 200;

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    public PlaylistToken {
        Check.id("playlist token", "id", id);
        Check.id("playlist token", "subscriberId", subscriberId);
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            // Never quote it: a secret given by mistake would end up in a message.
            throw new InvalidValueException("playlist token", "digest", "must be 64 lower-case hex digits (SHA-256)");
        }
        if (deviceId != null) {
            Check.id("playlist token", "deviceId", deviceId);
        }
        label = Check.optionalText("playlist token", "label", label, MAX_LABEL_LENGTH);
        Objects.requireNonNull(created, "created");
    }

    /** A token not used and not revoked yet. */
    public static PlaylistToken fresh(String id, String subscriberId, String digest, String deviceId, String label,
                                      Instant created) {
        return new PlaylistToken(id, subscriberId, digest, deviceId, label, created, null, null);
    }

    /** Whether it still lets its subscriber in. */
    public boolean active() {
        return revoked == null;
    }
}
