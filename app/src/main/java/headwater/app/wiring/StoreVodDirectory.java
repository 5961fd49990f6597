package headwater.app.wiring;

import headwater.domain.session.VodDirectory;
import headwater.domain.session.VodEntry;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The VOD catalogue as entitlement sees it ({@link VodDirectory}): a film is enabled as stored and in the packages
 * that list it; an episode is enabled when its series is, and in the packages that list its series. The film or
 * episode is read from the store when a session opens or resumes (blocking, one or two reads by key); the package
 * memberships come from the in-memory index {@link CatalogueChannels} rebuilds when the packages change. The bitrate
 * reserved is the probed one ({@link MediaInfo#bitRate()}), 0 (the default bitrate) until the file has been probed.
 */
public final class StoreVodDirectory implements VodDirectory {

    private final MovieRepository movies;
    private final SeriesRepository series;
    private final Supplier<VodPackages> packages;

    /** @param packages the current membership index, e.g. {@code catalogueChannels::vodPackages} */
    public StoreVodDirectory(MovieRepository movies, SeriesRepository series, Supplier<VodPackages> packages) {
        this.movies = Objects.requireNonNull(movies, "movies");
        this.series = Objects.requireNonNull(series, "series");
        this.packages = Objects.requireNonNull(packages, "packages");
    }

    @Override
    public Optional<VodEntry> movie(String id) {
        return movies.find(id).map(movie -> new VodEntry(movie.id(), movie.draft().enabled(),
                packages.get().ofMovie(movie.id()), bitsPerSecond(movie.mediaInfo())));
    }

    @Override
    public Optional<VodEntry> episode(String id) {
        return series.findEpisode(id).flatMap(episode -> series.find(episode.seriesId())
                .map(show -> new VodEntry(episode.id(), show.draft().enabled(), packages.get().ofSeries(show.id()),
                        bitsPerSecond(episode.mediaInfo()))));
    }

    private static long bitsPerSecond(MediaInfo info) {
        return info == null || info.bitRate() == null ? 0 : info.bitRate();
    }
}
