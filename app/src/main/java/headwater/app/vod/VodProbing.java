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
import java.net.URI;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the media of a stored film or episode with a {@link MediaProbe} and stores what it found. A failed probe
 * stores nothing. If the film or episode is changed while it is probed, the result is applied to the new version when
 * the source is still the one probed, and it is probed again when its source changed (at most {@value #ATTEMPTS}
 * attempts to store).
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
        return probeAndStore(() -> movies.get(id), movie -> movie.draft().source(),
                (movie, info) -> movies.update(movie.version(), movie.draft().withMediaInfo(info)));
    }

    /**
     * @return the episode with its new media info
     * @throws NotFoundException         the episode does not exist (any more)
     * @throws MediaProbeException       its source could not be probed; nothing was stored
     * @throws ConcurrentUpdateException it kept changing during {@value #ATTEMPTS} attempts
     */
    public Episode probeEpisode(String id) {
        return probeAndStore(() -> series.getEpisode(id), Episode::source,
                (episode, info) -> series.updateEpisode(episode.version(), episode.draft().withMediaInfo(info)));
    }

    /** Probes the source of what {@code read} returns and stores the result with {@code store}, as described above. */
    private <V> V probeAndStore(Supplier<V> read, Function<V, URI> sourceOf, BiFunction<V, MediaInfo, V> store) {
        V value = read.get();
        URI probed = sourceOf.apply(value);
        MediaInfo info = probe.probe(probed);
        for (int attempt = 1; ; attempt++) {
            try {
                return store.apply(value, info);
            } catch (ConcurrentUpdateException changed) {
                if (attempt == ATTEMPTS) {
                    throw changed;
                }
                value = read.get();
                if (!sourceOf.apply(value).equals(probed)) {
                    probed = sourceOf.apply(value);
                    info = probe.probe(probed);
                }
            }
        }
    }
}
