package headwater.store.protect;

import headwater.domain.protect.SealedColumn;
import headwater.domain.protect.SealedColumnStore;
import headwater.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@link SealedColumnStore} on a {@link Database}. Rows are read in pages of {@value #PAGE} by key order and each page
 * is rewritten in one write transaction, so a large table neither holds the write lock for long nor loads whole. The
 * table and column names come from {@link SealedColumn}, which admits only plain SQL identifiers; values are bound.
 */
public final class JdbiSealedColumns implements SealedColumnStore {

    static final int PAGE = 500;

    private final Database database;

    public JdbiSealedColumns(Database database) {
        this.database = database;
    }

    @Override
    public int rewrite(SealedColumn column, UnaryOperator<String> change) {
        String select = "SELECT " + column.idColumn() + ", " + column.column() + " FROM " + column.table()
                + " WHERE " + column.column() + " IS NOT NULL AND " + column.idColumn() + " > :after ORDER BY "
                + column.idColumn() + " LIMIT " + PAGE;
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = :next WHERE "
                + column.idColumn() + " = :id AND " + column.column() + " = :previous";
        int rewritten = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Row> rows = database.read(handle -> handle.createQuery(select).bind("after", from)
                    .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2))).list());
            if (rows.isEmpty()) {
                return rewritten;
            }
            List<Row[]> changes = new ArrayList<>();
            for (Row row : rows) {
                String next = change.apply(row.value);
                if (!Objects.equals(next, row.value)) {
                    changes.add(new Row[] {row, new Row(row.id, next)});
                }
            }
            if (!changes.isEmpty()) {
                rewritten += database.write(handle -> {
                    int count = 0;
                    for (Row[] pair : changes) {
                        count += handle.createUpdate(update).bind("id", pair[0].id).bind("previous", pair[0].value)
                                .bind("next", pair[1].value).execute();
                    }
                    return count;
                });
            }
            after = rows.getLast().id;
        }
    }

    /** A row's key and value; the value is secret (plaintext or sealed) and never printed. */
    private record Row(String id, String value) {
        @Override
        public String toString() {
            return "Row[" + id + "]";
        }
    }
}
