package headwater.api;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/plans}: list (paged, by id), create, read, replace (with {@code If-Match}), delete (refused while
 * subscribers are on the plan).
 */
final class PlanResource {

    static final String PATH = AdminApi.BASE + "/plans";
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "size");

    private final PlanRepository plans;
    private final ContentGuard guard = new ContentGuard("plan");

    PlanResource(PlanRepository plans) {
        this.plans = plans;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, this::list);
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", this::read);
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "plan", plans::delete));
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), PAGE_PARAMETERS);
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, plans::list, all -> Replies.listing(ctx,
                paging.listing(paging.of(all).stream().map(PlanView::of).toList(), all.size())));
    }

    private void create(RoutingContext ctx) {
        Plan plan = Json.body(ctx, PlanBody.class, "plan").plan(null);
        Blocking.run(ctx, () -> plans.create(plan), created -> {
            PlanView view = PlanView.of(created);
            Replies.created(ctx, PATH + "/" + created.id(), IfMatch.contentTag(view), view);
        });
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> plans.get(id), plan -> reply(ctx, plan));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = ContentGuard.required(ctx.request().getHeader(IfMatch.HEADER));
        Plan plan = Json.body(ctx, PlanBody.class, "plan").plan(id);
        Blocking.run(ctx, () -> guard.replace(id, ifMatch, () -> PlanView.of(plans.get(id)), () -> plans.update(plan)),
                updated -> reply(ctx, updated));
    }

    private static void reply(RoutingContext ctx, Plan plan) {
        PlanView view = PlanView.of(plan);
        Replies.tagged(ctx, IfMatch.contentTag(view), view);
    }
}
