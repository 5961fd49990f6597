package headwater.api.xtream;

import headwater.api.xtream.PlayerApiWire.Refusal;
import headwater.api.xtream.PlayerApiWire.ServerInfo;
import headwater.api.xtream.XtreamLogin.Result;
import headwater.api.xtream.XtreamLogin.Result.Authenticated;
import headwater.api.xtream.XtreamLogin.Result.Throttled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /player_api.php} and {@code /panel_api.php}: the account, the categories, the channels, films and series the
 * subscriber may see, their details and the guide, in the exact shapes the Xtream apps parse ({@link PlayerApiWire}).
 *
 * <p>Parameters come in the query string or, as some apps send them, in a form body of a POST. The login (Argon2id,
 * the store) and every answer run on a worker; the event loop only writes the bytes. Bad or missing credentials
 * answer {@code {"user_info":{"auth":0}}} with 200, the way XC servers do and the apps expect; a throttled client the
 * same body with 429 and {@code Retry-After}. A valid login of a banned, disabled or expired account sees its
 * account information with that status, and empty listings.
 */
public final class PlayerApi implements XtreamEndpoint {

    public static final String PLAYER_PATH = "/player_api.php";
    public static final String PANEL_PATH = "/panel_api.php";
    /** The largest form body accepted from a POST: parameters only. */
    static final long MAX_BODY_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PlayerApi.class);

    private final XtreamServices services;
    /** The catalogue of the last stamp seen; requests of the same stamp share what it read and serialized. */
    private volatile PlayerApiCatalogue catalogue;

    public PlayerApi(XtreamServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(Router router) {
        for (String path : new String[] {PLAYER_PATH, PANEL_PATH}) {
            boolean panel = path.equals(PANEL_PATH);
            router.route(HttpMethod.GET, path).handler(ctx -> handle(ctx, panel));
            router.route(HttpMethod.POST, path).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                    .handler(ctx -> handle(ctx, panel));
        }
    }

    private void handle(RoutingContext ctx, boolean panel) {
        HttpServerRequest request = ctx.request();
        MultiMap parameters = MultiMap.caseInsensitiveMultiMap();
        try {
            parameters.addAll(request.params());
            if (request.method() == HttpMethod.POST) {
                parameters.addAll(request.formAttributes());
            }
        } catch (IllegalArgumentException e) {
            // Malformed percent-encoding: there are no credentials to read.
            send(ctx, new Reply(400, PlayerApiJson.write(Refusal.INSTANCE), 0));
            return;
        }
        PlayerApiQuery query = PlayerApiQuery.parse(parameters::get);
        InetAddress client = client(request.remoteAddress());
        Instant now = services.clock().instant();
        String base = services.server().base(request);
        ServerInfo serverInfo = PlayerApiAnswers.serverInfo(services.server(), base, services.server().host(request),
                services.server().port(request), now);
        ctx.vertx().executeBlocking(() -> answer(query, client, panel, serverInfo, now), false).onComplete(result -> {
            if (ctx.response().closed()) {
                return;
            }
            if (result.failed()) {
                LOG.error("{} failed for action {}", panel ? PANEL_PATH : PLAYER_PATH,
                        query.action() == null ? "(none)" : query.action().wire(), result.cause());
                send(ctx, new Reply(500, PlayerApiJson.write(PlayerApiWire.Refusal.INSTANCE), 0));
                return;
            }
            send(ctx, result.result());
        });
    }

    /** The status, body and Retry-After seconds (0 for none) of an answer. */
    private record Reply(int status, Buffer body, long retryAfter) {

        Reply(int status, byte[] body, long retryAfter) {
            this(status, Buffer.buffer(body), retryAfter);
        }
    }

    private Reply answer(PlayerApiQuery query, InetAddress client, boolean panel, ServerInfo serverInfo,
                         Instant now) {
        if (!query.hasCredentials()) {
            return refused();
        }
        Result result = query.username() != null && !query.username().isEmpty()
                ? services.login().password(query.username(), query.password(), client)
                : services.login().token(query.token(), client);
        return switch (result) {
            case Result.Invalid invalid -> refused();
            case Throttled throttled -> new Reply(429, PlayerApiJson.write(Refusal.INSTANCE),
                    Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000));
            case Authenticated who -> new Reply(200, body(answer(query, who, panel, serverInfo, now)), 0);
        };
    }

    /** An answer already serialized (a {@code byte[]}, or kept off the heap) as it is, any other written as JSON. */
    private static Buffer body(Object answer) {
        return switch (answer) {
            case PlayerApiJson.Kept kept -> kept.buffer();
            case byte[] json -> Buffer.buffer(json);
            default -> Buffer.buffer(PlayerApiJson.write(answer));
        };
    }

    /**
     * The catalogue of the current stamp: the one the last request used while the stamp is the same, else a new one
     * (kept for the next requests, unless there is no stamp).
     */
    private PlayerApiCatalogue catalogue() {
        Object stamp = services.stamp().current();
        PlayerApiCatalogue last = catalogue;
        if (last != null && last.stamp().equals(stamp)) {
            return last;
        }
        if (services.stamp() == XtreamCatalogueStamp.NONE) {
            return PlayerApiCatalogue.of(services, stamp, false);
        }
        // The requests that see a new stamp at once share one catalogue, so the channels are read once.
        synchronized (this) {
            last = catalogue;
            if (last == null || !last.stamp().equals(stamp)) {
                last = PlayerApiCatalogue.of(services, stamp, true);
                catalogue = last;
            }
            return last;
        }
    }

    private Object answer(PlayerApiQuery query, Authenticated who, boolean panel, ServerInfo serverInfo, Instant now) {
        PlayerApiAnswers answers = new PlayerApiAnswers(services, PlayerApiLineup.of(services, catalogue(), who),
                query, now);
        PlayerApiAction action = query.action();
        if (action == PlayerApiAction.GET_EPG && !panel) {
            action = null;
        }
        if (action == null) {
            return panel && !query.actionGiven() ? answers.panel(who, serverInfo) : answers.account(who, serverInfo);
        }
        return switch (action) {
            case GET_LIVE_CATEGORIES -> answers.liveCategories();
            case GET_VOD_CATEGORIES -> answers.vodCategories();
            case GET_SERIES_CATEGORIES -> answers.seriesCategories();
            case GET_LIVE_STREAMS -> answers.liveStreamsJson();
            case GET_VOD_STREAMS -> answers.vodStreams();
            case GET_SERIES -> answers.series();
            case GET_SERIES_INFO -> answers.seriesInfo();
            case GET_VOD_INFO -> answers.vodInfo();
            case GET_SHORT_EPG -> answers.shortEpg();
            case GET_SIMPLE_DATA_TABLE -> answers.dataTable();
            case GET_EPG -> answers.panelEpg();
        };
    }

    private static Reply refused() {
        return new Reply(200, PlayerApiJson.write(Refusal.INSTANCE), 0);
    }

    private static void send(RoutingContext ctx, Reply reply) {
        var response = ctx.response().setStatusCode(reply.status())
                .putHeader("content-type", "application/json; charset=utf-8")
                // The account answer echoes the password: no cache may keep any of it.
                .putHeader("cache-control", "no-store")
                .putHeader("x-content-type-options", "nosniff");
        if (reply.retryAfter() > 0) {
            response.putHeader("retry-after", String.valueOf(reply.retryAfter()));
        }
        response.end(reply.body());
    }

    /** The client's address for the login's throttling; loopback when the connection has none (a Unix socket). */
    private static InetAddress client(SocketAddress address) {
        String host = address == null ? null : address.hostAddress();
        if (host == null || host.isEmpty()) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            // A literal from the socket: parsed, never resolved.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
