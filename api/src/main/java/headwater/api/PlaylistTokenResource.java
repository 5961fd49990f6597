package headwater.api;

import headwater.api.xtream.PlaylistTokens;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/**
 * {@code /api/v1/subscribers/{id}/playlist-tokens}: a subscriber's playlist tokens, which players use in place of the
 * username and password ({@code get.php?token=…}). List (never a secret), make one ({@code POST}, optionally for one
 * of the subscriber's devices and with a label; the token is in the answer, once), revoke one ({@code DELETE …/{tokenId}}:
 * it stops working at once and stays listed as revoked).
 */
final class PlaylistTokenResource {

    static final String PATH = SubscriberResource.PATH + "/:id/playlist-tokens";

    private final PlaylistTokens tokens;
    private final SubscriberRepository subscribers;
    private final DeviceRepository devices;
    private final Clock clock;

    /** @param tokens the tokens, or null when this server keeps none (every call answers 404) */
    PlaylistTokenResource(PlaylistTokens tokens, SubscriberRepository subscribers, DeviceRepository devices,
                          Clock clock) {
        this.tokens = tokens;
        this.subscribers = subscribers;
        this.devices = devices;
        this.clock = clock;
    }

    void mount(Routes routes) {
        Routes.Area area = routes.area(ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE);
        area.add(HttpMethod.GET, PATH, this::list);
        area.add(HttpMethod.POST, PATH, this::create);
        area.add(HttpMethod.DELETE, PATH + "/:tokenId", this::revoke);
    }

    private void list(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> {
            subscriber(reseller, id);
            return available().repository().ofSubscriber(id).stream().map(PlaylistTokenView::of).toList();
        }, views -> Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size())));
    }

    private void create(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Buffer buffer = ctx.body().buffer();
        PlaylistTokenBody body = buffer == null || buffer.length() == 0 ? new PlaylistTokenBody(null, null)
                : Json.read(buffer.getBytes(), PlaylistTokenBody.class, "playlist token");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> {
            subscriber(reseller, id);
            if (body.deviceId() != null && devices.find(body.deviceId())
                    .filter(device -> device.subscriberId().equals(id)).isEmpty()) {
                throw new UnknownReferenceException("playlist token", "of subscriber " + id, "device",
                        List.of(body.deviceId()));
            }
            return IssuedPlaylistTokenView.of(available().issue(id, body.deviceId(), body.label()));
        }, view -> Replies.created(ctx, SubscriberResource.PATH + "/" + id + "/playlist-tokens/" + view.id(),
                "\"" + view.id() + "\"", view));
    }

    private void revoke(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String tokenId = ctx.pathParam("tokenId");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> {
            subscriber(reseller, id);
            return available().repository().revoke(id, tokenId, clock.instant())
                    .orElseThrow(() -> new NotFoundException("playlist token", tokenId));
        }, revoked -> Replies.noContent(ctx));
    }

    /** @throws NotFoundException no such subscriber, or not the calling reseller's */
    private void subscriber(String reseller, String id) {
        Caller.own(reseller, subscribers.find(id).orElseThrow(() -> new NotFoundException("subscriber", id)));
    }

    private PlaylistTokens available() {
        if (tokens == null) {
            throw new ApiException(ProblemType.NOT_FOUND, "this server keeps no playlist tokens");
        }
        return tokens;
    }
}
