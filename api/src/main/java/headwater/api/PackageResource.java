package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/packages}: list (paged, by id), create, read, replace (optimistic: {@code version} in
 * the body or {@code If-Match}), delete, and the
 * package's channels (paged, by number).
 */
final class PackageResource {

    static final String PATH = AdminApi.BASE + "/packages";

    private final PackageRepository packages;
    private final Representation<Package> representation = Representation.versioned(PATH, Package::id,
            Package::version, PackageView::of);
    private final Representation<Channel> channels = Representation.versioned(ChannelResource.PATH, Channel::id,
            Channel::version, ChannelView::of);

    PackageResource(PackageRepository packages) {
        this.packages = packages;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, ctx -> representation.list(ctx, Paging.only(ctx), packages::list));
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, packages::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "package", packages::delete));
        catalogue.add(HttpMethod.GET, PATH + "/:id/channels", this::channels);
    }

    private void create(RoutingContext ctx) {
        PackageBody body = Json.body(ctx, PackageBody.class, "package");
        Bodies.noVersion(body.version());
        Package pkg = body.pkg(null);
        representation.create(ctx, () -> packages.create(pkg));
    }

    private void replace(RoutingContext ctx) {
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        PackageBody body = Json.body(ctx, PackageBody.class, "package");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        Package pkg = body.pkg(ctx.pathParam("id"));
        representation.update(ctx, version, packages::get, expected -> packages.update(expected, pkg));
    }

    private void channels(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Paging paging = Paging.only(ctx);
        channels.page(ctx, paging, () -> packages.channels(id, paging.offset(), paging.size()));
    }
}
