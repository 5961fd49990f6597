package headwater.api;

import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;
import headwater.domain.subscriber.MacAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A device as a client sends it: a set-top box (by MAC) or an app (by serial). {@code lastSeen} is the server's.
 *
 * @param id  required on create; on update optional, and then equal to the id in the path
 * @param mac six hex pairs in any common notation; returned as AA:BB:CC:DD:EE:FF
 */
record DeviceBody(String id, String subscriberId, DeviceKind kind, String mac, String serial, String model,
                  String firmwareVersion) {

    Device device(String pathId, Instant lastSeen) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("subscriberId", subscriberId, missing);
        Bodies.required("kind", kind, missing);
        Bodies.check(missing);
        return new Device(effectiveId, subscriberId, kind, mac == null ? null : MacAddress.parse(mac), serial, model,
                firmwareVersion, lastSeen);
    }
}
