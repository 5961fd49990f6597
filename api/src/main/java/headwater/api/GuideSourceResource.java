package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.guide.GuideSource;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.GuideSourceRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/guide-sources}: the XMLTV sources the guide is merged from: list (paged, by id), create, read,
 * replace (optimistic: {@code version} or {@code If-Match}), delete.
 */
final class GuideSourceResource {

    static final String PATH = AdminApi.BASE + "/guide-sources";

    private final GuideSourceRepository sources;
    private final Representation<GuideSource> representation = Representation.versioned(PATH, GuideSource::id,
            GuideSource::version, GuideSourceView::of);

    GuideSourceResource(GuideSourceRepository sources) {
        this.sources = sources;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, ctx -> representation.list(ctx, Paging.only(ctx), sources::list));
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, sources::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "guide source", sources::delete));
    }

    private void create(RoutingContext ctx) {
        GuideSourceBody body = Json.body(ctx, GuideSourceBody.class, "guide source");
        Bodies.noVersion(body.version());
        GuideSourceDraft draft = body.draft(null);
        representation.create(ctx, () -> sources.create(draft));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        GuideSourceBody body = Json.body(ctx, GuideSourceBody.class, "guide source");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        GuideSourceDraft draft = body.draft(id);
        representation.update(ctx, version, sources::get, expected -> sources.update(expected, draft));
    }
}
