package headwater.api;

import headwater.api.auth.Principal;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/api-tokens}: the API's tokens: list (never a token nor its digest), make one ({@code POST}: the
 * token is in the answer, once), revoke one ({@code DELETE …/{name}}: it stops working at once and stays listed as
 * revoked). Admins only; making and revoking are sensitive (step-up). A new token's scopes must be held by its maker.
 */
final class ApiTokenResource {

    static final String PATH = AdminApi.BASE + "/api-tokens";

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenResource(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, Access.to(ApiScope.ADMIN), this::list);
        routes.add(HttpMethod.POST, PATH, Access.sensitive(ApiScope.ADMIN), this::create);
        routes.add(HttpMethod.DELETE, PATH + "/:name", Access.sensitive(ApiScope.ADMIN), this::revoke);
    }

    private void list(RoutingContext ctx) {
        Blocking.run(ctx, tokens::list, all -> {
            List<ApiTokenView> views = all.stream().map(t -> ApiTokenView.of(t, clock.instant())).toList();
            Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size()));
        });
    }

    private void create(RoutingContext ctx) {
        ApiTokenBody body = Json.body(ctx, ApiTokenBody.class, "api token");
        Set<ApiScope> scopes = body.scopeSet();
        Principal maker = Caller.principal(ctx);
        Set<ApiScope> beyond = EnumSet.copyOf(scopes);
        Set<ApiScope> held = Authorization.held(maker);
        if (!held.contains(ApiScope.ADMIN)) {
            beyond.removeAll(held);
        } else {
            beyond.removeAll(ApiScope.grantedTo(maker.role()));
        }
        if (!beyond.isEmpty()) {
            throw ApiException.field(ProblemType.PRIVILEGED_FIELD, "scopes", beyond.stream().map(ApiScope::text)
                    .toList() + " are beyond what you hold yourself");
        }
        Blocking.run(ctx, () -> tokens.issue(body.name(), body.role(), scopes, body.resellerId(), maker.name(),
                        body.expiry()),
                issued -> Replies.created(ctx, PATH + "/" + issued.token().name(), "\"" + issued.token().name() + "\"",
                        ApiTokenView.issued(issued, clock.instant())));
    }

    private void revoke(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Blocking.run(ctx, () -> tokens.revoke(name).orElseThrow(() -> new NotFoundException("api token", name)),
                revoked -> {
                    ctx.put(AuditRecorder.AFTER, ApiTokenView.of(revoked, clock.instant()));
                    Replies.noContent(ctx);
                });
    }
}
