package headwater.api;

import headwater.domain.catalog.Package;
import java.util.List;

/** A package (bouquet) as the API returns it; channel ids sorted. */
record PackageView(String id, String name, List<String> channelIds) {

    static PackageView of(Package pkg) {
        return new PackageView(pkg.id(), pkg.name(), pkg.channelIdList());
    }
}
