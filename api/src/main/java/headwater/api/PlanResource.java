package headwater.api;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/plans}: list (paged, by id), create, read, replace (with {@code If-Match}), delete (refused while
 * subscribers are on the plan).
 */
final class PlanResource {

    static final String PATH = AdminApi.BASE + "/plans";

    private final PlanRepository plans;
    private final ContentGuard guard = new ContentGuard("plan");
    private final Representation<Plan> representation = Representation.content(PATH, Plan::id, PlanView::of);

    PlanResource(PlanRepository plans) {
        this.plans = plans;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, ctx -> representation.list(ctx, Paging.only(ctx), plans::list));
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, plans::get));
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "plan", plans::delete));
    }

    private void create(RoutingContext ctx) {
        Plan plan = Json.body(ctx, PlanBody.class, "plan").plan(null);
        representation.create(ctx, () -> plans.create(plan));
    }

    private void replace(RoutingContext ctx) {
        IfMatch ifMatch = ContentGuard.required(ctx.request().getHeader(IfMatch.HEADER));
        Plan plan = Json.body(ctx, PlanBody.class, "plan").plan(ctx.pathParam("id"));
        representation.replace(ctx, guard, ifMatch, plans::get, () -> plans.update(plan));
    }
}
