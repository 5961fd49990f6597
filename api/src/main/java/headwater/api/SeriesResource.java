package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.Check;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.vod.Episode;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.Series;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.SeriesRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/series}: list, create, read, replace (optimistic), delete; a series' seasons
 * ({@code /seasons/{number}}: put, delete, list) and episodes ({@code /episodes}: list, create); and
 * {@code /api/v1/episodes/{id}}: read, replace (optimistic; media info kept), delete.
 */
final class SeriesResource {

    static final String PATH = AdminApi.BASE + "/series";
    static final String EPISODES = AdminApi.BASE + "/episodes";

    private final SeriesRepository series;
    private final Representation<Series> representation = Representation.versioned(PATH, Series::id, Series::version,
            VodViews::series);
    private final Representation<Season> seasons = Representation.content(PATH, Season::seriesId, VodViews::season);
    private final Representation<Episode> episodes = Representation.versioned(EPISODES, Episode::id,
            Episode::version, VodViews::episode);

    SeriesResource(SeriesRepository series) {
        this.series = series;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, ctx -> {
            MovieResource.VodListing listing = MovieResource.VodListing.of(ctx);
            representation.page(ctx, listing.paging(), () -> series.list(listing.query()));
        });
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, series::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "series", series::delete));
        catalogue.add(HttpMethod.GET, PATH + "/:id/seasons", ctx -> seasons.list(ctx, Paging.only(ctx), () -> {
            String id = series.get(ctx.pathParam("id")).id(); // an unknown series is 404, not an empty list
            return series.seasons(id);
        }));
        catalogue.add(HttpMethod.PUT, PATH + "/:id/seasons/:number", this::saveSeason);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id/seasons/:number", this::deleteSeason);
        catalogue.add(HttpMethod.GET, PATH + "/:id/episodes", ctx -> episodes.list(ctx, Paging.only(ctx), () -> {
            String id = series.get(ctx.pathParam("id")).id();
            return series.episodes(id);
        }));
        catalogue.add(HttpMethod.POST, PATH + "/:id/episodes", this::createEpisode);
        catalogue.add(HttpMethod.GET, EPISODES + "/:id", ctx -> episodes.read(ctx, series::getEpisode));
        catalogue.add(HttpMethod.PUT, EPISODES + "/:id", this::replaceEpisode);
        catalogue.add(HttpMethod.DELETE, EPISODES + "/:id", ctx -> Crud.delete(ctx, "episode", series::deleteEpisode));
    }

    private void create(RoutingContext ctx) {
        SeriesBody body = Json.body(ctx, SeriesBody.class, "series");
        Bodies.noVersion(body.version());
        SeriesDraft draft = body.draft(null);
        representation.create(ctx, () -> series.create(draft));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        SeriesBody body = Json.body(ctx, SeriesBody.class, "series");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        SeriesDraft draft = body.draft(id);
        representation.update(ctx, version, series::get, expected -> series.update(expected, draft));
    }

    private void saveSeason(RoutingContext ctx) {
        Season season = Json.body(ctx, SeasonBody.class, "season").season(ctx.pathParam("id"), number(ctx));
        seasons.update(ctx, () -> series.saveSeason(season));
    }

    private void deleteSeason(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int number = number(ctx);
        Blocking.run(ctx, () -> {
            if (!series.deleteSeason(id, number)) {
                throw new NotFoundException("series " + id + " season", String.valueOf(number));
            }
            return number;
        }, deleted -> Replies.noContent(ctx));
    }

    private void createEpisode(RoutingContext ctx) {
        EpisodeBody body = Json.body(ctx, EpisodeBody.class, "episode");
        Bodies.noVersion(body.version());
        EpisodeDraft draft = body.draft(null, ctx.pathParam("id"), null);
        episodes.create(ctx, () -> series.createEpisode(draft));
    }

    private void replaceEpisode(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        EpisodeBody body = Json.body(ctx, EpisodeBody.class, "episode");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        body.draft(id, null, null); // validated on the event loop, before any database work
        episodes.update(ctx, () -> {
            Episode current = series.getEpisode(id);
            return series.updateEpisode(version == null ? current.version() : version,
                    body.draft(id, null, current.mediaInfo()));
        });
    }

    private static int number(RoutingContext ctx) {
        String text = ctx.pathParam("number");
        if (!text.matches("[0-9]{1,5}")) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "number", "is \"" + text + "\": a season number is "
                    + "0 to " + Season.MAX_NUMBER);
        }
        return Check.range("season", "number", Integer.parseInt(text), 0, Season.MAX_NUMBER);
    }
}
