package headwater.api.xtream;

import headwater.api.xtream.XtreamLogin.AccountStatus;
import headwater.api.xtream.XtreamLogin.Result.Authenticated;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.Page;
import headwater.domain.vod.Movie;
import headwater.domain.vod.Series;
import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one subscriber may see: the enabled channels, films and series of their own packages and their plan's, and
 * nothing at all while their account is not active. Channels, categories and package memberships come from the
 * {@link PlayerApiCatalogue} of the current stamp; films and series are read from the repositories on each request
 * (blocking: on a worker).
 */
final class PlayerApiLineup {

    private static final int PAGE = 1000;

    private final XtreamServices services;
    private final PlayerApiCatalogue catalogue;
    private final Set<String> packageIds;
    private final Set<String> channelIds;
    private final Set<String> movieIds;
    private final Set<String> seriesIds;
    private List<Movie> movies;
    private List<Series> series;

    private PlayerApiLineup(XtreamServices services, PlayerApiCatalogue catalogue, Set<String> packageIds) {
        this.services = services;
        this.catalogue = catalogue;
        this.packageIds = packageIds;
        PlayerApiCatalogue.Entitled entitled = catalogue.entitled(packageIds);
        this.channelIds = entitled.channelIds();
        this.movieIds = entitled.movieIds();
        this.seriesIds = entitled.seriesIds();
    }

    /** The lineup of an authenticated subscriber: empty unless the account is active. */
    static PlayerApiLineup of(XtreamServices services, PlayerApiCatalogue catalogue, Authenticated who) {
        Set<String> packages = new TreeSet<>();
        if (who.status() == AccountStatus.ACTIVE) {
            packages.addAll(who.subscriber().packageIds());
            if (who.plan() != null) {
                packages.addAll(who.plan().packageIds());
            }
        }
        return new PlayerApiLineup(services, catalogue, packages);
    }

    /** The packages the lineup is made of (sorted; empty for an account that is not active). */
    Set<String> packageIds() {
        return packageIds;
    }

    /** What the lineup was read from. */
    PlayerApiCatalogue catalogue() {
        return catalogue;
    }

    /** The enabled channels (TV and radio) the subscriber may watch, by number. */
    List<Channel> channels() {
        return catalogue.channels(packageIds);
    }

    /** The enabled films of the subscriber's packages, by name. */
    List<Movie> movies() {
        if (movies == null) {
            movies = movieIds.isEmpty() ? List.of() : all(q -> services.movies().list(q), Movie::id, movieIds);
        }
        return movies;
    }

    /** The enabled series of the subscriber's packages, by name. */
    List<Series> series() {
        if (series == null) {
            series = seriesIds.isEmpty() ? List.of() : all(q -> services.series().list(q), Series::id, seriesIds);
        }
        return series;
    }

    /** The channel, when the subscriber may watch it and it is enabled. */
    Optional<Channel> channel(String id) {
        if (id == null || !channelIds.contains(id)) {
            return Optional.empty();
        }
        return catalogue.enabledChannel(id);
    }

    /** The film, when the subscriber may watch it and it is enabled. */
    Optional<Movie> movie(String id) {
        if (id == null || !movieIds.contains(id)) {
            return Optional.empty();
        }
        return services.movies().find(id).filter(m -> m.draft().enabled());
    }

    /** The series, when the subscriber may watch it and it is enabled. */
    Optional<Series> oneSeries(String id) {
        if (id == null || !seriesIds.contains(id)) {
            return Optional.empty();
        }
        return services.series().find(id).filter(s -> s.draft().enabled());
    }

    /** Every category by id, in the catalogue's order (sort order, then name). */
    Map<String, Category> categories() {
        return catalogue.categories();
    }

    /**
     * Every enabled item of the subscriber's packages, by name: the store filters by package, unless there are more
     * packages than a query takes, when the items are filtered here by {@code members}.
     */
    private <T> List<T> all(Function<VodQuery, Page<T>> list, Function<T, String> id, Set<String> members) {
        List<T> found = new ArrayList<>();
        boolean inStore = packageIds.size() <= VodQuery.MAX_PACKAGES;
        VodQuery query = VodQuery.firstPage(PAGE).enabledOnly(true).inPackages(inStore ? packageIds : null)
                .sortedBy(VodSort.NAME, false);
        while (true) {
            Page<T> page = list.apply(query);
            page.items().stream().filter(item -> inStore || members.contains(id.apply(item))).forEach(found::add);
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
            query = query.next();
        }
        return List.copyOf(found);
    }
}
