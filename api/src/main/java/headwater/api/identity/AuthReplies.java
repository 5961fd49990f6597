package headwater.api.identity;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers of the authentication routes: JSON bodies, RFC 9457 problems with the API's {@code urn:headwater:problem:}
 * types.
 */
final class AuthReplies {

    private static final Logger LOG = LoggerFactory.getLogger(AuthReplies.class);

    private AuthReplies() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }

    static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    /** A problem whose body is the same for every occurrence of {@code slug} on one path. */
    static void problem(RoutingContext ctx, int status, String slug, String title) {
        JsonObject body = new JsonObject().put("type", "urn:headwater:problem:" + slug).put("title", title)
                .put("status", status).put("detail", title).put("instance", ctx.request().path());
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(body.encode());
    }

    static void badRequest(RoutingContext ctx, String detail) {
        JsonObject body = new JsonObject().put("type", "urn:headwater:problem:validation-failed")
                .put("title", "A value breaks a rule").put("status", 400).put("detail", detail)
                .put("instance", ctx.request().path());
        ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(body.encode());
    }

    /** The JSON object body, or null after answering 400 when there is none or it is not an object. */
    static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
            if (body != null) {
                return body;
            }
        } catch (RuntimeException e) {
            LOG.debug("{} {}: body is not a JSON object: {}", ctx.request().method(), ctx.request().path(),
                    e.getMessage());
        }
        badRequest(ctx, "the body must be a JSON object");
        return null;
    }

    /** A string field, or null when absent or not a string. */
    static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        return value instanceof String text ? text : null;
    }
}
