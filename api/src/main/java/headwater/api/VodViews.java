package headwater.api;

import headwater.domain.vod.Episode;
import headwater.domain.vod.Movie;
import headwater.domain.vod.Season;
import headwater.domain.vod.Series;
import java.net.URI;
import java.util.List;

/** Films, series, seasons and episodes as the API returns them. Times are ISO-8601 UTC. */
final class VodViews {

    private VodViews() {
    }

    record MovieView(String id, String name, String source, List<String> categoryIds, String poster, String plot,
                     String cast, String director, String genre, Integer year, Double rating, boolean enabled,
                     MediaInfoView mediaInfo, long version, String added, String updated) {
    }

    record SeriesView(String id, String name, List<String> categoryIds, String poster, String plot, String cast,
                      String director, String genre, Integer year, Double rating, boolean enabled, long version,
                      String added, String updated) {
    }

    record SeasonView(String seriesId, int number, String name, String poster, String plot) {
    }

    record EpisodeView(String id, String seriesId, int seasonNumber, int episodeNumber, String title, String source,
                       String plot, MediaInfoView mediaInfo, long version, String added, String updated) {
    }

    static MovieView movie(Movie movie) {
        var d = movie.draft();
        return new MovieView(d.id(), d.name(), d.source().toString(), d.categoryIds(), text(d.poster()), d.plot(),
                d.cast(), d.director(), d.genre(), d.year(), d.rating(), d.enabled(), MediaInfoView.of(d.mediaInfo()),
                movie.version(), movie.added().toString(), movie.updated().toString());
    }

    static SeriesView series(Series series) {
        var d = series.draft();
        return new SeriesView(d.id(), d.name(), d.categoryIds(), text(d.poster()), d.plot(), d.cast(), d.director(),
                d.genre(), d.year(), d.rating(), d.enabled(), series.version(), series.added().toString(),
                series.updated().toString());
    }

    static SeasonView season(Season season) {
        return new SeasonView(season.seriesId(), season.number(), season.name(), text(season.poster()), season.plot());
    }

    static EpisodeView episode(Episode episode) {
        var d = episode.draft();
        return new EpisodeView(d.id(), d.seriesId(), d.seasonNumber(), d.episodeNumber(), d.title(),
                d.source().toString(), d.plot(), MediaInfoView.of(d.mediaInfo()), episode.version(),
                episode.added().toString(), episode.updated().toString());
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
