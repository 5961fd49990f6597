package headwater.api;

import headwater.api.auth.Principal;
import headwater.domain.apitoken.ApiToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second authenticator of the chain: when no web session put a {@link Principal} in the context already, requires
 * {@code Authorization: Bearer <API token>} and puts the token's Principal ({@link Principal.Kind#API_TOKEN}) there.
 * A missing, malformed, unknown, revoked or expired token all get the same 401 problem; the reason (never the token)
 * goes to the log with the client's address.
 */
final class AdminAuth implements Handler<RoutingContext> {

    static final String CHALLENGE = "Bearer realm=\"headwater-admin\"";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);

    private final ApiTokens tokens;

    AdminAuth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.get(Principal.KEY) != null) {
            ctx.next();
            return;
        }
        BearerCredential credential = BearerCredential.parse(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credential.token() == null) {
            refuse(ctx, credential.refusal());
            return;
        }
        if (!ApiTokens.hasShape(credential.token())) {
            refuse(ctx, "the Bearer token is not shaped like an API token (" + ApiTokens.PREFIX
                    + " and 43 characters)");
            return;
        }
        // The token check reads the database on a worker thread; hold the body until the BodyHandler resumes it.
        ctx.request().pause();
        Blocking.run(ctx, () -> tokens.authenticate(credential.token()), (ApiTokens.Check check) -> {
            if (check.token() == null) {
                refuse(ctx, check.refusal());
                return;
            }
            ctx.put(Principal.KEY, principal(check.token()));
            ctx.next();
        });
    }

    static Principal principal(ApiToken token) {
        return new Principal(Principal.Kind.API_TOKEN, token.name(), token.name(), token.role(), token.scopeTexts(),
                token.resellerId(), null, null, null);
    }

    private static void refuse(RoutingContext ctx, String reason) {
        LOG.warn("admin API: refused {} {} from {}: {}", ctx.request().method(), ctx.request().path(),
                ctx.request().remoteAddress(), reason);
        ctx.fail(new ApiException(ProblemType.UNAUTHORIZED,
                "log in, or send a valid API token as Authorization: Bearer <token>"));
    }
}
