package headwater.api;

import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.security.outbound.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A session to open, as an operator (or a middleware) sends it.
 *
 * @param subscriberId  the subscriber, by id; or give {@code username}
 * @param username      the subscriber, by username (ignoring case)
 * @param channelId     the live channel to play
 * @param format        {@code hls} or {@code ts}
 * @param deviceKey     the device's slot key: the same device re-opening or zapping reuses its slot; default one key
 *                      per client address and user agent
 * @param clientAddress the player's IP literal; with {@code sessions.bindToAddress} it only plays from there
 * @param userAgent     the player's User-Agent, shown in the session list
 */
record SessionBody(String subscriberId, String username, String channelId, String format, String deviceKey,
                   String clientAddress, String userAgent) {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The request this body describes for the subscriber {@code resolvedSubscriberId}. */
    SessionRequest request(String resolvedSubscriberId) {
        List<FieldError> errors = new ArrayList<>();
        Bodies.required("channelId", channelId, errors);
        Bodies.required("format", format, errors);
        OutputFormat output = null;
        if (format != null) {
            try {
                output = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("format", "must be hls or ts, got '" + format + "'"));
            }
        }
        InetAddress address = null;
        if (clientAddress != null) {
            address = address(clientAddress, errors);
        }
        if (deviceKey != null && (deviceKey.isEmpty() || deviceKey.length() > SessionRequest.MAX_DEVICE_KEY)) {
            errors.add(new FieldError("deviceKey", "must have 1 to " + SessionRequest.MAX_DEVICE_KEY + " characters"));
        }
        PlaybackTarget target = null;
        if (channelId != null) {
            try {
                target = new PlaybackTarget.Live(channelId);
            } catch (RuntimeException e) {
                errors.add(new FieldError("channelId", "is not a channel id: " + e.getMessage()));
            }
        }
        Bodies.check(errors);
        String device = deviceKey != null ? deviceKey
                : "client:" + (clientAddress == null ? "-" : address.getHostAddress()) + "|" + (userAgent == null ? "" : userAgent);
        if (device.length() > SessionRequest.MAX_DEVICE_KEY) {
            device = "client:" + Integer.toHexString(device.hashCode()) + Integer.toHexString(device.length());
        }
        return new SessionRequest(resolvedSubscriberId, target, output, device, address, userAgent);
    }

    /** One of subscriberId and username, not both. */
    void checkSubscriber() {
        if ((subscriberId == null) == (username == null)) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, subscriberId == null ? "subscriberId" : "username",
                    "give exactly one of subscriberId and username");
        }
    }

    private static InetAddress address(String text, List<FieldError> errors) {
        if (!IP_LITERAL.matcher(text).matches()) {
            errors.add(new FieldError("clientAddress", "must be an IPv4 or IPv6 literal"));
            return null;
        }
        try {
            return Cidr.parse(text).network(); // literals only: never a DNS lookup
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("clientAddress", "must be an IPv4 or IPv6 literal"));
            return null;
        }
    }
}
