package headwater.store.vod;

import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import headwater.store.Dialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The WHERE and ORDER BY of a {@link VodQuery} over the {@code movie} or {@code series} table: fixed fragments with
 * bound values, and sort columns from a whitelist. Text sorts bytewise on both databases so that pages agree; a
 * missing year sorts as 0 (both databases would otherwise put NULLs at opposite ends).
 */
final class VodListing {

    private final String alias;
    private final VodLinks links;
    private final Map<VodSort, String> sortColumns = new EnumMap<>(VodSort.class);
    private final String idColumn;

    VodListing(String alias, VodLinks links, Dialect dialect) {
        this.alias = alias;
        this.links = links;
        String collate = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        sortColumns.put(VodSort.NAME, alias + ".name" + collate);
        sortColumns.put(VodSort.ADDED, alias + ".created_at");
        sortColumns.put(VodSort.YEAR, "COALESCE(" + alias + ".release_year, 0)");
        idColumn = alias + ".id" + collate;
    }

    String where(VodQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (query.categoryId() != null) {
            where.append(" AND ").append(links.inCategory(alias));
        }
        if (hasName(query)) {
            where.append(" AND lower(").append(alias).append(".name) LIKE lower(:namePattern) ESCAPE '\\'");
        }
        if (query.packageIds() != null) {
            where.append(" AND ").append(query.packageIds().isEmpty() ? "1 = 0" : links.inPackages(alias));
        }
        if (query.year() != null) {
            where.append(" AND ").append(alias).append(".release_year = :year");
        }
        if (query.enabled() != null) {
            where.append(" AND ").append(alias).append(".enabled = :enabled");
        }
        return where.toString();
    }

    String orderBy(VodQuery query) {
        String direction = query.descending() ? " DESC" : " ASC";
        return sortColumns.get(query.sort()) + direction + ", " + idColumn + direction;
    }

    <S extends SqlStatement<S>> S bind(S statement, VodQuery query) {
        if (query.categoryId() != null) {
            statement.bind("categoryId", query.categoryId());
        }
        if (hasName(query)) {
            statement.bind("namePattern", "%" + escapeLike(query.nameContains()) + "%");
        }
        if (query.packageIds() != null && !query.packageIds().isEmpty()) {
            statement.bindList("packageIds", List.copyOf(query.packageIds()));
        }
        if (query.year() != null) {
            statement.bind("year", query.year().intValue());
        }
        if (query.enabled() != null) {
            statement.bind("enabled", query.enabled().booleanValue());
        }
        return statement;
    }

    private static boolean hasName(VodQuery query) {
        return query.nameContains() != null && !query.nameContains().isEmpty();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
