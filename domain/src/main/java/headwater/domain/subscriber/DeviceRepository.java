package headwater.domain.subscriber;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored devices. Deleting a subscriber deletes its devices. Failures are {@link CatalogException}s. */
public interface DeviceRepository {

    /**
     * @throws DuplicateKeyException     the id or the MAC address is taken
     * @throws UnknownReferenceException the subscriber does not exist
     */
    Device create(Device device);

    /**
     * Replaces the device of the same id (e.g. moves it to another subscriber, records a new firmware) if
     * {@code expectedVersion} is still the stored version, which then becomes {@code expectedVersion + 1} (the version
     * of the returned value; {@code device.version()} is ignored). Of two updates based on the same version, exactly
     * one wins. The last-seen time is not replaced: {@link #seen} keeps it without a new version, so a box that
     * connects never makes an operator's edit fail.
     *
     * @throws ConcurrentUpdateException the device has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the device does not exist
     * @throws DuplicateKeyException     the MAC address is taken by another device
     * @throws UnknownReferenceException the subscriber does not exist
     */
    Device update(long expectedVersion, Device device);

    /**
     * Records that the device connected at {@code when}.
     *
     * @throws NotFoundException the device does not exist
     */
    Device seen(String id, Instant when);

    Optional<Device> find(String id);

    /** @throws NotFoundException the device does not exist */
    default Device get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("device", id));
    }

    Optional<Device> findByMac(MacAddress mac);

    /** The devices of one subscriber, by id. */
    List<Device> ofSubscriber(String subscriberId);

    /** @return whether it existed */
    boolean delete(String id);
}
