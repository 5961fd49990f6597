package headwater.api;

import headwater.domain.subscriber.Reseller;
import headwater.domain.subscriber.ResellerDraft;
import headwater.domain.subscriber.ResellerRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/resellers}: list (paged, by id), create, read, rename (optimistic: {@code version} or
 * {@code If-Match}; credit movements move the version on too), delete (refused while it owns subscribers); credits
 * added ({@code POST /credits}) or spent ({@code POST /debits}) atomically, and the ledger ({@code GET /movements}).
 */
final class ResellerResource {

    static final String PATH = AdminApi.BASE + "/resellers";
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "size");

    private final ResellerRepository resellers;

    ResellerResource(ResellerRepository resellers) {
        this.resellers = resellers;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, this::list);
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", this::read);
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "reseller", resellers::delete));
        routes.add(HttpMethod.POST, PATH + "/:id/credits", ctx -> move(ctx, true));
        routes.add(HttpMethod.POST, PATH + "/:id/debits", ctx -> move(ctx, false));
        routes.add(HttpMethod.GET, PATH + "/:id/movements", this::movements);
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), PAGE_PARAMETERS);
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, resellers::list, all -> Replies.listing(ctx,
                paging.listing(paging.of(all).stream().map(ResellerView::of).toList(), all.size())));
    }

    private void create(RoutingContext ctx) {
        ResellerBody body = Json.body(ctx, ResellerBody.class, "reseller");
        if (body.version() != null) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "version", "is set by the server: leave it out "
                    + "when creating");
        }
        ResellerDraft draft = body.draft(null);
        Blocking.run(ctx, () -> resellers.create(draft), created -> Replies.created(ctx, PATH + "/" + created.id(),
                IfMatch.versionTag(created.version()), ResellerView.of(created)));
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> resellers.get(id), reseller -> reply(ctx, reseller));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        ResellerBody body = Json.body(ctx, ResellerBody.class, "reseller");
        Long version = IfMatch.expectedVersion(ifMatch, body.version());
        ResellerDraft draft = body.draft(id);
        ctx.put(Problems.IF_MATCH_USED, ifMatch != null);
        Blocking.run(ctx, () -> resellers.update(version == null ? resellers.get(id).version() : version, draft),
                updated -> reply(ctx, updated));
    }

    private void move(RoutingContext ctx, boolean add) {
        String id = ctx.pathParam("id");
        CreditBody body = Json.body(ctx, CreditBody.class, "credit movement");
        long amount = body.checkedAmount();
        Blocking.run(ctx, () -> add ? resellers.addCredits(id, amount, body.reason())
                        : resellers.spendCredits(id, amount, body.reason()),
                movement -> Replies.json(ctx, 200, ResellerView.Movement.of(movement)));
    }

    private void movements(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        QueryParameters query = new QueryParameters(ctx.queryParams(), PAGE_PARAMETERS);
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, () -> resellers.movements(id, paging.offset(), paging.size()), page -> Replies.listing(ctx,
                paging.listing(page.items().stream().map(ResellerView.Movement::of).toList(), page.total())));
    }

    private static void reply(RoutingContext ctx, Reseller reseller) {
        Replies.tagged(ctx, IfMatch.versionTag(reseller.version()), ResellerView.of(reseller));
    }
}
