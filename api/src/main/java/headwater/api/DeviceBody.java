package headwater.api;

import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;
import headwater.domain.subscriber.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A device as a client sends it: a set-top box (by MAC) or an app (by serial). {@code lastSeen} is the server's.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 * @param mac six hex pairs in any common notation; returned as AA:BB:CC:DD:EE:FF
 */
record DeviceBody(String id, String subscriberId, DeviceKind kind, String mac, String serial, String model,
                  String firmwareVersion, Long version) {

    /** The device this body describes, never seen (an update keeps the stored last-seen time). */
    Device device(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("subscriberId", subscriberId, missing);
        Bodies.required("kind", kind, missing);
        Bodies.check(missing);
        return new Device(effectiveId, subscriberId, kind, mac == null ? null : MacAddress.parse(mac), serial, model,
                firmwareVersion, null);
    }
}
