package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.ChannelSort;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/channels}: list (paged, filtered, sorted as {@link ChannelQuery}), create, read, replace (optimistic:
 * {@code version} in the body or {@code If-Match}), delete; and a channel's renditions ({@code /renditions}): read,
 * and replace as a whole, which moves the channel's version on (the reply's ETag is the new one).
 */
final class ChannelResource {

    static final String PATH = AdminApi.BASE + "/channels";
    private static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "sort", "categoryId", "enabled",
            "nameContains", "radio");

    private final ChannelRepository channels;
    private final Representation<Channel> representation = Representation.versioned(PATH, Channel::id,
            Channel::version, ChannelView::of);

    ChannelResource(ChannelRepository channels) {
        this.channels = channels;
    }

    void mount(Routes routes) {
        Routes.Area catalogue = routes.area(ApiScope.CATALOGUE_READ, ApiScope.CATALOGUE_WRITE);
        catalogue.add(HttpMethod.GET, PATH, this::list);
        catalogue.add(HttpMethod.POST, PATH, this::create);
        catalogue.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, channels::get));
        catalogue.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        catalogue.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "channel", channels::delete));
        catalogue.add(HttpMethod.GET, PATH + "/:id/renditions", this::renditions);
        catalogue.add(HttpMethod.PUT, PATH + "/:id/renditions", this::replaceRenditions);
    }

    private void renditions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> channels.renditions(id), ids -> Replies.json(ctx, 200, new RenditionsBody(ids)));
    }

    private void replaceRenditions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        RenditionsBody body = Json.body(ctx, RenditionsBody.class, "renditions");
        if (body.renditions() == null) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "renditions", "is missing: send [] to remove them");
        }
        Blocking.run(ctx, () -> channels.setRenditions(id, body.renditions()), channel -> Replies.tagged(ctx,
                representation.etag(channel), new RenditionsBody(body.renditions())));
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), LIST_PARAMETERS);
        Paging paging = Paging.from(query);
        Boolean enabled = query.bool("enabled");
        Boolean radio = query.bool("radio");
        QueryParameters.Sorting<ChannelSort> sort = query.sort(ChannelSort.class, ChannelSort.NUMBER);
        query.check();
        ChannelQuery channelQuery = new ChannelQuery(query.text("categoryId"), enabled, query.text("nameContains"), radio,
                sort.by(), sort.descending(), paging.offset(), paging.size());
        representation.page(ctx, paging, () -> channels.list(channelQuery));
    }

    private void create(RoutingContext ctx) {
        ChannelBody body = Json.body(ctx, ChannelBody.class, "channel");
        Bodies.noVersion(body.version());
        ChannelDraft draft = body.draft(null);
        representation.create(ctx, () -> channels.create(draft));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        ChannelBody body = Json.body(ctx, ChannelBody.class, "channel");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        ChannelDraft draft = body.draft(id);
        representation.update(ctx, version, channels::get, expected -> channels.update(expected, draft));
    }
}
