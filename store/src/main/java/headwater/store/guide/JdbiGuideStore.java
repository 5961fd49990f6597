package headwater.store.guide;

import headwater.domain.catalog.NotFoundException;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.XmltvWriter;
import headwater.domain.guide.ChannelLink;
import headwater.domain.guide.ChannelMatcher;
import headwater.domain.guide.GuideEntry;
import headwater.domain.guide.GuideFeed;
import headwater.domain.guide.GuideLoad;
import headwater.domain.guide.GuideMerge;
import headwater.domain.guide.GuideStore;
import headwater.domain.guide.GuideWindow;
import headwater.domain.guide.NowNext;
import headwater.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link GuideStore} on a {@link Database}. Queries read the current generation of every enabled source in one read
 * transaction (one snapshot), so an import that flips its source's generation meanwhile is seen wholly or not at all.
 */
public final class JdbiGuideStore implements GuideStore {

    /** Rows deleted per transaction when a generation or old programmes are removed. */
    static final int DELETE_BATCH = 5000;
    private static final int IN_CHUNK = 500;

    private static final String FEEDS = "SELECT l.channel_id, s.id, s.priority, l.generation_id, l.xmltv_id, "
            + "gc.first_start, gc.last_stop, g.max_length_ms "
            + "FROM guide_channel_link l "
            + "JOIN guide_source s ON s.current_generation = l.generation_id "
            + "JOIN guide_generation g ON g.id = l.generation_id "
            + "JOIN guide_channel gc ON gc.generation_id = l.generation_id AND gc.xmltv_id = l.xmltv_id "
            + "WHERE l.channel_id IN (<ids>) AND s.enabled = :enabled AND gc.first_start IS NOT NULL";

    /** How far after "now" the set-based now/next query looks for the next programme. */
    static final long NOW_NEXT_HORIZON_MS = 4 * 3600_000L;

    private static final String CANDIDATES = "SELECT l.channel_id, s.id, l.xmltv_id, p.start_ms, p.stop_ms, p.title, "
            + "p.lang, p.description, p.catchup_id "
            + "FROM guide_channel_link l "
            + "JOIN guide_source s ON s.current_generation = l.generation_id "
            + "JOIN guide_generation g ON g.id = l.generation_id "
            + "JOIN guide_programme p ON p.generation_id = l.generation_id AND p.xmltv_id = l.xmltv_id "
            + "AND p.start_ms >= :now - g.max_length_ms AND p.start_ms < :horizon AND p.stop_ms > :now "
            + "WHERE l.channel_id IN (<ids>) AND s.enabled = :enabled";

    private static final String ENTRIES = "SELECT start_ms, stop_ms, title, lang, description, catchup_id "
            + "FROM guide_programme WHERE generation_id = :g AND xmltv_id = :x AND start_ms >= :lo AND start_ms < :hi "
            + "AND stop_ms > :from ORDER BY start_ms LIMIT :limit";

    private final Database database;
    private final Clock clock;

    public JdbiGuideStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public GuideLoad begin(String sourceId) {
        long generation = database.write(handle -> {
            boolean exists = handle.createQuery("SELECT 1 FROM guide_source WHERE id = :s").bind("s", sourceId)
                    .mapTo(Integer.class).findOne().isPresent();
            if (!exists) {
                throw new NotFoundException("guide source", sourceId);
            }
            return handle.createUpdate("INSERT INTO guide_generation (source_id, state, started_at, max_length_ms) "
                            + "VALUES (:s, 'LOADING', :now, 0)")
                    .bind("s", sourceId).bind("now", clock.millis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return new JdbiGuideLoad(database, this, sourceId, generation);
    }

    @Override
    public NowNext nowNext(String channelId, Instant at) {
        return nowNext(List.of(channelId), at).get(channelId);
    }

    /**
     * Answers from one query per {@value #IN_CHUNK} channels: every programme of their feeds that is on at {@code at}
     * or starts within {@link #NOW_NEXT_HORIZON_MS} after it, merged per channel in Java. A channel whose next
     * programme starts later than that (a long gap, a sparse guide) is answered by the exact per-feed queries.
     */
    @Override
    public Map<String, NowNext> nowNext(Collection<String> channelIds, Instant at) {
        long now = at.toEpochMilli();
        return database.read(handle -> {
            Map<String, NowNext> result = new LinkedHashMap<>();
            Map<String, List<FeedRow>> feeds = feeds(handle, channelIds);
            Map<String, List<GuideEntry>> candidates = nowNextCandidates(handle, channelIds, now);
            for (String channelId : channelIds) {
                List<FeedRow> rows = feeds.getOrDefault(channelId, List.of());
                if (rows.isEmpty()) {
                    result.put(channelId, NowNext.NONE);
                    continue;
                }
                Map<GuideFeed, List<GuideEntry>> byFeed = new LinkedHashMap<>();
                rows.forEach(r -> byFeed.put(r.feed(), new ArrayList<>()));
                for (GuideEntry e : candidates.getOrDefault(channelId, List.of())) {
                    for (FeedRow r : rows) {
                        if (r.feed().sourceId().equals(e.sourceId()) && r.feed().xmltvId().equals(e.xmltvId())) {
                            byFeed.get(r.feed()).add(e);
                        }
                    }
                }
                NowNext answer = nowNextOf(GuideMerge.merge(byFeed), at);
                if (answer.next() == null) {
                    // Nothing starts within the horizon: the next programme, if any, is further away.
                    answer = nowNextOf(entries(handle, channelId, rows, now, Long.MAX_VALUE, 2), at);
                }
                result.put(channelId, answer);
            }
            return result;
        });
    }

    /** The first merged programme on at {@code at} and the one after it; or none on and the first to come. */
    private static NowNext nowNextOf(List<GuideEntry> merged, Instant at) {
        List<GuideEntry> live = new ArrayList<>();
        for (GuideEntry e : merged) {
            if (e.stop().isAfter(at)) {
                live.add(e);
            }
        }
        if (live.isEmpty()) {
            return NowNext.NONE;
        }
        GuideEntry first = live.getFirst();
        if (first.isOn(at)) {
            return new NowNext(first, live.size() > 1 ? live.get(1) : null);
        }
        return new NowNext(null, first);
    }

    /** Per channel, the programmes of its feeds on at {@code now} or starting within the horizon. */
    private static Map<String, List<GuideEntry>> nowNextCandidates(Handle handle, Collection<String> channelIds,
                                                                   long now) {
        Map<String, List<GuideEntry>> candidates = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(channelIds));
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createQuery(CANDIDATES)
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .bind("enabled", true).bind("now", now).bind("horizon", now + NOW_NEXT_HORIZON_MS)
                    .map((rs, ctx) -> new GuideEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)))
                    .forEach(e -> candidates.computeIfAbsent(e.channelId(), k -> new ArrayList<>()).add(e));
        }
        return candidates;
    }

    @Override
    public List<GuideEntry> range(String channelId, Instant from, Instant to, int limit) {
        if (limit < 1 || !to.isAfter(from)) {
            return List.of();
        }
        return database.read(handle -> {
            List<FeedRow> rows = feeds(handle, List.of(channelId)).getOrDefault(channelId, List.of());
            List<GuideEntry> merged = entries(handle, channelId, rows, from.toEpochMilli(), to.toEpochMilli(), limit);
            return merged.size() > limit ? List.copyOf(merged.subList(0, limit)) : merged;
        });
    }

    /**
     * The merged programmes of one channel that overlap {@code [from, to)}: at most {@code limit} per window of each
     * feed, which is enough for the first {@code limit} of the merge (windows are disjoint).
     */
    private List<GuideEntry> entries(Handle handle, String channelId, List<FeedRow> rows, long from, long to,
                                     int limit) {
        Map<GuideFeed, FeedRow> byFeed = new HashMap<>();
        rows.forEach(r -> byFeed.put(r.feed(), r));
        Map<GuideFeed, List<GuideEntry>> read = new LinkedHashMap<>();
        GuideMerge.windows(List.copyOf(byFeed.keySet())).forEach((feed, windows) -> {
            FeedRow row = byFeed.get(feed);
            List<GuideEntry> entries = new ArrayList<>();
            for (GuideWindow w : windows) {
                long lo = Math.max(w.from(), row.earliestStartFor(from));
                long hi = Math.min(w.until(), to);
                if (lo >= hi) {
                    continue;
                }
                entries.addAll(handle.createQuery(ENTRIES)
                        .bind("g", row.generation()).bind("x", feed.xmltvId())
                        .bind("lo", lo).bind("hi", hi).bind("from", from).bind("limit", limit)
                        .map((rs, ctx) -> new GuideEntry(channelId, feed.sourceId(), feed.xmltvId(),
                                Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                        .list());
            }
            read.put(feed, entries);
        });
        List<GuideEntry> merged = new ArrayList<>();
        for (GuideEntry e : GuideMerge.merge(read)) {
            if (e.stop().toEpochMilli() > from && e.start().toEpochMilli() < to) {
                merged.add(e);
            }
        }
        return merged;
    }

    /** The feeds of each channel: the XMLTV channels of current, enabled generations linked to it. */
    private static Map<String, List<FeedRow>> feeds(Handle handle, Collection<String> channelIds) {
        Map<String, List<FeedRow>> feeds = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(channelIds));
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createQuery(FEEDS)
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .bind("enabled", true)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new FeedRow(new GuideFeed(rs.getString(2),
                            rs.getInt(3), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            Instant.ofEpochMilli(rs.getLong(7))), rs.getLong(4), rs.getLong(8))))
                    .forEach(e -> feeds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return feeds;
    }

    @Override
    public void export(XmltvWriter writer) throws IOException {
        export(writer, (Set<String>) null);
    }

    @Override
    public void export(XmltvWriter writer, Set<String> channelIds) throws IOException {
        try {
            database.read(handle -> {
                try {
                    new GuideExport(handle, channelIds).write(writer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public long purge(Instant keepFrom, Instant keepUntil) {
        List<Map.Entry<Long, String>> feeds = database.read(handle -> handle.createQuery("SELECT gc.generation_id, "
                        + "gc.xmltv_id FROM guide_channel gc JOIN guide_source s ON s.current_generation = gc.generation_id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        long purged = 0;
        for (Map.Entry<Long, String> feed : feeds) {
            long generation = feed.getKey();
            String xmltvId = feed.getValue();
            purged += database.write(handle -> {
                int deleted = handle.createUpdate("DELETE FROM guide_programme WHERE generation_id = :g "
                                + "AND xmltv_id = :x AND ((start_ms < :from AND stop_ms <= :from) OR start_ms >= :until)")
                        .bind("g", generation).bind("x", xmltvId)
                        .bind("from", keepFrom.toEpochMilli()).bind("until", keepUntil.toEpochMilli())
                        .execute();
                if (deleted > 0) {
                    handle.createUpdate("UPDATE guide_channel SET "
                                    + "first_start = (SELECT MIN(start_ms) FROM guide_programme p "
                                    + "WHERE p.generation_id = :g AND p.xmltv_id = :x), "
                                    + "last_stop = (SELECT MAX(stop_ms) FROM guide_programme p "
                                    + "WHERE p.generation_id = :g AND p.xmltv_id = :x) "
                                    + "WHERE generation_id = :g AND xmltv_id = :x")
                            .bind("g", generation).bind("x", xmltvId).execute();
                }
                return (long) deleted;
            });
        }
        return purged;
    }

    @Override
    public int collectGarbage(Instant staleBefore) {
        List<Long> garbage = database.read(handle -> handle.createQuery("SELECT id FROM guide_generation "
                        + "WHERE state = 'RETIRED' OR (state = 'LOADING' AND started_at < :stale) ORDER BY id")
                .bind("stale", staleBefore.toEpochMilli()).mapTo(Long.class).list());
        for (long generation : garbage) {
            // A stale load is retired first, so that the import, should it still be alive, cannot commit it.
            database.write(handle -> handle.createUpdate("UPDATE guide_generation SET state = 'RETIRED' "
                    + "WHERE id = :g AND state = 'LOADING'").bind("g", generation).execute());
            deleteGeneration(generation);
        }
        return garbage.size();
    }

    /** Deletes a retired generation's rows, {@value #DELETE_BATCH} per transaction, then the generation. */
    void deleteGeneration(long generation) {
        while (true) {
            int deleted = database.bulkWrite(handle -> handle.createUpdate("DELETE FROM guide_programme "
                            + "WHERE generation_id = :g AND (xmltv_id, start_ms) IN (SELECT xmltv_id, start_ms "
                            + "FROM guide_programme WHERE generation_id = :g ORDER BY xmltv_id, start_ms LIMIT :n)")
                    .bind("g", generation).bind("n", DELETE_BATCH).execute());
            if (deleted < DELETE_BATCH) {
                break;
            }
        }
        database.write(handle -> {
            handle.createUpdate("DELETE FROM guide_channel_link WHERE generation_id = :g").bind("g", generation)
                    .execute();
            handle.createUpdate("DELETE FROM guide_channel WHERE generation_id = :g").bind("g", generation).execute();
            return handle.createUpdate("DELETE FROM guide_generation WHERE id = :g AND state = 'RETIRED'")
                    .bind("g", generation).execute();
        });
    }

    @Override
    public long relink(ChannelMatcher matcher) {
        List<Long> generations = database.read(handle -> handle.createQuery("SELECT current_generation "
                + "FROM guide_source WHERE current_generation IS NOT NULL").mapTo(Long.class).list());
        long links = 0;
        for (long generation : generations) {
            List<EpgChannel> channels = database.read(handle -> handle.createQuery("SELECT xmltv_id, details "
                            + "FROM guide_channel WHERE generation_id = :g ORDER BY position")
                    .bind("g", generation)
                    .map((rs, ctx) -> GuideCodec.channel(rs.getString(1), rs.getBytes(2))).list());
            List<ChannelLink> matched = matcher.match(channels);
            database.write(handle -> {
                replaceLinks(handle, generation, matched);
                return null;
            });
            links += matched.size();
        }
        return links;
    }

    static void replaceLinks(Handle handle, long generation, List<ChannelLink> links) {
        handle.createUpdate("DELETE FROM guide_channel_link WHERE generation_id = :g").bind("g", generation).execute();
        if (links.isEmpty()) {
            return;
        }
        var insert = handle.prepareBatch("INSERT INTO guide_channel_link (channel_id, generation_id, xmltv_id, "
                + "matched_by) VALUES (:c, :g, :x, :by)");
        for (ChannelLink link : links) {
            insert.bind("c", link.channelId()).bind("g", generation).bind("x", link.xmltvId())
                    .bind("by", link.by().name()).add();
        }
        insert.execute();
    }
}
