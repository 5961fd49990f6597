package headwater.api;

import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/devices}: create, read, replace (with {@code If-Match}; {@code lastSeen} is kept), delete. A
 * subscriber's devices are listed under {@code /api/v1/subscribers/{id}/devices}.
 */
final class DeviceResource {

    static final String PATH = AdminApi.BASE + "/devices";

    private final DeviceRepository devices;
    private final ContentGuard guard = new ContentGuard("device");

    DeviceResource(DeviceRepository devices) {
        this.devices = devices;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", this::read);
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "device", devices::delete));
    }

    private void create(RoutingContext ctx) {
        Device device = Json.body(ctx, DeviceBody.class, "device").device(null, null);
        Blocking.run(ctx, () -> devices.create(device), created -> {
            DeviceView view = DeviceView.of(created);
            Replies.created(ctx, PATH + "/" + created.id(), IfMatch.contentTag(view), view);
        });
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> devices.get(id), device -> reply(ctx, device));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = ContentGuard.required(ctx.request().getHeader(IfMatch.HEADER));
        DeviceBody body = Json.body(ctx, DeviceBody.class, "device");
        body.device(id, null); // validated here, on the event loop, before any database work
        Blocking.run(ctx, () -> guard.replace(id, ifMatch, () -> DeviceView.of(devices.get(id)),
                () -> devices.update(body.device(id, devices.get(id).lastSeen()))), updated -> reply(ctx, updated));
    }

    private static void reply(RoutingContext ctx, Device device) {
        DeviceView view = DeviceView.of(device);
        Replies.tagged(ctx, IfMatch.contentTag(view), view);
    }
}
