package headwater.app.wiring;

import headwater.domain.catalog.Package;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which packages hold each film and each series: the VOD half of the package index {@link CatalogueChannels} keeps,
 * so that entitling a film or episode costs a hash lookup, not a read of every package's members.
 *
 * @param movies film id to the packages that contain it
 * @param series series id to the packages that contain it (an episode is in its series' packages)
 */
public record VodPackages(Map<String, Set<String>> movies, Map<String, Set<String>> series) {

    public static final VodPackages NONE = new VodPackages(Map.of(), Map.of());

    public VodPackages {
        movies = Map.copyOf(movies);
        series = Map.copyOf(series);
    }

    /** The index of {@code packages}' films and series. */
    public static VodPackages of(List<Package> packages) {
        Map<String, Set<String>> movies = new HashMap<>();
        Map<String, Set<String>> series = new HashMap<>();
        for (Package pkg : packages) {
            for (String movieId : pkg.movieIds()) {
                movies.computeIfAbsent(movieId, id -> new LinkedHashSet<>()).add(pkg.id());
            }
            for (String seriesId : pkg.seriesIds()) {
                series.computeIfAbsent(seriesId, id -> new LinkedHashSet<>()).add(pkg.id());
            }
        }
        movies.replaceAll((id, in) -> Set.copyOf(in));
        series.replaceAll((id, in) -> Set.copyOf(in));
        return new VodPackages(movies, series);
    }

    public Set<String> ofMovie(String movieId) {
        return movies.getOrDefault(movieId, Set.of());
    }

    public Set<String> ofSeries(String seriesId) {
        return series.getOrDefault(seriesId, Set.of());
    }
}
