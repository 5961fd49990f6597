package headwater.store.catalog;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.importing.ChannelUpdate;
import headwater.domain.catalog.importing.ImportBatch;
import headwater.domain.catalog.importing.ImportLink;
import headwater.domain.catalog.importing.ImportSourceRecord;
import headwater.domain.catalog.importing.PlaylistImportStore;
import headwater.store.Database;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** {@link PlaylistImportStore} on a {@link Database}: tables {@code m3u_import_link} and {@code m3u_import_source}. */
public final class JdbiPlaylistImportStore implements PlaylistImportStore {

    private static final String LINK_COLUMNS = "l.channel_id, l.entry_key, l.entry, l.position, l.line, l.present, "
            + "l.applied_number, l.applied_name, l.applied_logo, l.applied_epg_id, l.applied_category_ids, "
            + "l.applied_sources, l.applied_archive_days, l.applied_radio, l.applied_enabled";
    private static final String SOURCE_COLUMNS = "source, location, header, entries, imported_at";

    private final Database database;
    private final Clock clock;
    private final JdbiChannelRepository channels;

    public JdbiPlaylistImportStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.channels = new JdbiChannelRepository(database, clock);
    }

    @Override
    public List<ImportLink> links(String source) {
        return database.read(handle -> handle.createQuery("SELECT " + LINK_COLUMNS + " FROM m3u_import_link l "
                        + "WHERE l.source = :source ORDER BY l.position, l.channel_id")
                .bind("source", source)
                .map((rs, ctx) -> link(source, rs))
                .list());
    }

    @Override
    public Map<String, Channel> channels(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return database.read(handle -> {
            Map<String, Channel> byId = new HashMap<>();
            for (List<String> chunk : Chunks.of(List.copyOf(ids))) {
                for (Channel channel : ChannelRows.load(handle, handle.createQuery("SELECT " + ChannelRows.COLUMNS
                        + " FROM channel c WHERE c.id IN (<ids>)").bindList("ids", chunk))) {
                    byId.put(channel.id(), channel);
                }
            }
            return byId;
        });
    }

    @Override
    public Set<String> channelIds() {
        return database.read(handle -> new HashSet<>(handle.createQuery("SELECT id FROM channel").mapTo(String.class).list()));
    }

    @Override
    public Set<Integer> channelNumbers() {
        return database.read(handle -> new HashSet<>(handle.createQuery("SELECT number FROM channel").mapTo(Integer.class).list()));
    }

    @Override
    public void apply(ImportBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        try {
            database.write(handle -> {
                createMissingCategories(handle, batch.categories());
                if (!batch.creates().isEmpty()) {
                    JdbiChannelRepository.insertAll(handle, batch.creates(), now);
                }
                for (ChannelUpdate update : batch.updates()) {
                    JdbiChannelRepository.updateIn(handle, update.expectedVersion(), update.draft(), now);
                }
                for (List<String> chunk : Chunks.of(batch.deletes())) {
                    handle.createUpdate("DELETE FROM channel WHERE id IN (<ids>)").bindList("ids", chunk).execute();
                }
                writeLinks(handle, batch.source(), batch.links());
                return null;
            });
        } catch (JdbiException e) {
            throw batch.creates().isEmpty()
                    ? channels.diagnose(e, batch.updates().stream().map(ChannelUpdate::draft).toList(), true)
                    : channels.diagnose(e, batch.creates(), false);
        }
    }

    @Override
    public void recordSource(ImportSourceRecord record) {
        database.write(handle -> {
            handle.createUpdate("DELETE FROM m3u_import_source WHERE source = :source").bind("source", record.source())
                    .execute();
            return handle.createUpdate("INSERT INTO m3u_import_source (" + SOURCE_COLUMNS + ") VALUES (:source, "
                            + ":location, :header, :entries, :importedAt)")
                    .bind("source", record.source())
                    .bind("location", record.location())
                    .bind("header", record.header())
                    .bind("entries", record.entries())
                    .bind("importedAt", record.importedAt().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public Optional<ImportSourceRecord> source(String source) {
        return database.read(handle -> handle.createQuery("SELECT " + SOURCE_COLUMNS
                        + " FROM m3u_import_source WHERE source = :source")
                .bind("source", source).map((rs, ctx) -> sourceRecord(rs)).findOne());
    }

    @Override
    public List<ImportSourceRecord> sources() {
        String order = database.dialect() == headwater.store.Dialect.POSTGRESQL ? "source COLLATE \"C\"" : "source";
        return database.read(handle -> handle.createQuery("SELECT " + SOURCE_COLUMNS
                + " FROM m3u_import_source ORDER BY " + order).map((rs, ctx) -> sourceRecord(rs)).list());
    }

    private static void createMissingCategories(Handle handle, List<Category> categories) {
        if (categories.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        for (List<Category> chunk : Chunks.of(categories)) {
            existing.addAll(handle.createQuery("SELECT id FROM category WHERE id IN (<ids>)")
                    .bindList("ids", chunk.stream().map(Category::id).toList()).mapTo(String.class).list());
        }
        var insert = handle.prepareBatch("INSERT INTO category (id, name, kind, sort_order, parent_id) "
                + "VALUES (:id, :name, :kind, :sortOrder, NULL)");
        for (Category category : categories) {
            if (existing.add(category.id())) {
                insert.bind("id", category.id()).bind("name", category.name()).bind("kind", category.kind().name())
                        .bind("sortOrder", category.sortOrder()).add();
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    private static void writeLinks(Handle handle, String source, List<ImportLink> links) {
        if (links.isEmpty()) {
            return;
        }
        for (List<ImportLink> chunk : Chunks.of(links)) {
            handle.createUpdate("DELETE FROM m3u_import_link WHERE source = :source AND channel_id IN (<ids>)")
                    .bind("source", source).bindList("ids", chunk.stream().map(ImportLink::channelId).toList()).execute();
        }
        var insert = handle.prepareBatch("INSERT INTO m3u_import_link (source, channel_id, entry_key, entry, position, "
                + "line, present, applied_number, applied_name, applied_logo, applied_epg_id, applied_category_ids, "
                + "applied_sources, applied_archive_days, applied_radio, applied_enabled) VALUES (:source, :channel, "
                + ":key, :entry, :position, :line, :present, :number, :name, :logo, :epg, :categories, :sources, "
                + ":archiveDays, :radio, :enabled)");
        for (ImportLink link : links) {
            ChannelDraft applied = link.applied();
            insert.bind("source", source)
                    .bind("channel", link.channelId())
                    .bind("key", link.entryKey())
                    .bind("entry", link.entry())
                    .bind("position", link.position())
                    .bind("line", link.line())
                    .bind("present", link.present())
                    .bind("number", applied.number())
                    .bind("name", applied.name())
                    .bind("logo", applied.logo() == null ? null : applied.logo().toString())
                    .bind("epg", applied.epgChannelId())
                    .bind("categories", String.join("\n", applied.categoryIds()))
                    .bind("sources", String.join("\n", applied.sources().stream().map(URI::toString).toList()))
                    .bind("archiveDays", applied.archiveDays())
                    .bind("radio", applied.radio())
                    .bind("enabled", applied.enabled())
                    .add();
        }
        insert.execute();
    }

    private static ImportLink link(String source, ResultSet rs) throws SQLException {
        String logo = rs.getString(9);
        ChannelDraft applied = new ChannelDraft(rs.getString(1), rs.getInt(7), rs.getString(8),
                logo == null ? null : URI.create(logo), split(rs.getString(11)), rs.getString(10),
                split(rs.getString(12)).stream().map(URI::create).toList(), rs.getInt(13), rs.getBoolean(14),
                rs.getBoolean(15));
        return new ImportLink(source, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getBoolean(6),
                applied);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    private static ImportSourceRecord sourceRecord(ResultSet rs) throws SQLException {
        return new ImportSourceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
