package headwater.api.xtream;

import headwater.api.xtream.XtreamLogin.AccountStatus;
import headwater.api.xtream.XtreamLogin.Result.Authenticated;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.Page;
import headwater.domain.vod.Movie;
import headwater.domain.vod.Series;
import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one subscriber may see: the enabled channels, films and series of their own packages and their plan's, and
 * nothing at all while their account is not active. Reads the repositories lazily (blocking: on a worker), once per
 * request.
 */
final class PlayerApiLineup {

    private static final int PAGE = 1000;

    private final XtreamServices services;
    private final Set<String> packageIds;
    private final Set<String> channelIds = new HashSet<>();
    private final Set<String> movieIds = new HashSet<>();
    private final Set<String> seriesIds = new HashSet<>();
    private List<Channel> channels;
    private List<Movie> movies;
    private List<Series> series;
    private Map<String, Category> categories;

    private PlayerApiLineup(XtreamServices services, Set<String> packageIds) {
        this.services = services;
        this.packageIds = packageIds;
        for (String id : packageIds) {
            services.packages().find(id).ifPresent(this::add);
        }
    }

    /** The lineup of an authenticated subscriber: empty unless the account is active. */
    static PlayerApiLineup of(XtreamServices services, Authenticated who) {
        Set<String> packages = new TreeSet<>();
        if (who.status() == AccountStatus.ACTIVE) {
            packages.addAll(who.subscriber().packageIds());
            if (who.plan() != null) {
                packages.addAll(who.plan().packageIds());
            }
        }
        return new PlayerApiLineup(services, packages);
    }

    private void add(Package pkg) {
        channelIds.addAll(pkg.channelIds());
        movieIds.addAll(pkg.movieIds());
        seriesIds.addAll(pkg.seriesIds());
    }

    /** The enabled channels (TV and radio) the subscriber may watch, by number. */
    List<Channel> channels() {
        if (channels == null) {
            List<Channel> found = new ArrayList<>();
            if (!channelIds.isEmpty()) {
                ChannelQuery query = ChannelQuery.firstPage(PAGE).enabledOnly(true);
                while (true) {
                    Page<Channel> page = services.channels().list(query);
                    page.items().stream().filter(c -> channelIds.contains(c.id())).forEach(found::add);
                    if (!page.hasMore() || page.items().isEmpty()) {
                        break;
                    }
                    query = query.next();
                }
            }
            channels = List.copyOf(found);
        }
        return channels;
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
        return services.channels().find(id).filter(Channel::enabled);
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
        if (categories == null) {
            Map<String, Category> all = new LinkedHashMap<>();
            for (Category category : services.categories().list(null)) {
                all.put(category.id(), category);
            }
            categories = all;
        }
        return categories;
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
