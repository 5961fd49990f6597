package headwater.api;

import headwater.domain.apitoken.ApiScope;
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
        Routes.Area area = routes.area(ApiScope.RESELLERS_READ, ApiScope.RESELLERS_WRITE);
        area.add(HttpMethod.GET, PATH, ctx -> {
            String reseller = Caller.reseller(ctx);
            representation.list(ctx, Paging.only(ctx), () -> reseller == null ? resellers.list()
                    : resellers.find(reseller).stream().toList());
        });
        area.add(HttpMethod.POST, PATH, this::create);
        area.add(HttpMethod.GET, PATH + "/:id", ctx -> {
            String reseller = Caller.reseller(ctx);
            representation.read(ctx, id -> {
                Caller.ownReseller(reseller, id);
                return resellers.get(id);
            });
        });
        area.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        area.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "reseller", id -> {
            resellers.find(id).ifPresent(current -> AuditRecorder.before(ctx, ResellerView.of(current)));
            return resellers.delete(id);
        }));
        area.add(HttpMethod.POST, PATH + "/:id/credits", ctx -> move(ctx, true));
        area.add(HttpMethod.POST, PATH + "/:id/debits", ctx -> move(ctx, false));
        area.add(HttpMethod.GET, PATH + "/:id/movements", this::movements);
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
        representation.update(ctx, () -> {
            Reseller current = resellers.get(id);
            AuditRecorder.before(ctx, ResellerView.of(current));
            return resellers.update(version != null ? version : current.version(), draft);
        });
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
        String reseller = Caller.reseller(ctx);
        movements.page(ctx, paging, () -> {
            Caller.ownReseller(reseller, id);
            return resellers.movements(id, paging.offset(), paging.size());
        });
    }
}
