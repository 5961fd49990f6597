package headwater.store.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;
import headwater.domain.subscriber.MacAddress;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Instant;

class DeviceRepositoryTest {

    private static Customers withTwoSubscribers(TestStore store) {
        Customers customers = Customers.of(store);
        customers.subscribers().create(Customers.subscriber("s1", "alice"));
        customers.subscribers().create(Customers.subscriber("s2", "bob"));
        return customers;
    }

    @EachDatabase
    void creates_updates_and_finds_devices_by_id_mac_and_subscriber(TestStore store) {
        Customers customers = withTwoSubscribers(store);
        Device box = new Device("box-1", "s1", DeviceKind.STB, MacAddress.parse("00-1a-79-0b-cd-ef"), "SN-0001",
                "MAG 524", "0.2.18-r23", Instant.parse("2026-11-20T20:15:00.123Z"));
        Device app = Device.app("app-1", "s1", "android-3f2a9c");

        assertThat(customers.devices().create(box)).isEqualTo(box);
        customers.devices().create(app);

        assertThat(customers.devices().get("box-1")).isEqualTo(box);
        assertThat(customers.devices().get("box-1").mac().value()).isEqualTo("00:1A:79:0B:CD:EF");
        assertThat(customers.devices().findByMac(MacAddress.parse("001a.790b.cdef"))).contains(box);
        assertThat(customers.devices().findByMac(MacAddress.parse("00:1A:79:0B:CD:EE"))).isEmpty();
        assertThat(customers.devices().get("app-1")).isEqualTo(app);
        assertThat(customers.devices().ofSubscriber("s1")).containsExactly(app, box);
        assertThat(customers.devices().ofSubscriber("s2")).isEmpty();

        // An update keeps the last-seen time: seen() owns it.
        Device moved = box.withSubscriberId("s2").withFirmwareVersion("0.2.20").withModel(null).withSerial(null)
                .withLastSeen(null);
        assertThat(customers.devices().update(1, moved))
                .isEqualTo(moved.withLastSeen(box.lastSeen()).withVersion(2));
        moved = moved.withLastSeen(box.lastSeen()).withVersion(2);
        assertThat(customers.devices().get("box-1")).isEqualTo(moved);
        assertThat(customers.devices().ofSubscriber("s2")).containsExactly(moved);

        Device seen = customers.devices().seen("box-1", Instant.parse("2026-11-21T06:00:00.123456Z"));
        assertThat(seen.lastSeen()).isEqualTo(Instant.parse("2026-11-21T06:00:00.123Z"));
        assertThat(customers.devices().get("box-1")).isEqualTo(seen);
        assertThatThrownBy(() -> customers.devices().seen("ghost", Instant.EPOCH))
                .isInstanceOf(NotFoundException.class).hasMessage("device ghost does not exist");
        assertThatThrownBy(() -> customers.devices().update(1, Device.app("ghost", "s1", "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("device ghost does not exist");

        assertThat(customers.devices().delete("app-1")).isTrue();
        assertThat(customers.devices().delete("app-1")).isFalse();
    }

    @EachDatabase
    void a_mac_address_belongs_to_one_device_however_it_is_written(TestStore store) {
        Customers customers = withTwoSubscribers(store);
        customers.devices().create(Device.stb("box-1", "s1", MacAddress.parse("00:1a:79:0b:cd:ef")));
        Device other = customers.devices().create(Device.stb("box-2", "s2", MacAddress.parse("00:1A:79:0B:CD:F0")));

        assertThatThrownBy(() -> customers.devices().create(Device.stb("box-3", "s2", MacAddress.parse("001A790BCDEF"))))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("device mac 00:1A:79:0B:CD:EF is already used by device box-1 of subscriber s1 (wanted by box-3)")
                .satisfies(e -> assertThat(((DuplicateKeyException) e).value()).isEqualTo("00:1A:79:0B:CD:EF"));
        assertThatThrownBy(() -> customers.devices().update(other.version(), other.withMac(MacAddress.parse("00-1A-79-0B-CD-EF"))))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("device mac 00:1A:79:0B:CD:EF is already used by device box-1 of subscriber s1 (wanted by box-2)");
        assertThatThrownBy(() -> customers.devices().create(Device.app("box-1", "s2", "serial")))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("device id box-1 already exists");
        assertThat(customers.devices().get("box-2")).isEqualTo(other);
        assertThat(customers.devices().find("box-3")).isEmpty();
        // Devices known by serial only do not collide on their missing MAC.
        customers.devices().create(Device.app("app-1", "s1", "a"));
        customers.devices().create(Device.app("app-2", "s1", "b"));
    }

    @EachDatabase
    void an_unknown_subscriber_is_a_precise_error(TestStore store) {
        Customers customers = withTwoSubscribers(store);
        Device box = customers.devices().create(Device.stb("box-1", "s1", MacAddress.parse("00:1a:79:0b:cd:ef")));

        assertThatThrownBy(() -> customers.devices().create(Device.app("app-1", "s9", "serial")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("device app-1 refers to unknown subscriber id [s9]");
        assertThatThrownBy(() -> customers.devices().update(box.version(), box.withSubscriberId("s9")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("device box-1 refers to unknown subscriber id [s9]");
        assertThat(customers.devices().get("box-1")).isEqualTo(box);
    }

    @EachDatabase
    void serials_models_and_firmware_are_stored_verbatim(TestStore store) {
        Customers customers = withTwoSubscribers(store);
        int n = 0;
        for (String text : Customers.HOSTILE_TEXT) {
            Device device = Device.app("d" + ++n, "s1", text).withModel(text).withFirmwareVersion(text);
            customers.devices().create(device);
            assertThat(customers.devices().get("d" + n)).isEqualTo(device);
        }
    }
}
