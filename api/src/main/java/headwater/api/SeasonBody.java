package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.vod.Season;

/** A season as a client sends it; the series and the number come from the path. */
record SeasonBody(String name, String poster, String plot) {

    Season season(String seriesId, int number) {
        return new Season(seriesId, number, name, poster == null ? null : Check.parseUri("season", "poster", poster),
                plot);
    }
}
