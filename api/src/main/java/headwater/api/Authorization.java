package headwater.api;

import headwater.api.auth.Principal;
import headwater.api.auth.StepUp;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.identity.Role;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the caller's {@link Principal} against a route's {@link Access} before the route's handler runs: role and
 * scopes (403 {@code forbidden}), and for sensitive actions a recent second factor (403 {@code step-up-required}).
 *
 * <p>API tokens with the {@code admin} scope skip step-up: a token has no second factor to prove, it is made only by
 * an admin who proved theirs (or at the server's console), it is shown once, stored only as a digest, revocable and
 * can expire; it stands for an automated client whose whole authority was granted in one step-up already. Tokens
 * without {@code admin} never reach a sensitive route, which all need {@code admin}.
 */
final class Authorization {

    /** How recent a web session's second factor must be for a sensitive action. */
    static final Duration STEP_UP_WINDOW = StepUp.WINDOW;

    private static final Logger LOG = LoggerFactory.getLogger(Authorization.class);

    private final Clock clock;

    Authorization(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code ctx.next()} when the caller may use the route, else fails the request with the refusal. */
    void check(RoutingContext ctx, Access access) {
        Principal principal = Caller.principal(ctx);
        String refusal = refusal(principal, access);
        if (refusal != null) {
            LOG.warn("admin API: refused {} {} to {} {} ({}): {}", ctx.request().method(), ctx.request().path(),
                    principal.kind(), principal.name(), principal.role(), refusal);
            ctx.fail(new ApiException(ProblemType.FORBIDDEN, "this caller may not "
                    + ctx.request().method() + " " + ctx.request().path()));
            return;
        }
        if (access.stepUp()) {
            requireStepUp(ctx, principal);
        }
        if (!ctx.failed()) {
            ctx.next();
        }
    }

    /**
     * Fails the request with 403 {@code step-up-required} unless the caller proved a second factor within
     * {@link #STEP_UP_WINDOW} or is an API token with {@code admin}; for handlers whose sensitivity depends on the
     * body (a password set for someone else).
     *
     * @return whether the caller passed
     */
    boolean requireStepUp(RoutingContext ctx, Principal principal) {
        if (principal.kind() == Principal.Kind.API_TOKEN && principal.scopes().contains(ApiScope.ADMIN.text())) {
            return true;
        }
        if (StepUp.recent(principal, clock.instant())) {
            return true;
        }
        LOG.info("admin API: {} {} needs a step-up from {} {}", ctx.request().method(), ctx.request().path(),
                principal.kind(), principal.name());
        ctx.fail(new ApiException(ProblemType.STEP_UP_REQUIRED, "prove your second factor again (step-up) and"
                + " repeat the request within " + STEP_UP_WINDOW.toMinutes() + " minutes"));
        return false;
    }

    /** Why {@code principal} may not use a route of {@code access}, for the log; null when it may. */
    static String refusal(Principal principal, Access access) {
        if (access.portal()) {
            return principal.role() == Role.SUBSCRIBER && principal.subscriberId() != null ? null
                    : "a portal route is for subscribers only";
        }
        if (principal.role() == Role.SUBSCRIBER) {
            return "subscribers reach only the portal";
        }
        if (!access.scope().allows(principal.role(), held(principal))) {
            return "needs scope " + access.scope().text() + (principal.kind() == Principal.Kind.API_TOKEN
                    ? ", the token holds " + principal.scopes() : ", role " + principal.role() + " lacks it");
        }
        return null;
    }

    /** The scopes a caller holds: a token's own; a web session every scope of its role. */
    static Set<ApiScope> held(Principal principal) {
        if (principal.kind() == Principal.Kind.WEB_SESSION) {
            return ApiScope.grantedTo(principal.role());
        }
        Set<ApiScope> held = EnumSet.noneOf(ApiScope.class);
        for (String text : principal.scopes()) {
            held.addAll(ApiScope.parse("scopes", text));
        }
        return held;
    }
}
