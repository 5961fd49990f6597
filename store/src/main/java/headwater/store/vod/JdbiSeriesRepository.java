package headwater.store.vod;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.vod.Episode;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.Series;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.SeriesRepository;
import headwater.store.Database;
import headwater.store.catalog.Constraint;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link SeriesRepository} on a {@link Database}: tables {@code series}, {@code series_category}, {@code season}
 * and {@code episode}. Deleting a series deletes its seasons, and deleting a season its episodes (foreign keys
 * {@code ON DELETE CASCADE}).
 */
public final class JdbiSeriesRepository extends VersionedRows<SeriesDraft, Series>
        implements SeriesRepository {

    private static final List<String> COLUMNS = List.of("name", "poster", "plot", "cast_list", "director", "genre",
            "release_year", "rating", "enabled");
    private static final String EPISODE_COLUMNS = "e.id, e.series_id, e.season_number, e.episode_number, e.title, "
            + "e.source, e.plot, " + MediaColumns.select("e") + ", e.version, e.created_at, e.updated_at";
    private static final String EPISODE_ORDER = " ORDER BY e.season_number, e.episode_number";

    public JdbiSeriesRepository(Database database, Clock clock) {
        super(database, clock, "series", "series", "s", COLUMNS, VodLinks.SERIES);
    }

    @Override
    protected String idOf(SeriesDraft draft) {
        return draft.id();
    }

    @Override
    protected List<String> categoriesOf(SeriesDraft draft) {
        return draft.categoryIds();
    }

    @Override
    protected Series stored(SeriesDraft draft, long version, Instant added, Instant updated) {
        return new Series(draft, version, added, updated);
    }

    @Override
    protected Series withCategories(Series value, List<String> categoryIds) {
        return new Series(value.draft().withCategoryIds(categoryIds), value.version(), value.added(), value.updated());
    }

    @Override
    public Season saveSeason(Season season) {
        try {
            return database.write(handle -> {
                requireSeries(handle, season.seriesId());
                handle.createUpdate("INSERT INTO season (series_id, number, name, poster, plot) "
                                + "VALUES (:series, :number, :name, :poster, :plot) "
                                + "ON CONFLICT (series_id, number) DO UPDATE SET name = excluded.name, "
                                + "poster = excluded.poster, plot = excluded.plot")
                        .bind("series", season.seriesId()).bind("number", season.number()).bind("name", season.name())
                        .bind("poster", Nullable.text(season.poster())).bind("plot", season.plot())
                        .execute();
                return season;
            });
        } catch (JdbiException e) {
            // The only foreign key is the series: deleted by a concurrent writer after the check.
            throw precise(e, new NotFoundException("series", season.seriesId()));
        }
    }

    @Override
    public boolean deleteSeason(String seriesId, int number) {
        return database.write(handle -> handle.createUpdate("DELETE FROM season WHERE series_id = :series "
                + "AND number = :number").bind("series", seriesId).bind("number", number).execute() > 0);
    }

    @Override
    public List<Season> seasons(String seriesId) {
        return database.read(handle -> {
            requireSeries(handle, seriesId);
            return handle.createQuery("SELECT series_id, number, name, poster, plot FROM season "
                            + "WHERE series_id = :series ORDER BY number")
                    .bind("series", seriesId)
                    .map((rs, ctx) -> new Season(rs.getString(1), rs.getInt(2), rs.getString(3), Nullable.uri(rs, 4),
                            rs.getString(5)))
                    .list();
        });
    }

    @Override
    public Episode createEpisode(EpisodeDraft draft) {
        Instant now = now();
        try {
            return database.write(handle -> {
                if (findEpisode(handle, draft.id()).isPresent()) {
                    throw new DuplicateKeyException("episode", "id", draft.id(), "already exists");
                }
                checkPlace(handle, draft);
                bindEpisode(handle.createUpdate("INSERT INTO episode (id, series_id, season_number, episode_number, "
                        + "title, source, plot, " + MediaColumns.INSERT_COLUMNS + ", version, created_at, updated_at) "
                        + "VALUES (:id, :series, :season, :episode, :title, :source, :plot, " + MediaColumns.PARAMETERS
                        + ", 1, :now, :now)"), draft).bind("now", now.toEpochMilli()).execute();
                return new Episode(draft, 1, now, now);
            });
        } catch (JdbiException e) {
            throw diagnose(e, draft);
        }
    }

    @Override
    public Episode updateEpisode(long expectedVersion, EpisodeDraft draft) {
        Instant now = now();
        try {
            return database.write(handle -> {
                Episode stored = findEpisode(handle, draft.id())
                        .orElseThrow(() -> new NotFoundException("episode", draft.id()));
                if (stored.version() != expectedVersion) {
                    throw new ConcurrentUpdateException("episode", draft.id(), expectedVersion, stored.version());
                }
                if (!stored.seriesId().equals(draft.seriesId())) {
                    throw new InvalidValueException("episode", "seriesId", "is \"" + draft.seriesId() + "\": episode "
                            + draft.id() + " belongs to series " + stored.seriesId() + " and cannot move to another");
                }
                checkPlace(handle, draft);
                int updated = bindEpisode(handle.createUpdate("UPDATE episode SET season_number = :season, "
                        + "episode_number = :episode, title = :title, source = :source, plot = :plot, "
                        + MediaColumns.ASSIGNMENTS + ", version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND series_id = :series AND version = :expected"), draft)
                        .bind("now", now.toEpochMilli()).bind("expected", expectedVersion).execute();
                if (updated == 0) {
                    // A concurrent transaction (PostgreSQL, READ COMMITTED) committed first: report what it left.
                    long actual = findEpisode(handle, draft.id()).map(Episode::version)
                            .orElseThrow(() -> new NotFoundException("episode", draft.id()));
                    throw new ConcurrentUpdateException("episode", draft.id(), expectedVersion, actual);
                }
                return new Episode(draft, expectedVersion + 1, stored.added(), now);
            });
        } catch (JdbiException e) {
            throw diagnose(e, draft);
        }
    }

    @Override
    public Optional<Episode> findEpisode(String id) {
        return database.read(handle -> findEpisode(handle, id));
    }

    @Override
    public boolean deleteEpisode(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM episode WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    @Override
    public List<Episode> episodes(String seriesId) {
        return database.read(handle -> {
            requireSeries(handle, seriesId);
            return handle.createQuery("SELECT " + EPISODE_COLUMNS + " FROM episode e WHERE e.series_id = :series"
                    + EPISODE_ORDER).bind("series", seriesId).map((rs, ctx) -> episode(rs)).list();
        });
    }

    private static void requireSeries(Handle handle, String seriesId) {
        if (handle.createQuery("SELECT COUNT(*) FROM series WHERE id = :id").bind("id", seriesId).mapTo(Long.class)
                .one() == 0) {
            throw new NotFoundException("series", seriesId);
        }
    }

    /** The series and the season exist, and no other episode of the season has the number. */
    private static void checkPlace(Handle handle, EpisodeDraft episode) {
        requireSeries(handle, episode.seriesId());
        if (handle.createQuery("SELECT COUNT(*) FROM season WHERE series_id = :series AND number = :season")
                .bind("series", episode.seriesId()).bind("season", episode.seasonNumber()).mapTo(Long.class).one() == 0) {
            throw new NotFoundException("series " + episode.seriesId() + " season", String.valueOf(episode.seasonNumber()));
        }
        handle.createQuery("SELECT id FROM episode WHERE series_id = :series AND season_number = :season "
                        + "AND episode_number = :episode AND id <> :id")
                .bind("series", episode.seriesId()).bind("season", episode.seasonNumber())
                .bind("episode", episode.episodeNumber()).bind("id", episode.id())
                .mapTo(String.class).findFirst()
                .ifPresent(other -> {
                    throw new DuplicateKeyException("episode", "number", episode.seasonNumber() + "x"
                            + episode.episodeNumber(), "of series " + episode.seriesId() + " is already episode " + other
                            + " (wanted by " + episode.id() + ")");
                });
    }

    private static Optional<Episode> findEpisode(Handle handle, String id) {
        return handle.createQuery("SELECT " + EPISODE_COLUMNS + " FROM episode e WHERE e.id = :id").bind("id", id)
                .map((rs, ctx) -> episode(rs)).findOne();
    }

    private static Update bindEpisode(Update update, EpisodeDraft episode) {
        update.bind("id", episode.id()).bind("series", episode.seriesId()).bind("season", episode.seasonNumber())
                .bind("episode", episode.episodeNumber()).bind("title", episode.title())
                .bind("source", episode.source().toString()).bind("plot", episode.plot());
        return MediaColumns.bind(update, episode.mediaInfo());
    }

    private static Episode episode(ResultSet rs) throws SQLException {
        EpisodeDraft draft = new EpisodeDraft(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                rs.getString(5), URI.create(rs.getString(6)), rs.getString(7), MediaColumns.read(rs, 8));
        int bookkeeping = 8 + MediaColumns.NAMES.size();
        return new Episode(draft, rs.getLong(bookkeeping), Instant.ofEpochMilli(rs.getLong(bookkeeping + 1)),
                Instant.ofEpochMilli(rs.getLong(bookkeeping + 2)));
    }

    /** A constraint failed although the checks passed: a concurrent writer got in between. Check again to name it. */
    private RuntimeException diagnose(JdbiException error, EpisodeDraft episode) {
        if (Constraint.violatedBy(error) == Constraint.NONE) {
            return error;
        }
        RuntimeException precise = database.read(handle -> {
            try {
                checkPlace(handle, episode);
                return new DuplicateKeyException("episode", "id", episode.id(), "already exists");
            } catch (NotFoundException | DuplicateKeyException known) {
                return known;
            }
        });
        return precise(error, precise);
    }

    private static RuntimeException precise(JdbiException error, RuntimeException precise) {
        if (Constraint.violatedBy(error) == Constraint.NONE) {
            return error;
        }
        precise.addSuppressed(error);
        return precise;
    }

    @Override
    protected void bind(Update update, SeriesDraft draft) {
        update.bind("name", draft.name())
                .bind("poster", Nullable.text(draft.poster()))
                .bind("plot", draft.plot())
                .bind("cast_list", draft.cast())
                .bind("director", draft.director())
                .bind("genre", draft.genre())
                .bind("release_year", draft.year())
                .bind("rating", draft.rating())
                .bind("enabled", draft.enabled());
    }

    @Override
    protected Series read(ResultSet rs) throws SQLException {
        SeriesDraft draft = new SeriesDraft(rs.getString(1), rs.getString(2), List.of(), Nullable.uri(rs, 3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Nullable.integer(rs, 8),
                Nullable.decimal(rs, 9), rs.getBoolean(10));
        return new Series(draft, rs.getLong(11), Instant.ofEpochMilli(rs.getLong(12)),
                Instant.ofEpochMilli(rs.getLong(13)));
    }
}
