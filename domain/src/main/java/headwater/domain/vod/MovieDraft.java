package headwater.domain.vod;

import headwater.domain.catalog.Check;
import java.net.URI;
import java.util.List;

/**
 * What an operator says about a film: everything but the store's bookkeeping (version, added and updated times).
 * Validated on construction; every refusal names the field. Text is stored exactly as given.
 *
 * @param id          stable key (letters, digits, '.', '_', '-'; at most 64 characters)
 * @param name        display title, at most 200 characters, no control characters
 * @param source      where the film is: a {@code file:} URI or an http(s) URL
 * @param categoryIds ids of VOD categories, in display order, no duplicates
 * @param poster      http(s) URL of the poster, or null
 * @param plot        synopsis (line breaks allowed), or null
 * @param cast        the cast as shown ("Ann Example, Bo Example"), or null
 * @param director    or null
 * @param genre       as shown ("Drama, Crime"), or null
 * @param year        release year, {@value VodCheck#MIN_YEAR} to {@value VodCheck#MAX_YEAR}, or null
 * @param rating      0 to 10, or null
 * @param mediaInfo   what {@link MediaProbe} read from the source, or null until it has been probed
 * @param enabled     offered to subscribers
 */
public record MovieDraft(String id, String name, URI source, List<String> categoryIds, URI poster, String plot,
                         String cast, String director, String genre, Integer year, Double rating, MediaInfo mediaInfo,
                         boolean enabled) {

    public static final int MAX_CATEGORIES = 64;

    public MovieDraft {
        Check.id("movie", "id", id);
        Check.text("movie", "name", name, Check.MAX_NAME_LENGTH);
        VodCheck.source("movie", "source", source);
        categoryIds = Check.ids("movie", "categoryIds", categoryIds, MAX_CATEGORIES);
        VodCheck.image("movie", "poster", poster);
        VodCheck.longText("movie", "plot", plot);
        VodCheck.longText("movie", "cast", cast);
        Check.optionalText("movie", "director", director, Check.MAX_NAME_LENGTH * 5);
        Check.optionalText("movie", "genre", genre, Check.MAX_NAME_LENGTH);
        VodCheck.year("movie", "year", year);
        VodCheck.rating("movie", "rating", rating);
    }

    /** A new enabled film with nothing but its title and source. */
    public static MovieDraft of(String id, String name, URI source) {
        return new MovieDraft(id, name, source, List.of(), null, null, null, null, null, null, null, null, true);
    }

    public MovieDraft withName(String newName) {
        return new MovieDraft(id, newName, source, categoryIds, poster, plot, cast, director, genre, year, rating,
                mediaInfo, enabled);
    }

    public MovieDraft withSource(URI newSource) {
        return new MovieDraft(id, name, newSource, categoryIds, poster, plot, cast, director, genre, year, rating,
                mediaInfo, enabled);
    }

    public MovieDraft withCategoryIds(List<String> newCategoryIds) {
        return new MovieDraft(id, name, source, newCategoryIds, poster, plot, cast, director, genre, year, rating,
                mediaInfo, enabled);
    }

    /** Replaces the descriptive fields at once, as a metadata import does. */
    public MovieDraft withDescription(URI newPoster, String newPlot, String newCast, String newDirector,
                                      String newGenre, Integer newYear, Double newRating) {
        return new MovieDraft(id, name, source, categoryIds, newPoster, newPlot, newCast, newDirector, newGenre,
                newYear, newRating, mediaInfo, enabled);
    }

    public MovieDraft withYear(Integer newYear) {
        return new MovieDraft(id, name, source, categoryIds, poster, plot, cast, director, genre, newYear, rating,
                mediaInfo, enabled);
    }

    public MovieDraft withMediaInfo(MediaInfo newMediaInfo) {
        return new MovieDraft(id, name, source, categoryIds, poster, plot, cast, director, genre, year, rating,
                newMediaInfo, enabled);
    }

    public MovieDraft withEnabled(boolean newEnabled) {
        return new MovieDraft(id, name, source, categoryIds, poster, plot, cast, director, genre, year, rating,
                mediaInfo, newEnabled);
    }
}
