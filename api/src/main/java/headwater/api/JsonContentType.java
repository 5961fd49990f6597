package headwater.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a POST, PUT or PATCH whose {@code Content-Type} is not {@code application/json} (optionally with
 * {@code charset=utf-8}, the only encoding JSON has) with 415, before its body is read.
 */
final class JsonContentType implements Handler<RoutingContext> {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public void handle(RoutingContext ctx) {
        if (WITH_BODY.contains(ctx.request().method())) {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (!acceptable(type)) {
                String shown = type == null ? "missing" : "\"" + (type.length() > 100 ? type.substring(0, 100) + "..." : type) + "\"";
                throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type is " + shown + ": send the "
                        + "body as " + Replies.JSON, List.of(new FieldError("Content-Type", "is " + shown)));
            }
        }
        ctx.next();
    }

    static boolean acceptable(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(Replies.JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }
}
