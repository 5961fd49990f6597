package headwater.api;

import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/devices}: create, read, replace (optimistic: {@code version} in the body or
 * {@code If-Match}; {@code lastSeen} is kept), delete. A
 * subscriber's devices are listed under {@code /api/v1/subscribers/{id}/devices}.
 */
final class DeviceResource {

    static final String PATH = AdminApi.BASE + "/devices";

    private final DeviceRepository devices;
    private final Representation<Device> representation = Representation.versioned(PATH, Device::id,
            Device::version, DeviceView::of);

    DeviceResource(DeviceRepository devices) {
        this.devices = devices;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", ctx -> representation.read(ctx, devices::get));
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "device", devices::delete));
    }

    private void create(RoutingContext ctx) {
        DeviceBody body = Json.body(ctx, DeviceBody.class, "device");
        Bodies.noVersion(body.version());
        Device device = body.device(null);
        representation.create(ctx, () -> devices.create(device));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        DeviceBody body = Json.body(ctx, DeviceBody.class, "device");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        Device device = body.device(id);
        representation.update(ctx, version, devices::get, expected -> devices.update(expected, device));
    }
}
