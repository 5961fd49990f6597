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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalogue as read under one {@link XtreamCatalogueStamp} value: the packages, the enabled channels, the
 * categories, each subscriber lineup's channels and the serialized rows of {@code get_live_streams}, all read or
 * built on first use and shared by every request until the stamp changes. With {@link XtreamCatalogueStamp#NONE}
 * each request gets its own, which reads exactly what it needs, as before there was a stamp.
 *
 * <p>Thread-safe: requests run on several workers. The channels and the categories are read by one of them while
 * the others wait; smaller parts may be built twice at once, with equal results, one kept.
 */
final class PlayerApiCatalogue {

    private static final int PAGE = 1000;
    /** Distinct package sets (and category filters) remembered per stamp: a bound, not a working set. */
    private static final int MAX_LINEUPS = 4096;
    /** The most bytes of whole {@code get_live_streams} answers kept per stamp (beyond it, rows are joined anew). */
    static final long MAX_ANSWER_BYTES = 64L * 1024 * 1024;

    private final XtreamServices services;
    private final Object stamp;
    private final boolean shared;
    private final Map<String, Optional<Package>> packages = new ConcurrentHashMap<>();
    private final Map<String, Optional<Channel>> found = new ConcurrentHashMap<>();
    private final Map<Set<String>, Entitled> entitled = new ConcurrentHashMap<>();
    private final Map<Set<String>, List<Channel>> lineups = new ConcurrentHashMap<>();
    private final Map<String, LiveNumbers> liveNumbers = new ConcurrentHashMap<>();
    private final Map<LiveRowKey, LiveRow> liveRows = new ConcurrentHashMap<>();
    private final Map<LiveAnswerKey, LiveAnswer> liveAnswers = new ConcurrentHashMap<>();
    private final AtomicLong liveAnswerBytes = new AtomicLong();
    private volatile List<Channel> enabled;
    private volatile Map<String, Channel> enabledById;
    private volatile Map<String, Category> categories;

    private PlayerApiCatalogue(XtreamServices services, Object stamp, boolean shared) {
        this.services = services;
        this.stamp = stamp;
        this.shared = shared;
    }

    /**
     * The catalogue of a stamp value.
     *
     * @param shared whether later requests will use it too (a real stamp), so whole answers are worth keeping
     */
    static PlayerApiCatalogue of(XtreamServices services, Object stamp, boolean shared) {
        return new PlayerApiCatalogue(services, stamp, shared);
    }

    /** Whether later requests use this catalogue too. */
    boolean shared() {
        return shared;
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
            synchronized (this) {
                return categoriesOnce();
            }
        }
        return all;
    }

    /** The categories, read by the first caller (the lock held); the others wait for them. */
    private Map<String, Category> categoriesOnce() {
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

    /** A channel's protocol numbers, when known. */
    LiveNumbers liveNumbers(String channelId) {
        return liveNumbers.get(channelId);
    }

    void liveNumbers(String channelId, LiveNumbers numbers) {
        liveNumbers.put(channelId, numbers);
    }

    /** The serialized {@code get_live_streams} row of a channel under a category filter, when built. */
    LiveRow liveRow(LiveRowKey key) {
        return liveRows.get(key);
    }

    void liveRow(LiveRowKey key, LiveRow row) {
        liveRows.put(key, row);
    }

    /** The whole {@code get_live_streams} answer of a lineup under a category filter, when kept. */
    LiveAnswer liveAnswer(LiveAnswerKey key) {
        return liveAnswers.get(key);
    }

    /**
     * Keeps a whole answer off the heap, unless the answers kept under this stamp already take
     * {@link #MAX_ANSWER_BYTES} or are {@link #MAX_LINEUPS} many.
     *
     * @return the kept answer, or null when it was not kept
     */
    LiveAnswer keepLiveAnswer(LiveAnswerKey key, int[] archiveDays, List<byte[]> rows, byte[] json) {
        if (liveAnswers.size() >= MAX_LINEUPS && !liveAnswers.containsKey(key)) {
            return null;
        }
        if (liveAnswerBytes.addAndGet(json.length) > MAX_ANSWER_BYTES) {
            liveAnswerBytes.addAndGet(-json.length);
            return null;
        }
        LiveAnswer answer = new LiveAnswer(archiveDays, rows, PlayerApiJson.Kept.of(json));
        LiveAnswer replaced = liveAnswers.put(key, answer);
        if (replaced != null) {
            liveAnswerBytes.addAndGet(-replaced.json().direct().capacity());
        }
        return answer;
    }

    /** Every enabled channel, by number: read once per stamp. */
    private List<Channel> enabled() {
        List<Channel> all = enabled;
        if (all == null) {
            synchronized (this) {
                return enabledOnce();
            }
        }
        return all;
    }

    /** The enabled channels, read by the first caller (the lock held); the others wait for them. */
    private List<Channel> enabledOnce() {
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

    /** A channel's protocol number and its categories' numbers, in the channel's order. */
    record LiveNumbers(int number, List<Integer> categoryIds) {
    }

    /**
     * A channel's serialized {@code get_live_streams} row and the archive state it shows ({@code -1} for none, else
     * the retention days).
     */
    record LiveRow(int archiveDays, byte[] json) {
    }

    /** A lineup (its packages) under a category filter (null for none). */
    record LiveAnswerKey(Set<String> packageIds, Integer categoryFilter) {
    }

    /**
     * A whole {@code get_live_streams} answer: the archive state of each channel of the lineup it was built with (as
     * in {@link LiveRow}), the rows it shows, and their JSON array. Valid while every channel's archive state is the
     * same.
     */
    record LiveAnswer(int[] archiveDays, List<byte[]> rows, PlayerApiJson.Kept json) {
    }

    /** The ids of what a set of packages holds (their union), missing packages ignored. */
    record Entitled(Set<String> channelIds, Set<String> movieIds, Set<String> seriesIds) {
    }
}
