package headwater.api.xtream;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue as read under one {@link XtreamCatalogueStamp} value: the packages, the enabled channels, the
 * categories, each subscriber lineup's channels and the serialized rows of {@code get_live_streams}, all read or
 * built on first use and shared by every request until the stamp changes. With {@link XtreamCatalogueStamp#NONE}
 * each request gets its own, which reads exactly what it needs, as before there was a stamp.
 *
 * <p>Thread-safe: requests run on several workers. Two of them may build the same part at once; both results are
 * equal, one wins.
 */
final class PlayerApiCatalogue {

    private static final int PAGE = 1000;
    /** Distinct package sets (and category filters) remembered per stamp: a bound, not a working set. */
    private static final int MAX_LINEUPS = 4096;

    private final XtreamServices services;
    private final Object stamp;
    private final Map<String, Optional<Package>> packages = new ConcurrentHashMap<>();
    private final Map<String, Optional<Channel>> found = new ConcurrentHashMap<>();
    private final Map<Set<String>, Entitled> entitled = new ConcurrentHashMap<>();
    private final Map<Set<String>, List<Channel>> lineups = new ConcurrentHashMap<>();
    private final Map<LiveRowKey, LiveRow> liveRows = new ConcurrentHashMap<>();
    private volatile List<Channel> enabled;
    private volatile Map<String, Channel> enabledById;
    private volatile Map<String, Category> categories;

    private PlayerApiCatalogue(XtreamServices services, Object stamp) {
        this.services = services;
        this.stamp = stamp;
    }

    /** The catalogue of a stamp value. */
    static PlayerApiCatalogue of(XtreamServices services, Object stamp) {
        return new PlayerApiCatalogue(services, stamp);
    }

    Object stamp() {
        return stamp;
    }

    /** What those packages hold. */
    Entitled entitled(Set<String> packageIds) {
        Entitled ids = entitled.get(packageIds);
        if (ids == null) {
            Set<String> channelIds = new HashSet<>();
            Set<String> movieIds = new HashSet<>();
            Set<String> seriesIds = new HashSet<>();
            for (String id : packageIds) {
                packages.computeIfAbsent(id, services.packages()::find).ifPresent(pkg -> {
                    channelIds.addAll(pkg.channelIds());
                    movieIds.addAll(pkg.movieIds());
                    seriesIds.addAll(pkg.seriesIds());
                });
            }
            ids = new Entitled(Collections.unmodifiableSet(channelIds), Collections.unmodifiableSet(movieIds),
                    Collections.unmodifiableSet(seriesIds));
            if (entitled.size() >= MAX_LINEUPS) {
                entitled.clear();
            }
            entitled.put(Set.copyOf(packageIds), ids);
        }
        return ids;
    }

    /** The enabled channels of those packages (their union), by number. */
    List<Channel> channels(Set<String> packageIds) {
        List<Channel> lineup = lineups.get(packageIds);
        if (lineup == null) {
            Set<String> channelIds = entitled(packageIds).channelIds();
            List<Channel> kept = new ArrayList<>();
            if (!channelIds.isEmpty()) {
                for (Channel channel : enabled()) {
                    if (channelIds.contains(channel.id())) {
                        kept.add(channel);
                    }
                }
            }
            lineup = Collections.unmodifiableList(kept);
            if (lineups.size() >= MAX_LINEUPS) {
                lineups.clear();
            }
            lineups.put(Set.copyOf(packageIds), lineup);
        }
        return lineup;
    }

    /** The channel when it exists and is enabled; from the full list when it was read, else one lookup. */
    Optional<Channel> enabledChannel(String id) {
        Map<String, Channel> byId = enabledById;
        if (byId != null) {
            return Optional.ofNullable(byId.get(id));
        }
        return found.computeIfAbsent(id, key -> services.channels().find(key).filter(Channel::enabled));
    }

    /** Every category by id, in the catalogue's order (sort order, then name). */
    Map<String, Category> categories() {
        Map<String, Category> all = categories;
        if (all == null) {
            Map<String, Category> read = new LinkedHashMap<>();
            for (Category category : services.categories().list(null)) {
                read.put(category.id(), category);
            }
            all = Collections.unmodifiableMap(read);
            categories = all;
        }
        return all;
    }

    /** The serialized {@code get_live_streams} row of a channel under a category filter, when built. */
    LiveRow liveRow(LiveRowKey key) {
        return liveRows.get(key);
    }

    void liveRow(LiveRowKey key, LiveRow row) {
        liveRows.put(key, row);
    }

    /** Every enabled channel, by number: read once per stamp. */
    private List<Channel> enabled() {
        List<Channel> all = enabled;
        if (all == null) {
            List<Channel> read = new ArrayList<>();
            ChannelQuery query = ChannelQuery.firstPage(PAGE).enabledOnly(true);
            while (true) {
                Page<Channel> page = services.channels().list(query);
                read.addAll(page.items());
                if (!page.hasMore() || page.items().isEmpty()) {
                    break;
                }
                query = query.next();
            }
            Map<String, Channel> byId = new ConcurrentHashMap<>();
            read.forEach(c -> byId.put(c.id(), c));
            all = List.copyOf(read);
            enabledById = byId;
            enabled = all;
        }
        return all;
    }

    /** A channel's row under a category filter (null for none). */
    record LiveRowKey(String channelId, Integer categoryFilter) {
    }

    /**
     * A channel's serialized {@code get_live_streams} row and the archive state it shows ({@code -1} for none, else
     * the retention days); {@code json} null when the category filter leaves the channel out.
     */
    record LiveRow(int archiveDays, byte[] json) {
    }

    /** The ids of what a set of packages holds (their union), missing packages ignored. */
    record Entitled(Set<String> channelIds, Set<String> movieIds, Set<String> seriesIds) {
    }
}
