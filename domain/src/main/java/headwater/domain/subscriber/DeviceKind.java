package headwater.domain.subscriber;

/** What a device is: a set-top box (identified by its MAC address) or a player app (usually by a serial or id). */
public enum DeviceKind {
    STB, APP
}
