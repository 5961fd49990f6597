package headwater.api;

import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.security.outbound.Cidr;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A session to open, as an operator (or a middleware) sends it. It plays exactly one of: a live channel
 * ({@code channelId}), a window of a channel's catch-up ({@code channelId} with {@code archiveStart} and
 * {@code archiveSeconds}), a film ({@code movieId}) or an episode ({@code episodeId}).
 *
 * @param subscriberId   the subscriber, by id; or give {@code username}
 * @param username       the subscriber, by username (ignoring case)
 * @param channelId      the live channel to play, or whose archive to play
 * @param archiveStart   with {@code channelId}: the window's start, an ISO-8601 instant in whole seconds
 *                       ({@code 2026-11-21T20:00:00Z}); give {@code archiveSeconds} with it
 * @param archiveSeconds with {@code archiveStart}: the window's length, 1 to {@value PlaybackTarget.Archive#MAX_SECONDS}
 * @param movieId        the film to play
 * @param episodeId      the episode to play
 * @param format         {@code hls} or {@code ts}: required for a channel or an archive window; a film or episode is
 *                       one file served with byte ranges, for which it is optional (default {@code hls}, not shown)
 * @param deviceKey      the device's slot key: the same device re-opening or zapping reuses its slot; default one key
 *                       per client address and user agent
 * @param clientAddress  the player's IP literal; with {@code sessions.bindToAddress} it only plays from there
 * @param userAgent      the player's User-Agent, shown in the session list
 */
record SessionBody(String subscriberId, String username, String channelId, String archiveStart, Long archiveSeconds,
                   String movieId, String episodeId, String format, String deviceKey, String clientAddress,
                   String userAgent) {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The request this body describes for the subscriber {@code resolvedSubscriberId}. */
    SessionRequest request(String resolvedSubscriberId) {
        List<FieldError> errors = new ArrayList<>();
        PlaybackTarget target = target(errors);
        boolean vod = movieId != null || episodeId != null;
        if (!vod) {
            Bodies.required("format", format, errors);
        }
        OutputFormat output = vod && format == null ? OutputFormat.HLS : null;
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
        Bodies.check(errors);
        String device = deviceKey != null ? deviceKey
                : "client:" + (clientAddress == null ? "-" : address.getHostAddress()) + "|" + (userAgent == null ? "" : userAgent);
        if (device.length() > SessionRequest.MAX_DEVICE_KEY) {
            device = "client:" + Integer.toHexString(device.hashCode()) + Integer.toHexString(device.length());
        }
        return new SessionRequest(resolvedSubscriberId, target, output, device, address, userAgent);
    }

    /** The one target the body names, or null with the reasons added to {@code errors}. */
    private PlaybackTarget target(List<FieldError> errors) {
        int named = (channelId != null ? 1 : 0) + (movieId != null ? 1 : 0) + (episodeId != null ? 1 : 0);
        if (named != 1) {
            errors.add(new FieldError(channelId != null || named == 0 ? "channelId" : "movieId",
                    "give exactly one of channelId, movieId and episodeId"));
            return null;
        }
        boolean archive = archiveStart != null || archiveSeconds != null;
        if (archive && channelId == null) {
            errors.add(new FieldError(archiveStart != null ? "archiveStart" : "archiveSeconds",
                    "an archive window is of a channel: give channelId, not a film or an episode"));
            return null;
        }
        if (movieId != null) {
            return id("movieId", () -> new PlaybackTarget.Movie(movieId), errors);
        }
        if (episodeId != null) {
            return id("episodeId", () -> new PlaybackTarget.Episode(episodeId), errors);
        }
        if (!archive) {
            return id("channelId", () -> new PlaybackTarget.Live(channelId), errors);
        }
        Bodies.required("archiveStart", archiveStart, errors);
        Bodies.required("archiveSeconds", archiveSeconds, errors);
        Instant start = archiveStart == null ? null : start(errors);
        boolean length = archiveSeconds != null && archiveSeconds >= 1
                && archiveSeconds <= PlaybackTarget.Archive.MAX_SECONDS;
        if (archiveSeconds != null && !length) {
            errors.add(new FieldError("archiveSeconds", "must be 1 to " + PlaybackTarget.Archive.MAX_SECONDS));
        }
        PlaybackTarget live = id("channelId", () -> new PlaybackTarget.Live(channelId), errors);
        return live == null || start == null || !length ? null
                : new PlaybackTarget.Archive(channelId, start, Duration.ofSeconds(archiveSeconds));
    }

    /** {@code archiveStart} as an instant of whole seconds after 1970, or null with the reason in {@code errors}. */
    private Instant start(List<FieldError> errors) {
        try {
            Instant start = Instant.parse(archiveStart);
            if (start.getNano() == 0 && start.getEpochSecond() >= 0) {
                return start;
            }
            errors.add(new FieldError("archiveStart", "must be whole seconds after 1970"));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("archiveStart", "must be an ISO-8601 instant such as 2026-11-21T20:00:00Z"));
        }
        return null;
    }

    private static PlaybackTarget id(String field, Supplier<PlaybackTarget> target, List<FieldError> errors) {
        try {
            return target.get();
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "is not an id: " + e.getMessage()));
            return null;
        }
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
