package headwater.store.catalog;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads channels: the rows a query selects, then their categories and sources, in one handle. */
final class ChannelRows {

    /** The channel columns, for {@code SELECT <COLUMNS> FROM channel c ...}. */
    static final String COLUMNS = "c.id, c.number, c.name, c.logo, c.epg_channel_id, c.archive_days, c.radio, "
            + "c.enabled, c.version, c.created_at, c.updated_at, c.encrypted";

    private ChannelRows() {
    }

    /** Runs {@code query} (which selects {@link #COLUMNS}) and completes each row with its categories and sources. */
    static List<Channel> load(Handle handle, Query query) {
        List<Row> rows = query.map((rs, ctx) -> Row.of(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> categories = new HashMap<>();
        Map<String, List<URI>> sources = new HashMap<>();
        List<String> ids = rows.stream().map(Row::id).toList();
        for (List<String> chunk : Chunks.of(ids)) {
            handle.createQuery("SELECT channel_id, category_id FROM channel_category WHERE channel_id IN (<ids>) "
                            + "ORDER BY channel_id, position")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> categories.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            handle.createQuery("SELECT channel_id, uri FROM channel_source WHERE channel_id IN (<ids>) "
                            + "ORDER BY channel_id, position")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), URI.create(rs.getString(2))))
                    .forEach(e -> sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (Row row : rows) {
            channels.put(row.id(), row.toChannel(categories.getOrDefault(row.id(), List.of()),
                    sources.getOrDefault(row.id(), List.of())));
        }
        return List.copyOf(channels.values());
    }

    /** Writes the categories and sources of {@code draft}, replacing any stored ones. */
    static void writeDetails(Handle handle, List<ChannelDraft> drafts, boolean replace) {
        if (replace) {
            for (List<String> chunk : Chunks.of(drafts.stream().map(ChannelDraft::id).toList())) {
                handle.createUpdate("DELETE FROM channel_category WHERE channel_id IN (<ids>)").bindList("ids", chunk).execute();
                handle.createUpdate("DELETE FROM channel_source WHERE channel_id IN (<ids>)").bindList("ids", chunk).execute();
            }
        }
        var categories = handle.prepareBatch(
                "INSERT INTO channel_category (channel_id, category_id, position) VALUES (:channel, :category, :position)");
        var sources = handle.prepareBatch(
                "INSERT INTO channel_source (channel_id, position, uri) VALUES (:channel, :position, :uri)");
        for (ChannelDraft draft : drafts) {
            for (int i = 0; i < draft.categoryIds().size(); i++) {
                categories.bind("channel", draft.id()).bind("category", draft.categoryIds().get(i)).bind("position", i).add();
            }
            for (int i = 0; i < draft.sources().size(); i++) {
                sources.bind("channel", draft.id()).bind("position", i).bind("uri", draft.sources().get(i).toString()).add();
            }
        }
        if (categories.size() > 0) {
            categories.execute();
        }
        if (sources.size() > 0) {
            sources.execute();
        }
    }

    private record Row(String id, int number, String name, String logo, String epgChannelId, int archiveDays,
                       boolean radio, boolean enabled, long version, long created, long updated,
                       boolean encrypted) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                    rs.getBoolean(12));
        }

        Channel toChannel(List<String> categoryIds, List<URI> sources) {
            ChannelDraft draft = new ChannelDraft(id, number, name, logo == null ? null : URI.create(logo), categoryIds,
                    epgChannelId, sources, archiveDays, radio, enabled, encrypted);
            return new Channel(draft, version, Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated));
        }
    }
}
