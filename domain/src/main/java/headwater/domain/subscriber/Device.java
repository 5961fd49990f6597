package headwater.domain.subscriber;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;

/**
 * A set-top box or app bound to a subscriber, known by its MAC address (unique across all devices) or its serial.
 *
 * @param mac             the hardware address, or null when the device is known by its serial
 * @param serial          the maker's serial number or the app's device id, or null when the MAC identifies it
 * @param model           the model, e.g. "MAG 524", or null
 * @param firmwareVersion the firmware or app version, or null
 * @param lastSeen        when the device last connected, to the millisecond, or null if never; kept by
 *                        {@link DeviceRepository#seen}, which does not change the version
 * @param version  the stored version, incremented by every update, which names the version it was based on
 *                 (optimistic concurrency); a value not stored yet has 1, the version {@code create} gives it
 */
public record Device(String id, String subscriberId, DeviceKind kind, MacAddress mac, String serial, String model,
                     String firmwareVersion, Instant lastSeen, long version) {

    public static final int MAX_SERIAL_LENGTH = 128;
    public static final int MAX_MODEL_LENGTH = 128;
    public static final int MAX_FIRMWARE_LENGTH = 128;

    public Device {
        Check.id("device", "id", id);
        Check.id("device", "subscriberId", subscriberId);
        if (kind == null) {
            throw new InvalidValueException("device", "kind", "is missing: one of STB, APP");
        }
        serial = Check.optionalText("device", "serial", serial, MAX_SERIAL_LENGTH);
        if (serial != null && serial.isBlank()) {
            throw new InvalidValueException("device", "serial", "is blank: leave it unset instead");
        }
        if (mac == null && serial == null) {
            throw new InvalidValueException("device", "mac", "and serial are both missing: a device needs one of them");
        }
        model = Check.optionalText("device", "model", model, MAX_MODEL_LENGTH);
        firmwareVersion = Check.optionalText("device", "firmwareVersion", firmwareVersion, MAX_FIRMWARE_LENGTH);
        lastSeen = Millis.of(lastSeen);
        Check.version("device", version);
    }

    /** A device not stored yet (version 1). */
    public Device(String id, String subscriberId, DeviceKind kind, MacAddress mac, String serial, String model,
                  String firmwareVersion, Instant lastSeen) {
        this(id, subscriberId, kind, mac, serial, model, firmwareVersion, lastSeen, 1);
    }

    /** A set-top box known by its MAC address. */
    public static Device stb(String id, String subscriberId, MacAddress mac) {
        return new Device(id, subscriberId, DeviceKind.STB, mac, null, null, null, null);
    }

    /** An app known by its serial or device id. */
    public static Device app(String id, String subscriberId, String serial) {
        return new Device(id, subscriberId, DeviceKind.APP, null, serial, null, null, null);
    }

    /** This device as stored at {@code newVersion}. */
    public Device withVersion(long newVersion) {
        return new Device(id, subscriberId, kind, mac, serial, model, firmwareVersion, lastSeen, newVersion);
    }

    public Device withSubscriberId(String newSubscriberId) {
        return new Device(id, newSubscriberId, kind, mac, serial, model, firmwareVersion, lastSeen, version);
    }

    public Device withMac(MacAddress newMac) {
        return new Device(id, subscriberId, kind, newMac, serial, model, firmwareVersion, lastSeen, version);
    }

    public Device withSerial(String newSerial) {
        return new Device(id, subscriberId, kind, mac, newSerial, model, firmwareVersion, lastSeen, version);
    }

    public Device withModel(String newModel) {
        return new Device(id, subscriberId, kind, mac, serial, newModel, firmwareVersion, lastSeen, version);
    }

    public Device withFirmwareVersion(String newFirmwareVersion) {
        return new Device(id, subscriberId, kind, mac, serial, model, newFirmwareVersion, lastSeen, version);
    }

    public Device withLastSeen(Instant newLastSeen) {
        return new Device(id, subscriberId, kind, mac, serial, model, firmwareVersion, newLastSeen, version);
    }
}
