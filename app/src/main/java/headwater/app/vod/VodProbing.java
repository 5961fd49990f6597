package headwater.app.vod;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.vod.Episode;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbe;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import java.util.Objects;

/**
 * Reads the media of a stored film or episode with a {@link MediaProbe} and stores what it found. A failed probe
 * stores nothing. If the film is changed while it is probed, the result is applied to the new version when the source
 * is still the one probed, and the film is probed again when its source changed (at most {@value #ATTEMPTS} times).
 */
public final class VodProbing {

    static final int ATTEMPTS = 3;

    private final MediaProbe probe;
    private final MovieRepository movies;
    private final SeriesRepository series;

    public VodProbing(MediaProbe probe, MovieRepository movies, SeriesRepository series) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.movies = Objects.requireNonNull(movies, "movies");
        this.series = Objects.requireNonNull(series, "series");
    }

    /**
     * @return the film with its new media info
     * @throws NotFoundException         the film does not exist (any more)
     * @throws MediaProbeException       its source could not be probed; nothing was stored
     * @throws ConcurrentUpdateException it kept changing during {@value #ATTEMPTS} attempts
     */
    public Movie probeMovie(String id) {
        Movie movie = movies.get(id);
        MediaInfo info = probe.probe(movie.draft().source());
        for (int attempt = 1; ; attempt++) {
            try {
                return movies.update(movie.version(), movie.draft().withMediaInfo(info));
            } catch (ConcurrentUpdateException changed) {
                if (attempt == ATTEMPTS) {
                    throw changed;
                }
                Movie now = movies.get(id);
                if (!now.draft().source().equals(movie.draft().source())) {
                    info = probe.probe(now.draft().source());
                }
                movie = now;
            }
        }
    }

    /**
     * @return the episode with its new media info
     * @throws NotFoundException   the episode does not exist
     * @throws MediaProbeException its source could not be probed; nothing was stored
     */
    public Episode probeEpisode(String id) {
        Episode episode = series.getEpisode(id);
        return series.updateEpisode(episode.withMediaInfo(probe.probe(episode.source())));
    }
}
