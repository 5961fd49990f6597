package headwater.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes answers: JSON bodies and problem details, never cached, never sniffed. */
final class Replies {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private Replies() {
    }

    /** Headers every answer of the API carries, set before any handler runs. */
    static void secure(HttpServerResponse response) {
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
    }

    static void json(RoutingContext ctx, int status, Object body) {
        ctx.put(AuditRecorder.AFTER, body);
        send(ctx, status, JSON, Json.write(body));
    }

    static void problem(RoutingContext ctx, Problem problem) {
        send(ctx, problem.status(), PROBLEM_JSON, Json.write(problem));
    }

    /** 201 with the new resource's location, entity tag and representation. */
    static void created(RoutingContext ctx, String location, String etag, Object body) {
        ctx.response().putHeader(HttpHeaders.LOCATION, location).putHeader(HttpHeaders.ETAG, etag);
        json(ctx, 201, body);
    }

    /** 200 with the resource's entity tag and representation. */
    static void tagged(RoutingContext ctx, String etag, Object body) {
        ctx.response().putHeader(HttpHeaders.ETAG, etag);
        json(ctx, 200, body);
    }

    /** 200 with one page of a listing, its total also in {@code X-Total-Count}. */
    static void listing(RoutingContext ctx, Listing<?> listing) {
        ctx.response().putHeader(Paging.TOTAL_HEADER, Long.toString(listing.total()));
        json(ctx, 200, listing);
    }

    static void noContent(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(204).end();
        }
    }

    private static void send(RoutingContext ctx, int status, String type, byte[] body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(Buffer.buffer(body));
    }
}
