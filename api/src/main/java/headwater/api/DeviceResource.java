package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/devices}: create, read, replace (optimistic: {@code version} in the body or
 * {@code If-Match}; {@code lastSeen} is kept), delete. A
 * subscriber's devices are listed under {@code /api/v1/subscribers/{id}/devices}.
 */
final class DeviceResource {

    static final String PATH = AdminApi.BASE + "/devices";

    private final DeviceRepository devices;
    private final SubscriberRepository subscribers;
    private final Representation<Device> representation = Representation.versioned(PATH, Device::id,
            Device::version, DeviceView::of);

    DeviceResource(DeviceRepository devices, SubscriberRepository subscribers) {
        this.devices = devices;
        this.subscribers = subscribers;
    }

    void mount(Routes routes) {
        Routes.Area area = routes.area(ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE);
        area.add(HttpMethod.POST, PATH, this::create);
        area.add(HttpMethod.GET, PATH + "/:id", ctx -> {
            String reseller = Caller.reseller(ctx);
            representation.read(ctx, id -> own(reseller, devices.get(id)));
        });
        area.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        area.add(HttpMethod.DELETE, PATH + "/:id", ctx -> {
            String reseller = Caller.reseller(ctx);
            Crud.delete(ctx, "device", id -> {
                Optional<Device> current = devices.find(id);
                if (current.isEmpty()) {
                    return false;
                }
                AuditRecorder.before(ctx, DeviceView.of(own(reseller, current.get())));
                return devices.delete(id);
            });
        });
    }

    private void create(RoutingContext ctx) {
        DeviceBody body = Json.body(ctx, DeviceBody.class, "device");
        Bodies.noVersion(body.version());
        Device device = body.device(null);
        String reseller = Caller.reseller(ctx);
        representation.create(ctx, () -> {
            ownSubscriber(reseller, device);
            return devices.create(device);
        });
    }

    /**
     * @throws NotFoundException when the caller is a reseller and the device is not of one of its subscribers
     */
    private Device own(String reseller, Device device) {
        if (reseller != null) {
            Optional<Subscriber> subscriber = subscribers.find(device.subscriberId());
            if (subscriber.isEmpty() || !Owner.reseller(reseller).equals(subscriber.get().owner())) {
                throw new NotFoundException("device", device.id());
            }
        }
        return device;
    }

    /** A reseller may put devices only on its own subscribers; another's is as unknown as a missing one. */
    private void ownSubscriber(String reseller, Device device) {
        if (reseller != null && subscribers.find(device.subscriberId())
                .filter(s -> Owner.reseller(reseller).equals(s.owner())).isEmpty()) {
            throw new UnknownReferenceException("device", device.id(), "subscriber", List.of(device.subscriberId()));
        }
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        DeviceBody body = Json.body(ctx, DeviceBody.class, "device");
        Long version = IfMatch.expectedVersion(ctx, ifMatch, body.version());
        Device device = body.device(id);
        String reseller = Caller.reseller(ctx);
        representation.update(ctx, () -> {
            Device current = own(reseller, devices.get(id));
            AuditRecorder.before(ctx, DeviceView.of(current));
            ownSubscriber(reseller, device);
            return devices.update(version != null ? version : current.version(), device);
        });
    }
}
