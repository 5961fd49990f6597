package headwater.domain.vod;

import headwater.domain.catalog.Check;
import java.net.URI;

/**
 * What an operator says about an episode in a {@link Season}: everything but the store's bookkeeping (see
 * {@link Episode}). Episodes have their own id because players stream them by id.
 *
 * @param id            stable key, unique over all episodes
 * @param seasonNumber  the season it belongs to, which must exist
 * @param episodeNumber 0 to {@value #MAX_NUMBER}, unique within the season
 * @param title         display title
 * @param source        a {@code file:} URI or an http(s) URL
 * @param plot          synopsis, or null
 * @param mediaInfo     what {@link MediaProbe} read from the source, or null until probed
 */
public record EpisodeDraft(String id, String seriesId, int seasonNumber, int episodeNumber, String title, URI source,
                      String plot, MediaInfo mediaInfo) {

    public static final int MAX_NUMBER = 100_000;

    public EpisodeDraft {
        Check.id("episode", "id", id);
        Check.id("episode", "seriesId", seriesId);
        Check.range("episode", "seasonNumber", seasonNumber, 0, Season.MAX_NUMBER);
        Check.range("episode", "episodeNumber", episodeNumber, 0, MAX_NUMBER);
        Check.text("episode", "title", title, Check.MAX_NAME_LENGTH);
        VodCheck.source("episode", "source", source);
        VodCheck.longText("episode", "plot", plot);
    }

    public static EpisodeDraft of(String id, String seriesId, int seasonNumber, int episodeNumber, String title, URI source) {
        return new EpisodeDraft(id, seriesId, seasonNumber, episodeNumber, title, source, null, null);
    }

    public EpisodeDraft withTitle(String newTitle) {
        return new EpisodeDraft(id, seriesId, seasonNumber, episodeNumber, newTitle, source, plot, mediaInfo);
    }

    public EpisodeDraft withNumbers(int newSeasonNumber, int newEpisodeNumber) {
        return new EpisodeDraft(id, seriesId, newSeasonNumber, newEpisodeNumber, title, source, plot, mediaInfo);
    }

    public EpisodeDraft withMediaInfo(MediaInfo newMediaInfo) {
        return new EpisodeDraft(id, seriesId, seasonNumber, episodeNumber, title, source, plot, newMediaInfo);
    }
}
