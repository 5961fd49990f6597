package headwater.api;

import headwater.domain.subscriber.CreditMovement;
import headwater.domain.subscriber.Reseller;
import headwater.domain.subscriber.ResellerDraft;
import headwater.domain.subscriber.ResellerRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/resellers}: list (paged, by id), create, read, rename (optimistic: {@code version} or
 * {@code If-Match}; credit movements move the version on too), delete (refused while it owns subscribers); credits
 * added ({@code POST /credits}) or spent ({@code POST /debits}) atomically, and the ledger ({@code GET /movements}).
 */
final class ResellerResource {

    static final String PATH = AdminApi.BASE + "/resellers";

    private final ResellerRepository resellers;
    private final Representation<Reseller> representation = Representation.versioned(PATH, Reseller::id,
            Reseller::version, ResellerView::of);
    private final Representation<CreditMovement> movements = Representation.content(PATH,
            CreditMovement::resellerId, ResellerView.Movement::of);

    ResellerResource(ResellerRepository resellers) {
        this.resellers = resellers;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, ctx -> representation.list(ctx, Paging.only(ctx), resellers::list));
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, resellers::get));
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "reseller", resellers::delete));
        routes.add(HttpMethod.POST, PATH + "/:id/credits", ctx -> move(ctx, true));
        routes.add(HttpMethod.POST, PATH + "/:id/debits", ctx -> move(ctx, false));
        routes.add(HttpMethod.GET, PATH + "/:id/movements", this::movements);
    }

    private void create(RoutingContext ctx) {
        ResellerBody body = Json.body(ctx, ResellerBody.class, "reseller");
        Bodies.noVersion(body.version());
        ResellerDraft draft = body.draft(null);
        representation.create(ctx, () -> resellers.create(draft));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        ResellerBody body = Json.body(ctx, ResellerBody.class, "reseller");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        ResellerDraft draft = body.draft(id);
        representation.update(ctx, version, resellers::get, expected -> resellers.update(expected, draft));
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
        Paging paging = Paging.only(ctx);
        movements.page(ctx, paging, () -> resellers.movements(id, paging.offset(), paging.size()));
    }
}
