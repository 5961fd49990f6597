package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MovieDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * A film as a client sends it. {@code mediaInfo} is not a field: the server probes the source. Defaults: no
 * categories or description, enabled.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record MovieBody(String id, String name, String source, List<String> categoryIds, String poster, String plot,
                 String cast, String director, String genre, Integer year, Double rating, Boolean enabled,
                 Long version) {

    MovieDraft draft(String pathId, MediaInfo mediaInfo) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.required("source", source, missing);
        Bodies.check(missing);
        return new MovieDraft(effectiveId, name, Check.parseUri("movie", "source", source),
                categoryIds == null ? List.of() : categoryIds,
                poster == null ? null : Check.parseUri("movie", "poster", poster), plot, cast, director, genre, year,
                rating, mediaInfo, enabled == null || enabled);
    }
}
