package headwater.api;

import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;

/** A device as the API returns it; {@code lastSeen} ISO-8601 UTC or null. */
record DeviceView(String id, String subscriberId, DeviceKind kind, String mac, String serial, String model,
                  String firmwareVersion, String lastSeen, long version) {

    static DeviceView of(Device device) {
        return new DeviceView(device.id(), device.subscriberId(), device.kind(),
                device.mac() == null ? null : device.mac().value(), device.serial(), device.model(),
                device.firmwareVersion(), device.lastSeen() == null ? null : device.lastSeen().toString(),
                device.version());
    }
}
