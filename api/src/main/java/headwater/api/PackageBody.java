package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.Package;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A package as a client sends it. {@code channelIds}, {@code movieIds} and {@code seriesIds} each default to none (an
 * update replaces all three, as PUT does); an id listed twice is refused, not merged.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record PackageBody(String id, String name, List<String> channelIds, List<String> movieIds, List<String> seriesIds,
                   Long version) {

    Package pkg(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.check(missing);
        return new Package(effectiveId, name, members("channelIds", channelIds, Package.MAX_CHANNELS),
                members("movieIds", movieIds, Package.MAX_VOD), members("seriesIds", seriesIds, Package.MAX_VOD));
    }

    private static Set<String> members(String field, List<String> ids, int max) {
        return ids == null ? Set.of() : new LinkedHashSet<>(Check.ids("package", field, ids, max));
    }
}
