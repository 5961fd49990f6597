package headwater.api.xtream;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelSort;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.Page;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.vod.Movie;
import headwater.domain.vod.Series;
import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one subscriber may watch, for the exports: the enabled channels, films and series of their own packages and
 * their plan's, read page by page (a 10,000-channel lineup is never one list in memory). Blocking (the store). One
 * request's: not thread-safe.
 */
final class ExportLineup {

    private static final int PAGE = 1000;

    private final XtreamServices services;
    private final Set<String> packageIds;
    /** Read from the packages on first use (a playlist kept under the catalogue stamp never needs them). */
    private Set<String> channelIds;

    private ExportLineup(XtreamServices services, Set<String> packageIds) {
        this.services = services;
        this.packageIds = packageIds;
    }

    static ExportLineup of(XtreamServices services, Subscriber subscriber, Plan plan) {
        Set<String> packageIds = new TreeSet<>(subscriber.packageIds());
        if (plan != null) {
            packageIds.addAll(plan.packageIds());
        }
        return new ExportLineup(services, Set.copyOf(packageIds));
    }

    /** The subscriber's packages and their plan's: what decides the lineup. */
    Set<String> packageIds() {
        return packageIds;
    }

    /** Whether the subscriber may watch the channel (enabled or not). */
    boolean channel(String channelId) {
        return channelIds().contains(channelId);
    }

    Set<String> channelIds() {
        if (channelIds == null) {
            Set<String> ids = new HashSet<>();
            for (String id : packageIds) {
                services.packages().find(id).map(Package::channelIds).ifPresent(ids::addAll);
            }
            channelIds = ids;
        }
        return channelIds;
    }

    /** The subscriber's enabled channels by number, a page at a time. */
    void channels(PageConsumer<Channel> consumer) throws IOException {
        Set<String> channelIds = channelIds();
        if (channelIds.isEmpty()) {
            return;
        }
        ChannelQuery query = new ChannelQuery(null, true, null, null, ChannelSort.NUMBER, false, 0, PAGE);
        for (int offset = 0; ; offset += PAGE) {
            Page<Channel> page = services.channels().list(query.page(offset, PAGE));
            List<Channel> mine = page.items().stream().filter(c -> channelIds.contains(c.id())).toList();
            if (!mine.isEmpty()) {
                consumer.accept(mine);
            }
            if (page.items().size() < PAGE) {
                return;
            }
        }
    }

    /** The subscriber's enabled films by name, a page at a time. */
    void movies(PageConsumer<Movie> consumer) throws IOException {
        if (packageIds.isEmpty()) {
            return;
        }
        VodQuery query = new VodQuery(null, null, null, true, packageIds, VodSort.NAME, false, 0, PAGE);
        for (int offset = 0; ; offset += PAGE) {
            Page<Movie> page = services.movies().list(query.page(offset, PAGE));
            if (!page.items().isEmpty()) {
                consumer.accept(page.items());
            }
            if (page.items().size() < PAGE) {
                return;
            }
        }
    }

    /** The subscriber's enabled series by name, a page at a time. */
    void series(PageConsumer<Series> consumer) throws IOException {
        if (packageIds.isEmpty()) {
            return;
        }
        VodQuery query = new VodQuery(null, null, null, true, packageIds, VodSort.NAME, false, 0, PAGE);
        for (int offset = 0; ; offset += PAGE) {
            Page<Series> page = services.series().list(query.page(offset, PAGE));
            if (!page.items().isEmpty()) {
                consumer.accept(page.items());
            }
            if (page.items().size() < PAGE) {
                return;
            }
        }
    }

    /** Category names by id, all kinds. */
    Map<String, String> categoryNames() {
        Map<String, String> names = new HashMap<>();
        for (CategoryKind kind : CategoryKind.values()) {
            for (Category category : services.categories().list(kind)) {
                names.put(category.id(), category.name());
            }
        }
        return names;
    }

    /** Takes one page; may write to the client. */
    @FunctionalInterface
    interface PageConsumer<T> {
        void accept(List<T> page) throws IOException;
    }
}
