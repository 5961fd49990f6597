package headwater.store.vod;

import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.MovieRepository;
import headwater.store.Database;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Update;

/** {@link MovieRepository} on a {@link Database}: tables {@code movie} and {@code movie_category}. */
public final class JdbiMovieRepository extends VersionedRows<MovieDraft, Movie> implements MovieRepository {

    private static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("name", "source", "poster", "plot", "cast_list", "director",
                "genre", "release_year", "rating", "enabled"));
        columns.addAll(MediaColumns.NAMES);
        COLUMNS = List.copyOf(columns);
    }

    public JdbiMovieRepository(Database database, Clock clock) {
        super(database, clock, "movie", "movie", "m", COLUMNS, VodLinks.MOVIES);
    }

    @Override
    protected String idOf(MovieDraft draft) {
        return draft.id();
    }

    @Override
    protected List<String> categoriesOf(MovieDraft draft) {
        return draft.categoryIds();
    }

    @Override
    protected Movie stored(MovieDraft draft, long version, Instant added, Instant updated) {
        return new Movie(draft, version, added, updated);
    }

    @Override
    protected Movie withCategories(Movie value, List<String> categoryIds) {
        return new Movie(value.draft().withCategoryIds(categoryIds), value.version(), value.added(), value.updated());
    }

    @Override
    protected void bind(Update update, MovieDraft draft) {
        update.bind("name", draft.name())
                .bind("source", draft.source().toString())
                .bind("poster", Nullable.text(draft.poster()))
                .bind("plot", draft.plot())
                .bind("cast_list", draft.cast())
                .bind("director", draft.director())
                .bind("genre", draft.genre())
                .bind("release_year", draft.year())
                .bind("rating", draft.rating())
                .bind("enabled", draft.enabled());
        MediaColumns.bind(update, draft.mediaInfo());
    }

    @Override
    protected Movie read(ResultSet rs) throws SQLException {
        MovieDraft draft = new MovieDraft(rs.getString(1), rs.getString(2), URI.create(rs.getString(3)), List.of(),
                Nullable.uri(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                Nullable.integer(rs, 9), Nullable.decimal(rs, 10), MediaColumns.read(rs, 12), rs.getBoolean(11));
        return new Movie(draft, rs.getLong(21), Instant.ofEpochMilli(rs.getLong(22)),
                Instant.ofEpochMilli(rs.getLong(23)));
    }
}
