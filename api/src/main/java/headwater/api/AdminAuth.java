package headwater.api;

import headwater.security.secret.BearerSecret;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires {@code Authorization: Bearer <admin key>}. A missing, malformed, unknown or wrong key all get the same 401
 * problem; the reason (never the key) goes to the log with the client's address.
 */
final class AdminAuth implements Handler<RoutingContext> {

    static final String KEY_NAME = "headwater.api.keyName";
    static final String CHALLENGE = "Bearer realm=\"headwater-admin\"";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);

    private final AdminKeys keys;

    AdminAuth(AdminKeys keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        BearerCredential credential = BearerCredential.parse(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credential.token() == null) {
            refuse(ctx, credential.refusal());
            return;
        }
        if (!BearerSecret.hasShape(AdminKeys.PREFIX, credential.token())) {
            refuse(ctx, "the Bearer token is not shaped like an admin key (" + AdminKeys.PREFIX + " and 43 characters)");
            return;
        }
        // The key check reads the database on a worker thread; hold the body until the BodyHandler resumes it.
        ctx.request().pause();
        Blocking.run(ctx, () -> keys.authenticate(credential.token()), (Optional<String> name) -> {
            if (name.isEmpty()) {
                refuse(ctx, "no stored admin key matches the Bearer token");
                return;
            }
            ctx.put(KEY_NAME, name.get());
            ctx.next();
        });
    }

    private static void refuse(RoutingContext ctx, String reason) {
        LOG.warn("admin API: refused {} {} from {}: {}", ctx.request().method(), ctx.request().path(),
                ctx.request().remoteAddress(), reason);
        ctx.fail(new ApiException(ProblemType.UNAUTHORIZED, "send a valid admin API key as Authorization: Bearer <key>"));
    }
}
