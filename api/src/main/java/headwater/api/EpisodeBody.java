package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MediaInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * An episode as a client sends it. {@code mediaInfo} is the server's (probed).
 *
 * @param id       required on create; on update optional, and then equal to the id in the path
 * @param seriesId on create under a series, taken from the path; on update required, and it cannot change
 * @param version  on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record EpisodeBody(String id, String seriesId, Integer seasonNumber, Integer episodeNumber, String title,
                   String source, String plot, Long version) {

    EpisodeDraft draft(String pathId, String pathSeriesId, MediaInfo mediaInfo) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        String series = pathSeriesId != null ? seriesOf(pathSeriesId, missing) : seriesId;
        Bodies.required("seriesId", series, missing);
        Bodies.required("seasonNumber", seasonNumber, missing);
        Bodies.required("episodeNumber", episodeNumber, missing);
        Bodies.required("title", title, missing);
        Bodies.required("source", source, missing);
        Bodies.check(missing);
        return new EpisodeDraft(effectiveId, series, seasonNumber, episodeNumber, title,
                Check.parseUri("episode", "source", source), plot, mediaInfo);
    }

    private String seriesOf(String pathSeriesId, List<FieldError> errors) {
        if (seriesId != null && !seriesId.equals(pathSeriesId)) {
            errors.add(new FieldError("seriesId", "is \"" + seriesId + "\" but the path names series \"" + pathSeriesId
                    + "\""));
        }
        return pathSeriesId;
    }
}
