package headwater.api;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.CategoryRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/categories}: list (paged, filtered by {@code kind}, in display order), create, read, replace (with
 * {@code If-Match}), delete (refused while channels or child categories use it).
 */
final class CategoryResource {

    static final String PATH = AdminApi.BASE + "/categories";
    private static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "kind");

    private final CategoryRepository categories;
    private final ContentGuard guard = new ContentGuard("category");

    CategoryResource(CategoryRepository categories) {
        this.categories = categories;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, this::list);
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", this::read);
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", this::delete);
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), LIST_PARAMETERS);
        Paging paging = Paging.from(query);
        CategoryKind kind = query.choice("kind", CategoryKind.class);
        query.check();
        Blocking.run(ctx, () -> categories.list(kind), all -> Replies.listing(ctx,
                paging.listing(paging.of(all).stream().map(CategoryView::of).toList(), all.size())));
    }

    private void create(RoutingContext ctx) {
        Category category = Json.body(ctx, CategoryBody.class, "category").category(null);
        Blocking.run(ctx, () -> categories.create(category), created -> {
            CategoryView view = CategoryView.of(created);
            Replies.created(ctx, PATH + "/" + created.id(), IfMatch.contentTag(view), view);
        });
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> categories.get(id), category -> reply(ctx, category));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = ContentGuard.required(ctx.request().getHeader(IfMatch.HEADER));
        Category category = Json.body(ctx, CategoryBody.class, "category").category(id);
        Blocking.run(ctx, () -> guard.replace(id, ifMatch, () -> CategoryView.of(categories.get(id)),
                () -> categories.update(category)), updated -> reply(ctx, updated));
    }

    private void delete(RoutingContext ctx) {
        Crud.delete(ctx, "category", categories::delete);
    }

    private static void reply(RoutingContext ctx, Category category) {
        CategoryView view = CategoryView.of(category);
        Replies.tagged(ctx, IfMatch.contentTag(view), view);
    }

}
