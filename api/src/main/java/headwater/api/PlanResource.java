package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/plans}: list (paged, by id), create, read, replace (optimistic: {@code version} in the
 * body or {@code If-Match}), delete (refused while
 * subscribers are on the plan).
 */
final class PlanResource {

    static final String PATH = AdminApi.BASE + "/plans";

    private final PlanRepository plans;
    private final Representation<Plan> representation = Representation.versioned(PATH, Plan::id, Plan::version,
            PlanView::of);

    PlanResource(PlanRepository plans) {
        this.plans = plans;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, ctx -> representation.list(ctx, Paging.only(ctx), plans::list));
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, plans::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "plan", plans::delete));
    }

    private void create(RoutingContext ctx) {
        PlanBody body = Json.body(ctx, PlanBody.class, "plan");
        Bodies.noVersion(body.version());
        Plan plan = body.plan(null);
        representation.create(ctx, () -> plans.create(plan));
    }

    private void replace(RoutingContext ctx) {
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        PlanBody body = Json.body(ctx, PlanBody.class, "plan");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        Plan plan = body.plan(ctx.pathParam("id"));
        representation.update(ctx, version, plans::get, expected -> plans.update(expected, plan));
    }
}
