package headwater.api;

import headwater.api.auth.Principal;
import headwater.domain.audit.AuditEvent;
import headwater.domain.audit.AuditTrail;
import headwater.domain.identity.Role;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every mutation ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) through the API in the
 * {@link AuditTrail} once its answer is sent: who (the Principal, or {@code anonymous}), from where, what
 * ({@code subscribers.update}), on what, the state before (when the resource noted it, {@link #before}) and after
 * (the answer's body), secrets redacted ({@link SecretRedaction}), and the outcome: {@code ok}, {@code refused:<problem>}
 * for 401 and 403, {@code failed:<problem>} for any other problem. Mounted first, so refused attempts are recorded
 * too. The trail is written on a worker thread; a failure there is logged and never reaches the client.
 */
final class AuditRecorder implements Handler<RoutingContext> {

    static final String BEFORE = "headwater.audit.before";
    static final String AFTER = "headwater.audit.after";
    static final String PROBLEM = "headwater.audit.problem";
    private static final String SELF_SERVICE = AdminApi.BASE + "/auth/";

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
    private static final Set<HttpMethod> MUTATIONS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final AuditTrail trail;
    private final Clock clock;

    AuditRecorder(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Notes the state of the target before the change (its view; redacted when recorded). */
    static void before(RoutingContext ctx, Object view) {
        ctx.put(BEFORE, view);
    }

    @Override
    public void handle(RoutingContext ctx) {
        // The web sessions' own routes (password change, TOTP, logout) record their security events themselves.
        if (MUTATIONS.contains(ctx.request().method()) && !ctx.normalizedPath().startsWith(SELF_SERVICE)) {
            ctx.addBodyEndHandler(done -> record(ctx));
        }
        ctx.next();
    }

    private void record(RoutingContext ctx) {
        AuditEvent event;
        try {
            event = event(ctx);
        } catch (RuntimeException e) {
            LOG.error("audit: could not describe {} {}", ctx.request().method(), ctx.request().path(), e);
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            trail.record(event);
            return null;
        }, false).onFailure(e -> LOG.error("audit: could not record {} {}", event.action(), event.targetId(), e));
    }

    private AuditEvent event(RoutingContext ctx) {
        Principal principal = ctx.get(Principal.KEY);
        int status = ctx.response().getStatusCode();
        Problem problem = ctx.get(PROBLEM);
        String slug = problem == null ? "status-" + status : problem.type().substring(problem.type().lastIndexOf(':') + 1);
        String outcome = status < 400 ? "ok" : (status == 401 || status == 403 ? "refused:" : "failed:") + slug;
        String[] segments = ctx.request().path().substring(AdminApi.BASE.length()).split("/");
        String collection = segments.length > 1 ? segments[1] : "-";
        String targetId = segments.length > 2 ? segments[2] : created(ctx);
        StringBuilder action = new StringBuilder(collection);
        for (int i = 3; i < segments.length; i += 2) {
            action.append('.').append(segments[i]);
        }
        action.append('.').append(verb(ctx.request().method()));
        String address = ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().hostAddress();
        return new AuditEvent(clock.instant(), actorKind(principal), principal == null ? "-" : principal.name(),
                address, action.toString(), collection, targetId, SecretRedaction.json(ctx.get(BEFORE)),
                status < 300 ? SecretRedaction.json(ctx.get(AFTER)) : null, outcome);
    }

    private static String created(RoutingContext ctx) {
        String location = ctx.response().headers().get(HttpHeaders.LOCATION);
        return location == null ? "-" : location.substring(location.lastIndexOf('/') + 1);
    }

    private static String verb(HttpMethod method) {
        return method == HttpMethod.POST ? "create" : method == HttpMethod.DELETE ? "delete" : "update";
    }

    private static String actorKind(Principal principal) {
        if (principal == null) {
            return "anonymous";
        }
        if (principal.kind() == Principal.Kind.API_TOKEN) {
            return "api-token";
        }
        return principal.role() == Role.RESELLER ? "reseller"
                : principal.role() == Role.SUBSCRIBER ? "subscriber" : "operator";
    }
}
