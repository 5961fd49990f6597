package headwater.store.guide;

import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvWriter;
import headwater.domain.guide.GuideFeed;
import headwater.domain.guide.GuideMerge;
import headwater.domain.guide.GuideStore;
import headwater.domain.guide.GuideWindow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Writes the merged guide of one read transaction as XMLTV (see {@link GuideStore#export}). Channels are grouped
 * under an export id: a catalogue channel's EPG channel id, else the XMLTV id of its highest-ranked feed; an XMLTV
 * channel that feeds no catalogue channel keeps its own id. Feeds that end up under one export id are merged by
 * {@link GuideMerge}. Memory holds the channel list and one channel's programmes at a time. A selection of catalogue
 * channels (a subscriber's) exports only those, each under its EPG channel id, else under its own id.
 */
final class GuideExport {

    private final Handle handle;
    /** The catalogue channels to export, or null for the whole guide. */
    private final Set<String> only;

    GuideExport(Handle handle, Set<String> only) {
        this.handle = handle;
        this.only = only == null ? null : Set.copyOf(only);
    }

    void write(XmltvWriter writer) throws IOException {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        handle.createQuery("SELECT s.id, s.priority, gc.generation_id, gc.xmltv_id, gc.position, gc.declared, "
                        + "gc.first_start, gc.last_stop, gc.details "
                        + "FROM guide_source s JOIN guide_channel gc ON gc.generation_id = s.current_generation "
                        + "WHERE s.enabled = :enabled ORDER BY s.priority DESC, s.id, gc.position")
                .bind("enabled", true)
                .map((rs, ctx) -> {
                    long first = rs.getLong(7);
                    boolean empty = rs.wasNull();
                    long last = rs.getLong(8);
                    String xmltvId = rs.getString(4);
                    GuideFeed feed = empty ? null : new GuideFeed(rs.getString(1), rs.getInt(2), xmltvId,
                            Instant.ofEpochMilli(first), Instant.ofEpochMilli(last));
                    return new Feed(rs.getLong(3), xmltvId, rs.getInt(2), rs.getString(1), rs.getInt(5),
                            rs.getBoolean(6), feed, rs.getBytes(9));
                })
                .forEach(f -> feeds.put(f.key(), f));

        // Catalogue channel -> its feeds and EPG channel id (links to deleted channels drop out in the join).
        Map<String, List<Feed>> byChannel = new LinkedHashMap<>();
        Map<String, String> epgIds = new HashMap<>();
        handle.createQuery("SELECT l.channel_id, l.generation_id, l.xmltv_id, c.epg_channel_id "
                        + "FROM guide_channel_link l JOIN guide_source s ON s.current_generation = l.generation_id "
                        + "JOIN channel c ON c.id = l.channel_id WHERE s.enabled = :enabled ORDER BY l.channel_id")
                .bind("enabled", true)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getLong(2) + "\u0000" + rs.getString(3),
                        rs.getString(4)})
                .forEach(link -> {
                    if (only != null && !only.contains(link[0])) {
                        return;
                    }
                    Feed feed = feeds.get(link[1]);
                    if (feed != null) {
                        byChannel.computeIfAbsent(link[0], k -> new ArrayList<>()).add(feed);
                        if (link[2] != null) {
                            epgIds.put(link[0], link[2]);
                        }
                    }
                });

        Map<String, Set<Feed>> groups = new LinkedHashMap<>();
        Set<Feed> linked = new HashSet<>();
        byChannel.forEach((channelId, channelFeeds) -> {
            channelFeeds.sort(Feed.RANK);
            String fallback = only != null ? channelId : channelFeeds.getFirst().xmltvId();
            String exportId = epgIds.getOrDefault(channelId, fallback);
            groups.computeIfAbsent(exportId, k -> new LinkedHashSet<>()).addAll(channelFeeds);
            linked.addAll(channelFeeds);
        });
        for (Feed feed : feeds.values()) {
            if (only == null && !linked.contains(feed)) {
                groups.computeIfAbsent(feed.xmltvId(), k -> new LinkedHashSet<>()).add(feed);
            }
        }
        List<Map.Entry<String, List<Feed>>> ordered = new ArrayList<>();
        groups.forEach((id, members) -> {
            List<Feed> ranked = new ArrayList<>(members);
            ranked.sort(Feed.RANK);
            ordered.add(Map.entry(id, ranked));
        });
        ordered.sort(Comparator.comparing(e -> e.getValue().getFirst(), Feed.RANK));

        for (Map.Entry<String, List<Feed>> group : ordered) {
            for (Feed feed : group.getValue()) {
                if (feed.declared()) {
                    EpgChannel c = GuideCodec.channel(group.getKey(), feed.details());
                    writer.channel(c);
                    break;
                }
            }
        }
        for (Map.Entry<String, List<Feed>> group : ordered) {
            programmes(writer, group.getKey(), group.getValue());
        }
    }

    private void programmes(XmltvWriter writer, String exportId, List<Feed> members) throws IOException {
        Map<GuideFeed, Feed> byFeed = new HashMap<>();
        for (Feed f : members) {
            if (f.feed() != null) {
                byFeed.put(f.feed(), f);
            }
        }
        List<Programme> programmes = new ArrayList<>();
        for (Map.Entry<GuideFeed, List<GuideWindow>> e : GuideMerge.windows(List.copyOf(byFeed.keySet())).entrySet()) {
            Feed feed = byFeed.get(e.getKey());
            for (GuideWindow w : e.getValue()) {
                handle.createQuery("SELECT start_ms, stop_ms, details FROM guide_programme WHERE generation_id = :g "
                                + "AND xmltv_id = :x AND start_ms >= :lo AND start_ms < :hi ORDER BY start_ms")
                        .bind("g", feed.generation()).bind("x", feed.xmltvId())
                        .bind("lo", w.from()).bind("hi", w.until())
                        .map((rs, ctx) -> GuideCodec.programme(exportId, Instant.ofEpochMilli(rs.getLong(1)),
                                Instant.ofEpochMilli(w.clip(rs.getLong(2))), rs.getBytes(3)))
                        .forEach(programmes::add);
            }
        }
        programmes.sort(Comparator.comparing(Programme::start));
        for (Programme p : programmes) {
            writer.programme(p);
        }
    }

    /** An XMLTV channel of a current generation. {@code feed} is null when it has no programmes. */
    private record Feed(long generation, String xmltvId, int priority, String sourceId, int position,
                        boolean declared, GuideFeed feed, byte[] details) {

        static final Comparator<Feed> RANK = Comparator.comparingInt(Feed::priority).reversed()
                .thenComparing(Feed::sourceId).thenComparingInt(Feed::position);

        String key() {
            return generation + "\u0000" + xmltvId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Feed f && f.generation == generation && f.xmltvId.equals(xmltvId);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(generation) * 31 + xmltvId.hashCode();
        }
    }
}
