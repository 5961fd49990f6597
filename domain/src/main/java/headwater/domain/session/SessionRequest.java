package headwater.domain.session;

import headwater.domain.subscriber.OutputFormat;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A request to open a playback session.
 *
 * @param subscriberId the subscriber's id
 * @param target       what to play
 * @param format       HLS or a continuous MPEG-TS
 * @param deviceKey    identifies the device: a stored device's id, or a stable key the entry point derives (such as
 *                     a hash of the client address and user agent); a device that opens again reuses its slot
 * @param clientAddress the client's address (after trusted-proxy resolution), or null when unknown (an operator's
 *                     preview); sessions with an address are bound to it when the configuration says so
 * @param userAgent    the client's User-Agent, at most 256 characters kept, or null
 */
public record SessionRequest(String subscriberId, PlaybackTarget target, OutputFormat format, String deviceKey,
                             InetAddress clientAddress, String userAgent) {

    public static final int MAX_USER_AGENT = 256;
    public static final int MAX_DEVICE_KEY = 128;

    public SessionRequest {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(deviceKey, "deviceKey");
        if (deviceKey.isEmpty() || deviceKey.length() > MAX_DEVICE_KEY) {
            throw new IllegalArgumentException("deviceKey must have 1 to " + MAX_DEVICE_KEY + " characters");
        }
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
