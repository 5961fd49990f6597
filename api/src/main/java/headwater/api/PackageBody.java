package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.Package;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A package as a client sends it. {@code channelIds} defaults to none; an id listed twice is refused, not merged.
 *
 * @param id required on create; on update optional, and then equal to the id in the path
 */
record PackageBody(String id, String name, List<String> channelIds) {

    Package pkg(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.check(missing);
        List<String> ids = channelIds == null ? List.of()
                : Check.ids("package", "channelIds", channelIds, Package.MAX_CHANNELS);
        return new Package(effectiveId, name, new LinkedHashSet<>(ids));
    }
}
