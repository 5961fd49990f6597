package headwater.store.guide;

import headwater.domain.epg.LocalizedText;
import headwater.domain.epg.Programme;
import headwater.domain.guide.ChannelLink;
import headwater.domain.guide.FeedSpan;
import headwater.domain.guide.GuideChannel;
import headwater.domain.guide.GuideConflictException;
import headwater.domain.guide.GuideImportOutcome;
import headwater.domain.guide.GuideLoad;
import headwater.domain.guide.StagedProgramme;
import headwater.store.Database;
import headwater.store.DatabaseException;
import headwater.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import's generation; see {@link GuideLoad}. Each call is its own short write transaction; they do not wait for
 * the disk ({@link Database#bulkWrite}): the commit's ordinary transaction makes them durable together with the flip,
 * and a crash before it leaves an unfinished generation that garbage collection removes.
 */
final class JdbiGuideLoad implements GuideLoad {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiGuideLoad.class);
    private static final int SPAN_BATCH = 500;

    static final String UPSERT_PROGRAMME = "INSERT INTO guide_programme (generation_id, xmltv_id, start_ms, stop_ms, "
            + "open_end, title, lang, description, catchup_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (generation_id, xmltv_id, start_ms) DO UPDATE SET stop_ms = excluded.stop_ms, "
            + "open_end = excluded.open_end, title = excluded.title, lang = excluded.lang, "
            + "description = excluded.description, catchup_id = excluded.catchup_id, details = excluded.details";

    private final Database database;
    private final JdbiGuideStore store;
    private final String sourceId;
    private final long generation;
    private final GuideCodec codec = new GuideCodec();
    private boolean committed;

    JdbiGuideLoad(Database database, JdbiGuideStore store, String sourceId, long generation) {
        this.database = database;
        this.store = store;
        this.sourceId = sourceId;
        this.generation = generation;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public void channels(List<GuideChannel> channels) {
        database.bulkWrite(handle -> {
            try (PreparedStatement insert = handle.getConnection().prepareStatement("INSERT INTO guide_channel "
                    + "(generation_id, xmltv_id, position, declared, details) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (generation_id, xmltv_id) DO UPDATE SET declared = excluded.declared, "
                    + "details = excluded.details")) {
                for (GuideChannel c : channels) {
                    insert.setLong(1, generation);
                    insert.setString(2, c.xmltvId());
                    insert.setInt(3, c.position());
                    insert.setBoolean(4, c.declared());
                    insert.setBytes(5, codec.channel(c.channel()));
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw failed("store " + channels.size() + " channels", e);
            }
            return null;
        });
    }

    @Override
    public void links(List<ChannelLink> links) {
        database.bulkWrite(handle -> {
            JdbiGuideStore.replaceLinks(handle, generation, links);
            return null;
        });
    }

    @Override
    public void programmes(List<StagedProgramme> programmes) {
        database.bulkWrite(handle -> {
            insert(handle, programmes);
            return null;
        });
    }

    private void insert(Handle handle, List<StagedProgramme> programmes) {
        if (programmes.isEmpty()) {
            return;
        }
        Connection connection = handle.getConnection();
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_PROGRAMME)) {
            for (StagedProgramme s : programmes) {
                Programme p = s.programme();
                LocalizedText title = p.titles().isEmpty() ? null : p.titles().getFirst();
                upsert.setLong(1, generation);
                upsert.setString(2, p.channelId());
                upsert.setLong(3, p.start().toEpochMilli());
                upsert.setLong(4, p.stop().toEpochMilli());
                upsert.setBoolean(5, s.openEnd());
                upsert.setString(6, title == null ? null : title.text());
                upsert.setString(7, title == null ? null : title.lang());
                upsert.setString(8, p.descriptions().isEmpty() ? null : p.descriptions().getFirst().text());
                upsert.setString(9, p.catchupId());
                upsert.setBytes(10, codec.programme(p));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw failed("store " + programmes.size() + " programmes", e);
        }
    }

    @Override
    public List<Programme> programmes(String xmltvId) {
        return database.read(handle -> handle.createQuery("SELECT start_ms, stop_ms, open_end, details "
                        + "FROM guide_programme WHERE generation_id = :g AND xmltv_id = :x ORDER BY start_ms")
                .bind("g", generation).bind("x", xmltvId)
                .map((rs, ctx) -> GuideCodec.programme(xmltvId, Instant.ofEpochMilli(rs.getLong(1)),
                        rs.getBoolean(3) ? null : Instant.ofEpochMilli(rs.getLong(2)), rs.getBytes(4)))
                .list());
    }

    @Override
    public void replaceProgrammes(String xmltvId, List<StagedProgramme> programmes) {
        database.bulkWrite(handle -> {
            handle.createUpdate("DELETE FROM guide_programme WHERE generation_id = :g AND xmltv_id = :x")
                    .bind("g", generation).bind("x", xmltvId).execute();
            insert(handle, programmes);
            return null;
        });
    }

    @Override
    public void commit(Collection<FeedSpan> spans, GuideImportOutcome outcome) {
        List<FeedSpan> all = new ArrayList<>(spans);
        long longest = 0;
        for (FeedSpan span : all) {
            longest = Math.max(longest, span.longest().toMillis());
        }
        for (int from = 0; from < all.size(); from += SPAN_BATCH) {
            List<FeedSpan> chunk = all.subList(from, Math.min(all.size(), from + SPAN_BATCH));
            database.bulkWrite(handle -> {
                var update = handle.prepareBatch("UPDATE guide_channel SET first_start = :first, last_stop = :last "
                        + "WHERE generation_id = :g AND xmltv_id = :x");
                for (FeedSpan span : chunk) {
                    update.bind("first", span.first().toEpochMilli()).bind("last", span.last().toEpochMilli())
                            .bind("g", generation).bind("x", span.xmltvId()).add();
                }
                update.execute();
                return null;
            });
        }
        long maxLength = longest;
        List<Long> replaced = database.write(handle -> flip(handle, maxLength, outcome));
        committed = true;
        for (long old : replaced) {
            try {
                store.deleteGeneration(old);
            } catch (RuntimeException e) {
                LOG.warn("guide source {}: generation {} replaced by {} could not be deleted yet ({}); garbage "
                        + "collection will retry", sourceId, old, generation, e.toString());
            }
        }
    }

    /** The one transaction that makes the generation current. Returns the generations it replaced. */
    private List<Long> flip(Handle handle, long maxLength, GuideImportOutcome outcome) {
        String lock = database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        var current = handle.createQuery("SELECT current_generation FROM guide_source WHERE id = :s" + lock)
                .bind("s", sourceId).map((rs, ctx) -> {
                    long g = rs.getLong(1);
                    return rs.wasNull() ? -1L : g;
                }).findOne();
        if (current.isEmpty()) {
            throw new GuideConflictException("guide source " + sourceId + " was deleted during its import; "
                    + "generation " + generation + " is discarded");
        }
        if (current.get() > generation) {
            throw new GuideConflictException("guide source " + sourceId + ": a newer import (generation "
                    + current.get() + ") was committed while this one (generation " + generation + ") ran; "
                    + "the newer guide stays");
        }
        int made = handle.createUpdate("UPDATE guide_generation SET state = 'CURRENT', max_length_ms = :m "
                        + "WHERE id = :g AND state = 'LOADING'")
                .bind("m", maxLength).bind("g", generation).execute();
        if (made == 0) {
            throw new GuideConflictException("guide source " + sourceId + ": generation " + generation
                    + " was given up as stale while it was written; the current guide stays");
        }
        List<Long> replaced = handle.createQuery("SELECT id FROM guide_generation WHERE source_id = :s "
                        + "AND state = 'CURRENT' AND id <> :g")
                .bind("s", sourceId).bind("g", generation).mapTo(Long.class).list();
        handle.createUpdate("UPDATE guide_generation SET state = 'RETIRED' WHERE source_id = :s "
                + "AND state = 'CURRENT' AND id <> :g").bind("s", sourceId).bind("g", generation).execute();
        handle.createUpdate("UPDATE guide_source SET current_generation = :g, last_finished_at = :at, "
                        + "last_error = NULL, last_channels = :channels, last_programmes = :programmes, "
                        + "last_unmatched = :unmatched, last_took_ms = :took WHERE id = :s")
                .bind("g", generation).bind("s", sourceId)
                .bind("at", outcome.finished().toEpochMilli())
                .bind("channels", outcome.channels())
                .bind("programmes", outcome.programmes())
                .bind("unmatched", outcome.unmatched())
                .bind("took", outcome.took().toMillis())
                .execute();
        return replaced;
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            database.write(handle -> handle.createUpdate("UPDATE guide_generation SET state = 'RETIRED' "
                    + "WHERE id = :g AND state = 'LOADING'").bind("g", generation).execute());
            store.deleteGeneration(generation);
        } catch (RuntimeException e) {
            LOG.warn("guide source {}: abandoned generation {} could not be deleted yet ({}); garbage collection "
                    + "will retry", sourceId, generation, e.toString());
        }
    }

    private RuntimeException failed(String what, SQLException e) {
        return new DatabaseException("guide source " + sourceId + ", generation " + generation + ": cannot "
                + what + ": " + e.getMessage(), e);
    }
}
