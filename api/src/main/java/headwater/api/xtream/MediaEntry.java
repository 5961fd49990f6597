package headwater.api.xtream;

import headwater.api.SessionControl;
import headwater.domain.session.Denial;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.xtream.XtreamIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xtream media URLs ({@link MediaUrl}: live, the short form, films, episodes, catch-up by path or by
 * {@code timeshift.php}, with a username and password or a playlist token): each opens a playback session (or reuses
 * the device's slot: the registry ends the same device's previous session) and answers 302 to the session's
 * tokenized {@code /s/…} URL, absolute, so that limits, admission and tokens apply exactly as for every client.
 *
 * <pre>
 *   live .ts → /s/{token}/live/{ch}.ts          live .m3u8 → /s/{token}/live/{ch}/index.m3u8
 *   timeshift .ts → /s/{token}/archive/{ch}/{start}-{seconds}.ts   (.m3u8 → …/{start}-{seconds}/index.m3u8)
 *   movie → /s/{token}/movie/{id}.{ext}         series → /s/{token}/episode/{id}.{ext}
 * </pre>
 * Answers, in plain text: 400 naming the malformed part (before any login; "query" for a broken query string),
 * 401 "invalid credentials", 429 with {@code Retry-After} when the login is throttled, 403 for an account that is not active ("account expired"…) or a
 * refused session (one generic "forbidden"; the reason goes to the log), 404 for a number that names no stream of
 * that kind (or a target the session service does not know), 503 with {@code Retry-After} when the node is full,
 * 405 for methods other than GET and HEAD. The login, the id lookup and the opening run on a worker.
 *
 * <p>The device key: the playlist token's id ({@code token:{id}}) for a token login, else a hash of the client's
 * address and User-Agent ({@code xtream:{32 hex}}), so one player asking again takes over its own slot.
 */
public final class MediaEntry implements XtreamEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEntry.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final int DEVICE_HASH_HEX = 32;

    private final XtreamServices services;
    private final Function<HttpServerRequest, InetAddress> clientAddress;

    /** Media entry with the TCP peer as the client's address (no proxy in front). */
    public MediaEntry(XtreamServices services) {
        this(services, MediaEntry::peer);
    }

    /**
     * @param clientAddress the client's address of a request, after the server's trusted-proxy rule (the delivery
     *                      server's {@code X-Forwarded-For} handling), or null when unknown; called on the event loop
     */
    public MediaEntry(XtreamServices services, Function<HttpServerRequest, InetAddress> clientAddress) {
        this.services = Objects.requireNonNull(services, "services");
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    }

    @Override
    public void register(Router router) {
        router.route().handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        MediaUrl url;
        try {
            url = MediaUrl.parse(request.path(), request::getParam, services.server().timeZone());
        } catch (IllegalArgumentException e) {
            // Vert.x decoding a broken query string (only timeshift.php reads one).
            url = new MediaUrl.Malformed("query", "invalid percent-encoding");
        }
        if (url instanceof MediaUrl.NotMedia) {
            ctx.next();
            return;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            write(ctx, MediaReply.refusal(405, "method not allowed"));
            return;
        }
        if (url instanceof MediaUrl.Malformed malformed) {
            write(ctx, MediaReply.refusal(400, "malformed " + malformed.field() + ": " + malformed.reason()));
            return;
        }
        MediaUrl.Media media = (MediaUrl.Media) url;
        InetAddress client = clientAddress.apply(request);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        String base = services.server().base(request);
        ctx.vertx().executeBlocking(() -> open(media, client, userAgent, base), false).onComplete(done -> {
            if (done.succeeded()) {
                write(ctx, done.result());
            } else {
                LOG.error("xtream media request for {} {} failed", kindOf(media), media.stream(), done.cause());
                write(ctx, MediaReply.refusal(500, "internal error"));
            }
        });
    }

    /** Login, id, session: blocking. */
    MediaReply open(MediaUrl.Media media, InetAddress client, String userAgent, String base) {
        XtreamLogin.Result login = media.credentials().check(services.login(), client);
        if (login instanceof XtreamLogin.Result.Invalid) {
            LOG.info("xtream media request from {} refused: invalid credentials ({})", client, who(media));
            return MediaReply.refusal(401, "invalid credentials");
        }
        if (login instanceof XtreamLogin.Result.Throttled throttled) {
            LOG.info("xtream media request from {} refused: login throttled for {}", client, throttled.retryAfter());
            return MediaReply.later(429, "too many failed logins", throttled.retryAfter());
        }
        XtreamLogin.Result.Authenticated account = (XtreamLogin.Result.Authenticated) login;
        String subscriber = account.subscriber().id();
        if (account.status() != XtreamLogin.AccountStatus.ACTIVE) {
            LOG.info("xtream media request of subscriber {} refused: account {}", subscriber, account.status());
            return MediaReply.refusal(403, "account " + account.status().wire().toLowerCase(Locale.ROOT));
        }
        XtreamIds.Kind kind = kindOf(media);
        Optional<String> id = services.ids().id(kind, media.stream());
        PlaybackTarget target = id.map(found -> target(media, found)).orElse(null);
        if (target == null) {
            LOG.debug("xtream media request of subscriber {}: no {} numbered {}", subscriber, kind, media.stream());
            return MediaReply.refusal(404, "not found");
        }
        boolean hls = media instanceof MediaUrl.Live live ? live.hls()
                : media instanceof MediaUrl.Timeshift timeshift && timeshift.hls();
        SessionRequest request = new SessionRequest(subscriber, target, hls ? OutputFormat.HLS : OutputFormat.TS,
                deviceKey(account, client, userAgent), client, userAgent);
        return switch (services.sessions().open(request)) {
            case SessionControl.Opening.Opened opened ->
                    MediaReply.redirect(base + "/s/" + opened.token() + "/" + path(target, media, hls));
            case SessionControl.Opening.Denied denied -> {
                LOG.info("xtream media session of subscriber {} for {} refused: {}", subscriber, target.scope(),
                        denied.reason());
                yield denied.reason() == Denial.TARGET_UNKNOWN ? MediaReply.refusal(404, "not found")
                        : MediaReply.refusal(403, "forbidden");
            }
            case SessionControl.Opening.Busy busy -> {
                LOG.info("xtream media session of subscriber {} for {} refused: node busy", subscriber,
                        target.scope());
                yield MediaReply.later(503, "busy", busy.retryAfter());
            }
        };
    }

    /** @return the target, or null when the id cannot be one (the catalogue holds no such id any more) */
    private static PlaybackTarget target(MediaUrl.Media media, String id) {
        try {
            return switch (media) {
                case MediaUrl.Live live -> new PlaybackTarget.Live(id);
                case MediaUrl.Movie movie -> new PlaybackTarget.Movie(id);
                case MediaUrl.Episode episode -> new PlaybackTarget.Episode(id);
                case MediaUrl.Timeshift window -> new PlaybackTarget.Archive(id, window.start(),
                        Duration.ofMinutes(window.minutes()));
            };
        } catch (RuntimeException e) {
            LOG.warn("xtream number {} maps to id {}, which is no playable {}: {}", media.stream(), id,
                    kindOf(media), e.getMessage());
            return null;
        }
    }

    /** The session's media path after {@code /s/{token}/}. */
    private static String path(PlaybackTarget target, MediaUrl.Media media, boolean hls) {
        return switch (media) {
            case MediaUrl.Movie movie -> target.scope() + "." + movie.extension();
            case MediaUrl.Episode episode -> target.scope() + "." + episode.extension();
            case MediaUrl.Live live -> target.scope() + (hls ? "/index.m3u8" : ".ts");
            case MediaUrl.Timeshift window -> target.scope() + (hls ? "/index.m3u8" : ".ts");
        };
    }

    private static XtreamIds.Kind kindOf(MediaUrl.Media media) {
        return switch (media) {
            case MediaUrl.Live live -> XtreamIds.Kind.CHANNEL;
            case MediaUrl.Timeshift window -> XtreamIds.Kind.CHANNEL;
            case MediaUrl.Movie movie -> XtreamIds.Kind.MOVIE;
            case MediaUrl.Episode episode -> XtreamIds.Kind.EPISODE;
        };
    }

    /**
     * The device's slot key: its playlist token, else a hash of the client's address and User-Agent (an app on one
     * box asking again gets its own slot back; two apps or two boxes get two).
     */
    static String deviceKey(XtreamLogin.Result.Authenticated account, InetAddress client, String userAgent) {
        if (account.playlistTokenId() != null) {
            return "token:" + account.playlistTokenId();
        }
        String seen = (client == null ? "-" : client.getHostAddress()) + "\n" + (userAgent == null ? "" : userAgent);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seen.getBytes(StandardCharsets.UTF_8));
            return "xtream:" + HexFormat.of().formatHex(digest).substring(0, DEVICE_HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Who tried, for the log: the username, never a password or a token. */
    private static String who(MediaUrl.Media media) {
        return media.credentials() instanceof MediaCredentials.Password password
                ? "username " + password.username() : "playlist token";
    }

    private static void write(RoutingContext ctx, MediaReply reply) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(reply.status()).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_TYPE, TEXT);
        if (reply.location() != null) {
            response.putHeader(HttpHeaders.LOCATION, reply.location());
        }
        if (reply.retryAfter() != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(reply.retryAfterSeconds()));
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            // The headers of the GET, no body (Vert.x would write one after a HEAD's headers).
            response.putHeader(HttpHeaders.CONTENT_LENGTH,
                    Integer.toString(reply.text().getBytes(StandardCharsets.UTF_8).length)).end();
        } else {
            response.end(reply.text());
        }
    }

    /** The TCP peer's address. */
    private static InetAddress peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        if (host == null || host.isEmpty() || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128
                || c == '.' || c == ':' || c == '%')) {
            return null;
        }
        try {
            return InetAddress.getByName(host); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
