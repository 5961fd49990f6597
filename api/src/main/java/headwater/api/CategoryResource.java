package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.CategoryRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/categories}: list (paged, filtered by {@code kind}, in display order), create, read, replace
 * (optimistic: {@code version} in the body or {@code If-Match}), delete (refused while channels or child categories use it).
 */
final class CategoryResource {

    static final String PATH = AdminApi.BASE + "/categories";
    private static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "kind");

    private final CategoryRepository categories;
    private final Representation<Category> representation = Representation.versioned(PATH, Category::id,
            Category::version, CategoryView::of);

    CategoryResource(CategoryRepository categories) {
        this.categories = categories;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, this::list);
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, categories::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "category", categories::delete));
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), LIST_PARAMETERS);
        Paging paging = Paging.from(query);
        CategoryKind kind = query.choice("kind", CategoryKind.class);
        query.check();
        representation.list(ctx, paging, () -> categories.list(kind));
    }

    private void create(RoutingContext ctx) {
        CategoryBody body = Json.body(ctx, CategoryBody.class, "category");
        Bodies.noVersion(body.version());
        Category category = body.category(null);
        representation.create(ctx, () -> categories.create(category));
    }

    private void replace(RoutingContext ctx) {
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        CategoryBody body = Json.body(ctx, CategoryBody.class, "category");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        Category category = body.category(ctx.pathParam("id"));
        representation.update(ctx, version, categories::get, expected -> categories.update(expected, category));
    }
}
