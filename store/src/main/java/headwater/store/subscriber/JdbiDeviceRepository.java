package headwater.store.subscriber;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.MacAddress;
import headwater.store.Database;
import headwater.store.Dialect;
import headwater.store.catalog.Constraint;
import headwater.store.catalog.References;
import headwater.store.catalog.Versions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link DeviceRepository} on a {@link Database}. */
public final class JdbiDeviceRepository implements DeviceRepository {

    private static final String COLUMNS = "id, subscriber_id, kind, mac, serial, model, firmware_version, last_seen";
    private static final String SELECTED = COLUMNS + ", version";

    private final Database database;
    private final String collate;

    public JdbiDeviceRepository(Database database) {
        this.database = database;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Device create(Device device) {
        try {
            return database.write(handle -> {
                if (load(handle, "id", device.id()).isPresent()) {
                    throw new DuplicateKeyException("device", "id", device.id(), "already exists");
                }
                check(handle, device);
                bind(handle.createUpdate("INSERT INTO device (" + COLUMNS + ") VALUES (:id, :subscriber, :kind, :mac, "
                        + ":serial, :model, :firmware, :lastSeen)"), device).execute();
                return device.withVersion(1);
            });
        } catch (JdbiException e) {
            throw diagnose(e, device, false);
        }
    }

    @Override
    public Device update(long expectedVersion, Device device) {
        try {
            return database.write(handle -> {
                Versions.claim(handle, "device", "device", device.id(), expectedVersion);
                check(handle, device);
                bind(handle.createUpdate("UPDATE device SET subscriber_id = :subscriber, kind = :kind, mac = :mac, "
                        + "serial = :serial, model = :model, firmware_version = :firmware WHERE id = :id"), device)
                        .execute();
                return load(handle, "id", device.id()).orElseThrow(() -> new NotFoundException("device", device.id()));
            });
        } catch (JdbiException e) {
            throw diagnose(e, device, true);
        }
    }

    @Override
    public Device seen(String id, Instant when) {
        long millis = when.toEpochMilli();
        return database.write(handle -> {
            int updated = handle.createUpdate("UPDATE device SET last_seen = :when WHERE id = :id")
                    .bind("when", millis).bind("id", id).execute();
            if (updated == 0) {
                throw new NotFoundException("device", id);
            }
            return load(handle, "id", id).orElseThrow(() -> new NotFoundException("device", id));
        });
    }

    @Override
    public Optional<Device> find(String id) {
        return database.read(handle -> load(handle, "id", id));
    }

    @Override
    public Optional<Device> findByMac(MacAddress mac) {
        return database.read(handle -> load(handle, "mac", mac.value()));
    }

    @Override
    public List<Device> ofSubscriber(String subscriberId) {
        return database.read(handle -> handle.createQuery("SELECT " + SELECTED + " FROM device "
                        + "WHERE subscriber_id = :id ORDER BY id" + collate)
                .bind("id", subscriberId).map((rs, ctx) -> device(rs)).list());
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM device WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    /** The MAC is free (or this device's), and the subscriber exists. */
    private static void check(Handle handle, Device device) {
        if (device.mac() != null) {
            load(handle, "mac", device.mac().value()).filter(other -> !other.id().equals(device.id()))
                    .ifPresent(other -> {
                        throw new DuplicateKeyException("device", "mac", device.mac().value(), "is already used by "
                                + "device " + other.id() + " of subscriber " + other.subscriberId()
                                + " (wanted by " + device.id() + ")");
                    });
        }
        if (!References.missing(handle, "subscriber", List.of(device.subscriberId())).isEmpty()) {
            throw new UnknownReferenceException("device", device.id(), "subscriber", List.of(device.subscriberId()));
        }
    }

    /** {@code column} is "id" or "mac", never input. */
    private static Optional<Device> load(Handle handle, String column, String value) {
        return handle.createQuery("SELECT " + SELECTED + " FROM device WHERE " + column + " = :value")
                .bind("value", value).map((rs, ctx) -> device(rs)).findOne();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Device device) {
        return statement.bind("id", device.id())
                .bind("subscriber", device.subscriberId())
                .bind("kind", device.kind().name())
                .bind("mac", device.mac() == null ? null : device.mac().value())
                .bind("serial", device.serial())
                .bind("model", device.model())
                .bind("firmware", device.firmwareVersion())
                .bind("lastSeen", device.lastSeen() == null ? null : device.lastSeen().toEpochMilli());
    }

    private static Device device(ResultSet rs) throws SQLException {
        String mac = rs.getString(4);
        long seen = rs.getLong(8);
        Instant lastSeen = rs.wasNull() ? null : Instant.ofEpochMilli(seen);
        return new Device(rs.getString(1), rs.getString(2), DeviceKind.valueOf(rs.getString(3)),
                mac == null ? null : new MacAddress(mac), rs.getString(5), rs.getString(6), rs.getString(7), lastSeen,
                rs.getLong(9));
    }

    /** A constraint failed although the checks passed: a concurrent writer got in between. Name the key. */
    private RuntimeException diagnose(JdbiException error, Device device, boolean update) {
        if (Constraint.violatedBy(error) == Constraint.NONE) {
            return error;
        }
        RuntimeException precise = database.read(handle -> {
            try {
                if (!update && load(handle, "id", device.id()).isPresent()) {
                    return new DuplicateKeyException("device", "id", device.id(), "already exists");
                }
                check(handle, device);
                return null;
            } catch (DuplicateKeyException | UnknownReferenceException found) {
                return found;
            }
        });
        if (precise == null) {
            precise = new DuplicateKeyException("device", "id or mac", device.id(), "collided with a concurrent write; retry");
        }
        precise.addSuppressed(error);
        return precise;
    }
}
