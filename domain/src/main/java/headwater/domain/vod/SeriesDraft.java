package headwater.domain.vod;

import headwater.domain.catalog.Check;
import java.net.URI;
import java.util.List;

/**
 * What an operator says about a series (its seasons and episodes are stored on their own: {@link Season},
 * {@link Episode}). Validated like {@link MovieDraft}.
 *
 * @param categoryIds ids of SERIES categories, in display order, no duplicates
 * @param poster      http(s) URL of the cover, or null
 * @param year        first-aired year, or null
 * @param rating      0 to 10, or null
 */
public record SeriesDraft(String id, String name, List<String> categoryIds, URI poster, String plot, String cast,
                          String director, String genre, Integer year, Double rating, boolean enabled) {

    public SeriesDraft {
        Check.id("series", "id", id);
        Check.text("series", "name", name, Check.MAX_NAME_LENGTH);
        categoryIds = Check.ids("series", "categoryIds", categoryIds, MovieDraft.MAX_CATEGORIES);
        VodCheck.image("series", "poster", poster);
        VodCheck.longText("series", "plot", plot);
        VodCheck.longText("series", "cast", cast);
        Check.optionalText("series", "director", director, Check.MAX_NAME_LENGTH * 5);
        Check.optionalText("series", "genre", genre, Check.MAX_NAME_LENGTH);
        VodCheck.year("series", "year", year);
        VodCheck.rating("series", "rating", rating);
    }

    /** A new enabled series with nothing but its name. */
    public static SeriesDraft of(String id, String name) {
        return new SeriesDraft(id, name, List.of(), null, null, null, null, null, null, null, true);
    }

    public SeriesDraft withName(String newName) {
        return new SeriesDraft(id, newName, categoryIds, poster, plot, cast, director, genre, year, rating, enabled);
    }

    public SeriesDraft withCategoryIds(List<String> newCategoryIds) {
        return new SeriesDraft(id, name, newCategoryIds, poster, plot, cast, director, genre, year, rating, enabled);
    }

    /** Replaces the descriptive fields at once, as a metadata import does. */
    public SeriesDraft withDescription(URI newPoster, String newPlot, String newCast, String newDirector,
                                       String newGenre, Integer newYear, Double newRating) {
        return new SeriesDraft(id, name, categoryIds, newPoster, newPlot, newCast, newDirector, newGenre, newYear,
                newRating, enabled);
    }

    public SeriesDraft withYear(Integer newYear) {
        return new SeriesDraft(id, name, categoryIds, poster, plot, cast, director, genre, newYear, rating, enabled);
    }

    public SeriesDraft withEnabled(boolean newEnabled) {
        return new SeriesDraft(id, name, categoryIds, poster, plot, cast, director, genre, year, rating, newEnabled);
    }
}
