package headwater.app.wiring;

import headwater.store.Database;
import headwater.store.catalog.ChannelsFingerprint;
import headwater.store.catalog.PackagesFingerprint;

/**
 * What {@link CatalogueSync} compares between polls: the channels (the headend's business) and the packages'
 * memberships (which {@link CatalogueChannels} indexes for entitlement). A channel's renditions bump its version, so
 * the channels' part covers them. Three aggregate queries, no rows.
 */
public record CatalogueFingerprint(ChannelsFingerprint channels, PackagesFingerprint packages) {

    public static CatalogueFingerprint read(Database database) {
        return new CatalogueFingerprint(ChannelsFingerprint.read(database), PackagesFingerprint.read(database));
    }
}
