package headwater.store.catalog;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.ChannelSort;
import headwater.domain.catalog.Check;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.Database;
import headwater.store.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link ChannelRepository} on a {@link Database}. */
public final class JdbiChannelRepository implements ChannelRepository {

    private final Database database;
    private final Clock clock;
    private final Map<ChannelSort, String> sortColumns;

    public JdbiChannelRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.sortColumns = sortColumns(database.dialect());
    }

    /** The whitelist of ORDER BY columns; text compares bytewise on both databases so that pages agree. */
    private static Map<ChannelSort, String> sortColumns(Dialect dialect) {
        String collate = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        Map<ChannelSort, String> columns = new EnumMap<>(ChannelSort.class);
        columns.put(ChannelSort.NUMBER, "c.number");
        columns.put(ChannelSort.NAME, "c.name" + collate);
        columns.put(ChannelSort.ID, "c.id" + collate);
        columns.put(ChannelSort.UPDATED, "c.updated_at");
        return columns;
    }

    @Override
    public Channel create(ChannelDraft draft) {
        return createAll(List.of(draft)).getFirst();
    }

    @Override
    public List<Channel> createAll(List<ChannelDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        checkUniqueWithin(drafts);
        Instant now = now();
        try {
            return database.write(handle -> insertAll(handle, drafts, now));
        } catch (JdbiException e) {
            throw diagnose(e, drafts, false);
        }
    }

    @Override
    public Channel update(long expectedVersion, ChannelDraft draft) {
        Instant now = now();
        try {
            return database.write(handle -> updateIn(handle, expectedVersion, draft, now));
        } catch (JdbiException e) {
            throw diagnose(e, List.of(draft), true);
        }
    }

    /** Inserts new channels in the caller's transaction, after checking ids, numbers and categories. */
    static List<Channel> insertAll(Handle handle, List<ChannelDraft> drafts, Instant now) {
        checkUniqueWithin(drafts);
        checkFree(handle, drafts, false);
        checkCategories(handle, drafts);
        var rows = handle.prepareBatch("INSERT INTO channel (id, number, name, logo, epg_channel_id, archive_days, "
                + "radio, enabled, encrypted, version, created_at, updated_at) VALUES (:id, :number, :name, :logo, "
                + ":epg, :archiveDays, :radio, :enabled, :encrypted, 1, :now, :now)");
        for (ChannelDraft draft : drafts) {
            bindDraft(rows, draft).bind("now", now.toEpochMilli()).add();
        }
        rows.execute();
        ChannelRows.writeDetails(handle, drafts, false);
        return drafts.stream().map(d -> new Channel(d, 1, now, now)).toList();
    }

    /** Replaces a channel in the caller's transaction if it is still at {@code expectedVersion}. */
    static Channel updateIn(Handle handle, long expectedVersion, ChannelDraft draft, Instant now) {
        String id = draft.id();
        long[] stored = handle.createQuery("SELECT version, created_at FROM channel WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .findOne()
                .orElseThrow(() -> new NotFoundException("channel", id));
        if (stored[0] != expectedVersion) {
            throw new ConcurrentUpdateException("channel", id, expectedVersion, stored[0]);
        }
        Instant created = Instant.ofEpochMilli(stored[1]);
        checkFree(handle, List.of(draft), true);
        checkCategories(handle, List.of(draft));
        int updated = bindDraft(handle.createUpdate("UPDATE channel SET number = :number, name = :name, "
                        + "logo = :logo, epg_channel_id = :epg, archive_days = :archiveDays, radio = :radio, "
                        + "enabled = :enabled, encrypted = :encrypted, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :expected"), draft)
                .bind("now", now.toEpochMilli())
                .bind("expected", expectedVersion)
                .execute();
        if (updated == 0) {
            // A concurrent transaction (PostgreSQL, READ COMMITTED) committed first: report what it left.
            long actual = storedVersion(handle, id).orElseThrow(() -> new NotFoundException("channel", id));
            throw new ConcurrentUpdateException("channel", id, expectedVersion, actual);
        }
        ChannelRows.writeDetails(handle, List.of(draft), true);
        return new Channel(draft, expectedVersion + 1, created, now);
    }

    @Override
    public Optional<Channel> find(String id) {
        return database.read(handle -> ChannelRows.load(handle, handle.createQuery(
                "SELECT " + ChannelRows.COLUMNS + " FROM channel c WHERE c.id = :id").bind("id", id)))
                .stream().findFirst();
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM channel WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    @Override
    public List<String> renditions(String channelId) {
        return database.read(handle -> {
            if (storedVersion(handle, channelId).isEmpty()) {
                throw new NotFoundException("channel", channelId);
            }
            return renditionsOf(handle, channelId);
        });
    }

    @Override
    public Channel setRenditions(String channelId, List<String> renditionIds) {
        List<String> ids = Check.ids("channel", "renditions", renditionIds, MAX_RENDITIONS);
        if (ids.contains(channelId)) {
            throw new InvalidValueException("channel", "renditions", "lists the channel " + channelId
                    + " itself: a rendition is another channel carrying the same programme");
        }
        Instant now = now();
        try {
            return database.write(handle -> {
                // The version names what a client read; the renditions are part of the channel, so they bump it too.
                // First, so that the channel's row is locked: a concurrent setRenditions waits here, then replaces
                // what this one wrote (the last one wins, whole), rather than colliding on the rendition rows.
                int bumped = handle.createUpdate("UPDATE channel SET version = version + 1, updated_at = :now "
                                + "WHERE id = :id")
                        .bind("id", channelId).bind("now", now.toEpochMilli()).execute();
                if (bumped == 0) {
                    throw new NotFoundException("channel", channelId);
                }
                List<String> missing = References.missing(handle, "channel", ids);
                if (!missing.isEmpty()) {
                    throw new UnknownReferenceException("channel", channelId, "channel", missing);
                }
                handle.createUpdate("DELETE FROM channel_rendition WHERE channel_id = :id").bind("id", channelId).execute();
                if (!ids.isEmpty()) {
                    var rows = handle.prepareBatch("INSERT INTO channel_rendition (channel_id, rendition_id, position) "
                            + "VALUES (:channel, :rendition, :position)");
                    for (int i = 0; i < ids.size(); i++) {
                        rows.bind("channel", channelId).bind("rendition", ids.get(i)).bind("position", i).add();
                    }
                    rows.execute();
                }
                return ChannelRows.load(handle, handle.createQuery(
                        "SELECT " + ChannelRows.COLUMNS + " FROM channel c WHERE c.id = :id").bind("id", channelId))
                        .getFirst();
            });
        } catch (JdbiException e) {
            // The channel or a rendition was deleted between the check and the insert (PostgreSQL, READ COMMITTED).
            if (Constraint.violatedBy(e) != Constraint.FOREIGN_KEY) {
                throw e;
            }
            List<String> missing = database.read(handle -> References.missing(handle, "channel",
                    Stream.concat(Stream.of(channelId), ids.stream()).toList()));
            RuntimeException unknown = missing.contains(channelId) ? new NotFoundException("channel", channelId)
                    : new UnknownReferenceException("channel", channelId, "channel", missing.isEmpty() ? ids : missing);
            unknown.addSuppressed(e);
            throw unknown;
        }
    }

    @Override
    public Map<String, List<String>> allRenditions() {
        return database.read(handle -> {
            Map<String, List<String>> all = new LinkedHashMap<>();
            handle.createQuery("SELECT channel_id, rendition_id FROM channel_rendition ORDER BY channel_id, position")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            all.replaceAll((id, list) -> List.copyOf(list));
            return all;
        });
    }

    private static List<String> renditionsOf(Handle handle, String channelId) {
        return handle.createQuery("SELECT rendition_id FROM channel_rendition WHERE channel_id = :id ORDER BY position")
                .bind("id", channelId).mapTo(String.class).list();
    }

    @Override
    public Page<Channel> list(ChannelQuery query) {
        String direction = query.descending() ? " DESC" : " ASC";
        String order = sortColumns.get(query.sort()) + direction + ", " + sortColumns.get(ChannelSort.ID) + direction;
        return database.read(handle -> {
            long total = countIn(handle, query);
            var select = handle.createQuery("SELECT " + ChannelRows.COLUMNS + " FROM channel c WHERE " + filter(query)
                    + " ORDER BY " + order + " LIMIT :limit OFFSET :offset");
            bindFilter(select, query).bind("limit", query.limit()).bind("offset", query.offset());
            return new Page<>(ChannelRows.load(handle, select), total, query.offset(), query.limit());
        });
    }

    @Override
    public long count(ChannelQuery query) {
        return database.read(handle -> countIn(handle, query));
    }

    private long countIn(Handle handle, ChannelQuery query) {
        var count = handle.createQuery("SELECT COUNT(*) FROM channel c WHERE " + filter(query));
        return bindFilter(count, query).mapTo(Long.class).one();
    }

    /** Fixed SQL fragments for the filters present; their values are bound by {@link #bindFilter}. */
    private static String filter(ChannelQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (query.categoryId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM channel_category cc WHERE cc.channel_id = c.id "
                    + "AND cc.category_id = :categoryId)");
        }
        if (query.enabled() != null) {
            where.append(" AND c.enabled = :enabled");
        }
        if (query.radio() != null) {
            where.append(" AND c.radio = :radio");
        }
        if (query.nameContains() != null && !query.nameContains().isEmpty()) {
            where.append(" AND lower(c.name) LIKE lower(:namePattern) ESCAPE '\\'");
        }
        return where.toString();
    }

    private static <S extends SqlStatement<S>> S bindFilter(S statement, ChannelQuery query) {
        if (query.categoryId() != null) {
            statement.bind("categoryId", query.categoryId());
        }
        if (query.enabled() != null) {
            statement.bind("enabled", query.enabled().booleanValue());
        }
        if (query.radio() != null) {
            statement.bind("radio", query.radio().booleanValue());
        }
        if (query.nameContains() != null && !query.nameContains().isEmpty()) {
            statement.bind("namePattern", "%" + escapeLike(query.nameContains()) + "%");
        }
        return statement;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static <S extends SqlStatement<S>> S bindDraft(S statement, ChannelDraft draft) {
        return statement.bind("id", draft.id())
                .bind("number", draft.number())
                .bind("name", draft.name())
                .bind("logo", draft.logo() == null ? null : draft.logo().toString())
                .bind("epg", draft.epgChannelId())
                .bind("archiveDays", draft.archiveDays())
                .bind("radio", draft.radio())
                .bind("enabled", draft.enabled())
                .bind("encrypted", draft.encrypted());
    }

    private static Optional<Long> storedVersion(Handle handle, String id) {
        return handle.createQuery("SELECT version FROM channel WHERE id = :id").bind("id", id).mapTo(Long.class).findOne();
    }

    private static void checkUniqueWithin(List<ChannelDraft> drafts) {
        Set<String> ids = new HashSet<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (ChannelDraft draft : drafts) {
            if (!ids.add(draft.id())) {
                throw new DuplicateKeyException("channel", "id", draft.id(), "appears twice in the batch");
            }
            String other = numbers.putIfAbsent(draft.number(), draft.id());
            if (other != null) {
                throw new DuplicateKeyException("channel", "number", String.valueOf(draft.number()),
                        "is given to both " + other + " and " + draft.id() + " in the batch");
            }
        }
    }

    /**
     * Refuses ids that exist (for new channels) and numbers held by another channel. For an update only the number
     * is checked.
     */
    private static void checkFree(Handle handle, List<ChannelDraft> drafts, boolean update) {
        for (List<ChannelDraft> chunk : Chunks.of(drafts)) {
            if (!update) {
                List<String> taken = handle.createQuery("SELECT id FROM channel WHERE id IN (<ids>)")
                        .bindList("ids", chunk.stream().map(ChannelDraft::id).toList()).mapTo(String.class).list();
                if (!taken.isEmpty()) {
                    throw new DuplicateKeyException("channel", "id", taken.getFirst(), "already exists");
                }
            }
            Map<Integer, String> byNumber = new HashMap<>();
            chunk.forEach(d -> byNumber.put(d.number(), d.id()));
            handle.createQuery("SELECT number, id FROM channel WHERE number IN (<numbers>)")
                    .bindList("numbers", List.copyOf(byNumber.keySet()))
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
                    .forEach(holder -> {
                        String wanting = byNumber.get(holder.getKey());
                        if (!holder.getValue().equals(wanting)) {
                            throw new DuplicateKeyException("channel", "number", String.valueOf(holder.getKey()),
                                    "is already used by channel " + holder.getValue() + " (wanted by " + wanting + ")");
                        }
                    });
        }
    }

    private static void checkCategories(Handle handle, List<ChannelDraft> drafts) {
        Set<String> wanted = new LinkedHashSet<>();
        drafts.forEach(d -> wanted.addAll(d.categoryIds()));
        if (wanted.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : Chunks.of(List.copyOf(wanted))) {
            existing.addAll(handle.createQuery("SELECT id FROM category WHERE id IN (<ids>)").bindList("ids", chunk)
                    .mapTo(String.class).list());
        }
        for (ChannelDraft draft : drafts) {
            List<String> missing = new ArrayList<>(draft.categoryIds());
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new UnknownReferenceException("channel", draft.id(), "category", missing);
            }
        }
    }

    /**
     * A constraint failed although the checks passed: a concurrent writer got in between (PostgreSQL). Check again
     * now that it has committed, to name the key; never let the SQL exception through as such.
     */
    RuntimeException diagnose(JdbiException error, List<ChannelDraft> drafts, boolean update) {
        Constraint constraint = Constraint.violatedBy(error);
        if (constraint == Constraint.NONE) {
            return error;
        }
        try {
            database.read(handle -> {
                if (constraint == Constraint.UNIQUE) {
                    checkFree(handle, drafts, update);
                } else {
                    checkCategories(handle, drafts);
                }
                return null;
            });
        } catch (DuplicateKeyException | UnknownReferenceException precise) {
            precise.addSuppressed(error);
            return precise;
        }
        String ids = drafts.size() == 1 ? drafts.getFirst().id() : drafts.size() + " channels";
        DuplicateKeyException fallback = constraint == Constraint.UNIQUE
                ? new DuplicateKeyException("channel", "id or number", ids, "collided with a concurrent write; retry")
                : null;
        if (fallback != null) {
            fallback.addSuppressed(error);
            return fallback;
        }
        UnknownReferenceException missing = new UnknownReferenceException("channel", ids, "category",
                drafts.stream().flatMap(d -> d.categoryIds().stream()).distinct().toList());
        missing.addSuppressed(error);
        return missing;
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
