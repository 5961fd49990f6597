package headwater.store.guide;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.guide.GuideImportOutcome;
import headwater.domain.guide.GuideSource;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.GuideSourceRepository;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import headwater.store.catalog.Constraint;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link GuideSourceRepository} on a {@link Database}. */
public final class JdbiGuideSourceRepository implements GuideSourceRepository {

    private static final String COLUMNS = "id, name, location, time_shift_ms, priority, refresh_ms, enabled, "
            + "last_finished_at, last_error, last_channels, last_programmes, last_unmatched, last_took_ms, version, "
            + "created_at, updated_at";

    private final Database database;
    private final Clock clock;

    public JdbiGuideSourceRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public GuideSource create(GuideSourceDraft draft) {
        long now = clock.millis();
        try {
            return database.write(handle -> {
                if (exists(handle, draft.id())) {
                    throw new DuplicateKeyException("guide source", "id", draft.id(), "already exists");
                }
                bind(handle.createUpdate("INSERT INTO guide_source (id, name, location, time_shift_ms, priority, "
                        + "refresh_ms, enabled, version, created_at, updated_at) VALUES (:id, :name, :location, "
                        + ":shift, :priority, :refresh, :enabled, 1, :now, :now)"), draft).bind("now", now).execute();
                return new GuideSource(draft, 1, null, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
            });
        } catch (JdbiException e) {
            if (Constraint.violatedBy(e) == Constraint.UNIQUE) {
                // A concurrent create of the same id committed between the check and the insert (PostgreSQL).
                DuplicateKeyException duplicate = new DuplicateKeyException("guide source", "id", draft.id(),
                        "already exists");
                duplicate.addSuppressed(e);
                throw duplicate;
            }
            throw e;
        }
    }

    @Override
    public GuideSource update(long expectedVersion, GuideSourceDraft draft) {
        long now = clock.millis();
        return database.write(handle -> {
            GuideSource stored = find(handle, draft.id()).orElseThrow(() -> new NotFoundException("guide source",
                    draft.id()));
            if (stored.version() != expectedVersion) {
                throw new ConcurrentUpdateException("guide source", draft.id(), expectedVersion, stored.version());
            }
            int updated = bind(handle.createUpdate("UPDATE guide_source SET name = :name, location = :location, "
                    + "time_shift_ms = :shift, priority = :priority, refresh_ms = :refresh, enabled = :enabled, "
                    + "version = version + 1, updated_at = :now WHERE id = :id AND version = :expected"), draft)
                    .bind("now", now).bind("expected", expectedVersion).execute();
            if (updated == 0) {
                long actual = find(handle, draft.id()).map(GuideSource::version)
                        .orElseThrow(() -> new NotFoundException("guide source", draft.id()));
                throw new ConcurrentUpdateException("guide source", draft.id(), expectedVersion, actual);
            }
            return new GuideSource(draft, expectedVersion + 1, stored.lastImport(), stored.created(),
                    Instant.ofEpochMilli(now));
        });
    }

    @Override
    public Optional<GuideSource> find(String id) {
        return database.read(handle -> find(handle, id));
    }

    @Override
    public List<GuideSource> list() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM guide_source "
                + "ORDER BY priority DESC, id").map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> {
            // Its generations become garbage; GuideStore.collectGarbage deletes their rows in small batches.
            handle.createUpdate("UPDATE guide_generation SET state = 'RETIRED' WHERE source_id = :id")
                    .bind("id", id).execute();
            return handle.createUpdate("DELETE FROM guide_source WHERE id = :id").bind("id", id).execute() > 0;
        });
    }

    @Override
    public void recordFailure(String id, GuideImportOutcome outcome) {
        int updated = database.write(handle -> handle.createUpdate("UPDATE guide_source SET last_finished_at = :at, "
                        + "last_error = :error, last_channels = 0, last_programmes = 0, last_unmatched = 0, "
                        + "last_took_ms = :took WHERE id = :id")
                .bind("id", id)
                .bind("at", outcome.finished().toEpochMilli())
                .bind("error", outcome.error())
                .bind("took", outcome.took().toMillis())
                .execute());
        if (updated == 0) {
            throw new NotFoundException("guide source", id);
        }
    }

    private static boolean exists(Handle handle, String id) {
        return handle.createQuery("SELECT 1 FROM guide_source WHERE id = :id").bind("id", id).mapTo(Integer.class)
                .findOne().isPresent();
    }

    private static Optional<GuideSource> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM guide_source WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, GuideSourceDraft draft) {
        return statement.bind("id", draft.id())
                .bind("name", draft.name())
                .bind("location", draft.location())
                .bind("shift", draft.timeShift().toMillis())
                .bind("priority", draft.priority())
                .bind("refresh", draft.refreshInterval().toMillis())
                .bind("enabled", draft.enabled());
    }

    private static GuideSource row(ResultSet rs) throws SQLException {
        GuideSourceDraft draft = new GuideSourceDraft(rs.getString("id"), rs.getString("name"),
                rs.getString("location"), Duration.ofMillis(rs.getLong("time_shift_ms")), rs.getInt("priority"),
                Duration.ofMillis(rs.getLong("refresh_ms")), rs.getBoolean("enabled"));
        long finished = rs.getLong("last_finished_at");
        GuideImportOutcome last = rs.wasNull() ? null : new GuideImportOutcome(Instant.ofEpochMilli(finished),
                rs.getString("last_error"), rs.getLong("last_channels"), rs.getLong("last_programmes"),
                rs.getLong("last_unmatched"), Duration.ofMillis(rs.getLong("last_took_ms")));
        return new GuideSource(draft, rs.getLong("version"), last, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
