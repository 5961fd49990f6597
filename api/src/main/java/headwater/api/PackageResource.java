package headwater.api;

import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/packages}: list (paged, by id), create, read, replace (with {@code If-Match}), delete, and the
 * package's channels (paged, by number).
 */
final class PackageResource {

    static final String PATH = AdminApi.BASE + "/packages";
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "size");

    private final PackageRepository packages;
    private final ContentGuard guard = new ContentGuard("package");

    PackageResource(PackageRepository packages) {
        this.packages = packages;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, this::list);
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", this::read);
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", this::delete);
        routes.add(HttpMethod.GET, PATH + "/:id/channels", this::channels);
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), PAGE_PARAMETERS);
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, packages::list, all -> Replies.listing(ctx,
                paging.listing(paging.of(all).stream().map(PackageView::of).toList(), all.size())));
    }

    private void create(RoutingContext ctx) {
        Package pkg = Json.body(ctx, PackageBody.class, "package").pkg(null);
        Blocking.run(ctx, () -> packages.create(pkg), created -> {
            PackageView view = PackageView.of(created);
            Replies.created(ctx, PATH + "/" + created.id(), IfMatch.contentTag(view), view);
        });
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> packages.get(id), pkg -> reply(ctx, pkg));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = ContentGuard.required(ctx.request().getHeader(IfMatch.HEADER));
        Package pkg = Json.body(ctx, PackageBody.class, "package").pkg(id);
        Blocking.run(ctx, () -> guard.replace(id, ifMatch, () -> PackageView.of(packages.get(id)),
                () -> packages.update(pkg)), updated -> reply(ctx, updated));
    }

    private void delete(RoutingContext ctx) {
        Crud.delete(ctx, "package", packages::delete);
    }

    private void channels(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        QueryParameters query = new QueryParameters(ctx.queryParams(), PAGE_PARAMETERS);
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, () -> packages.channels(id, paging.offset(), paging.size()), page -> Replies.listing(ctx,
                paging.listing(page.items().stream().map(ChannelView::of).toList(), page.total())));
    }

    private static void reply(RoutingContext ctx, Package pkg) {
        PackageView view = PackageView.of(pkg);
        Replies.tagged(ctx, IfMatch.contentTag(view), view);
    }
}
