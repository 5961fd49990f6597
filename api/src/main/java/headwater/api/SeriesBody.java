package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.vod.SeriesDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * A series as a client sends it; its seasons and episodes have their own paths. Defaults: no categories or
 * description, enabled.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record SeriesBody(String id, String name, List<String> categoryIds, String poster, String plot, String cast,
                  String director, String genre, Integer year, Double rating, Boolean enabled, Long version) {

    SeriesDraft draft(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.check(missing);
        return new SeriesDraft(effectiveId, name, categoryIds == null ? List.of() : categoryIds,
                poster == null ? null : Check.parseUri("series", "poster", poster), plot, cast, director, genre, year,
                rating, enabled == null || enabled);
    }
}
