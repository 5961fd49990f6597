package headwater.api.xtream;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Objects;

/**
 * The Xtream surface as one handler for the delivery server: every request that no media route of ours claims comes
 * here (the protocol's paths sit at the root: {@code /player_api.php}, {@code /live/u/p/1.ts}, {@code /u/p/1}).
 * Anything no endpoint claims is a plain 404.
 */
public final class XtreamApi {

    private final List<XtreamEndpoint> endpoints;

    public XtreamApi(List<XtreamEndpoint> endpoints) {
        this.endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    }

    /** Builds the router on the delivery server's Vert.x (called once per server start). */
    public Handler<HttpServerRequest> handler(Vertx vertx) {
        Router router = Router.router(vertx);
        for (XtreamEndpoint endpoint : endpoints) {
            endpoint.register(router);
        }
        router.route().last().handler(context -> context.response().setStatusCode(404)
                .putHeader("content-type", "text/plain; charset=utf-8").end("not found\n"));
        return router;
    }
}
