package headwater.api;

import headwater.api.xtream.PlaylistTokens;
import headwater.domain.session.SigningKeys;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The admin REST API under {@value #BASE}, as a vertx-web {@link Router} to mount on an HTTP server (a Router is a
 * {@code Handler<HttpServerRequest>}). Every route but the OpenAPI document requires an admin key
 * ({@link AdminKeys}); repository calls run on Vert.x's worker pool ({@link Blocking}), never on the event loop.
 *
 * <p>Order of handlers for each request: security headers; the OpenAPI document (public); the key check; the
 * Content-Type check (415); the body, at most {@link #MAX_BODY_BYTES} (413); the resource. Any failure becomes an
 * RFC 9457 problem in {@link Problems}.
 */
public final class AdminApi {

    /** Requests under this path prefix belong to the API (for a server that hands them over). */
    public static final String PREFIX = "/api/";
    public static final String BASE = "/api/v1";
    /**
     * The largest request body: 8 MiB. A package of the domain's maximum 100,000 channel ids of up to 64 characters
     * fits; anything larger is refused with 413 before it is buffered.
     */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    private final AdminKeys keys;
    private final OpenApiDocument openApi = new OpenApiDocument();
    private final List<Consumer<Routes>> resources;

    /**
     * The API without playback sessions (opening one answers 503): catalogue, customers, films, series, guide
     * sources and token signing keys.
     */
    public AdminApi(Repositories repositories, MediaRepositories media, AdminKeys keys, SigningKeys tokenKeys) {
        this(repositories, media, keys, tokenKeys, SessionControl.NONE);
    }

    /**
     * The whole API: catalogue, customers, films, series, guide sources, token signing keys and playback sessions.
     */
    public AdminApi(Repositories repositories, MediaRepositories media, AdminKeys keys, SigningKeys tokenKeys,
                    SessionControl sessions) {
        this(repositories, media, keys, tokenKeys, sessions, null, Clock.systemUTC());
    }

    /**
     * The whole API with the subscribers' playlist tokens ({@code /api/v1/subscribers/{id}/playlist-tokens}); without
     * them (the other constructors) those routes answer 404.
     *
     * @param playlistTokens makes and keeps the tokens, or null for none
     * @param clock          the time of revocations
     */
    public AdminApi(Repositories repositories, MediaRepositories media, AdminKeys keys, SigningKeys tokenKeys,
                    SessionControl sessions, PlaylistTokens playlistTokens, Clock clock) {
        Objects.requireNonNull(repositories, "repositories");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(tokenKeys, "tokenKeys");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.resources = List.of(
                new ChannelResource(repositories.channels())::mount,
                new CategoryResource(repositories.categories())::mount,
                new PackageResource(repositories.packages())::mount,
                new PlanResource(repositories.plans())::mount,
                new SubscriberResource(repositories.subscribers(), repositories.devices(),
                        repositories.passwordHasher())::mount,
                new ResellerResource(repositories.resellers())::mount,
                new DeviceResource(repositories.devices())::mount,
                new MovieResource(media.movies())::mount,
                new SeriesResource(media.series())::mount,
                new GuideSourceResource(media.guideSources())::mount,
                new TokenKeyResource(tokenKeys)::mount,
                new SessionResource(sessions, repositories.subscribers(), media.movies(), media.series())::mount,
                new PlaylistTokenResource(playlistTokens, repositories.subscribers(), repositories.devices(),
                        clock)::mount);
    }

    /** A new Router for the API on {@code vertx}, the Vert.x of the server that will call it. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        Routes routes = new Routes(router);
        router.route().handler(ctx -> {
            Replies.secure(ctx.response());
            ctx.next();
        });
        routes.add(HttpMethod.GET, OpenApiDocument.PATH, openApi::serve);
        router.route().handler(new AdminAuth(keys));
        router.route().handler(new JsonContentType());
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        resources.forEach(resource -> resource.accept(routes));
        router.route().failureHandler(Problems::handle);
        router.errorHandler(404, Problems::handle);
        router.errorHandler(405, ctx -> methodNotAllowed(ctx, routes));
        router.errorHandler(500, Problems::handle);
        return router;
    }

    private static void methodNotAllowed(RoutingContext ctx, Routes routes) {
        ctx.put(Problems.ALLOWED_METHODS, routes.allowed(ctx.normalizedPath()));
        Problems.handle(ctx);
    }
}
