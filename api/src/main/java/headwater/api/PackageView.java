package headwater.api;

import headwater.domain.catalog.Package;
import java.util.List;

/** A package (bouquet) as the API returns it; the channel, film and series ids sorted. */
record PackageView(String id, String name, List<String> channelIds, List<String> movieIds, List<String> seriesIds,
                   long version) {

    static PackageView of(Package pkg) {
        return new PackageView(pkg.id(), pkg.name(), pkg.channelIdList(), List.copyOf(pkg.movieIds()),
                List.copyOf(pkg.seriesIds()), pkg.version());
    }
}
