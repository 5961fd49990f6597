package headwater.domain.vod;

import headwater.domain.catalog.Check;
import java.net.URI;

/**
 * A season of a series. Season 0 holds the specials, as in TMDB and Xtream.
 *
 * @param number 0 to {@value #MAX_NUMBER}, unique within the series
 * @param name   display name ("Season 1"), or null
 * @param poster http(s) URL of the season's cover, or null
 */
public record Season(String seriesId, int number, String name, URI poster, String plot) {

    public static final int MAX_NUMBER = 10_000;

    public Season {
        Check.id("season", "seriesId", seriesId);
        Check.range("season", "number", number, 0, MAX_NUMBER);
        Check.optionalText("season", "name", name, Check.MAX_NAME_LENGTH);
        VodCheck.image("season", "poster", poster);
        VodCheck.longText("season", "plot", plot);
    }

    public static Season of(String seriesId, int number) {
        return new Season(seriesId, number, null, null, null);
    }
}
