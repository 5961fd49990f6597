package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/movies}: list (paged, filtered, sorted as {@link VodQuery}), create, read, replace (optimistic:
 * {@code version} or {@code If-Match}; the probed media info is kept), delete.
 */
final class MovieResource {

    static final String PATH = AdminApi.BASE + "/movies";
    static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "sort", "categoryId", "nameContains", "year",
            "enabled");

    private final MovieRepository movies;
    private final Representation<Movie> representation = Representation.versioned(PATH, Movie::id, Movie::version,
            VodViews::movie);

    MovieResource(MovieRepository movies) {
        this.movies = movies;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, ctx -> {
            VodListing listing = VodListing.of(ctx);
            representation.page(ctx, listing.paging(), () -> movies.list(listing.query()));
        });
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, movies::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "movie", movies::delete));
    }

    /** A VOD listing's page and query, from the request's parameters (shared with series). */
    record VodListing(Paging paging, VodQuery query) {

        static VodListing of(RoutingContext ctx) {
            QueryParameters query = new QueryParameters(ctx.queryParams(), LIST_PARAMETERS);
            Paging paging = Paging.from(query);
            QueryParameters.Sorting<VodSort> sort = query.sort(VodSort.class, VodSort.NAME);
            Boolean enabled = query.bool("enabled");
            Integer year = query.text("year") == null ? null : query.integer("year", 0, 0, 9999);
            query.check();
            return new VodListing(paging, new VodQuery(query.text("categoryId"), query.text("nameContains"), year,
                    enabled, null, sort.by(), sort.descending(), paging.offset(), paging.size()));
        }
    }

    private void create(RoutingContext ctx) {
        MovieBody body = Json.body(ctx, MovieBody.class, "movie");
        Bodies.noVersion(body.version());
        MovieDraft draft = body.draft(null, null);
        representation.create(ctx, () -> movies.create(draft));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        MovieBody body = Json.body(ctx, MovieBody.class, "movie");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        body.draft(id, null); // validated on the event loop, before any database work
        representation.update(ctx, () -> {
            Movie current = movies.get(id);
            return movies.update(version == null ? current.version() : version, body.draft(id, current.mediaInfo()));
        });
    }
}
