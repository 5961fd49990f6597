package headwater.api;

import headwater.domain.guide.GuideSourceRepository;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import java.util.Objects;

/** What the admin API works on for films, series and guide sources. */
public record MediaRepositories(MovieRepository movies, SeriesRepository series, GuideSourceRepository guideSources) {

    public MediaRepositories {
        Objects.requireNonNull(movies, "movies");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(guideSources, "guideSources");
    }
}
