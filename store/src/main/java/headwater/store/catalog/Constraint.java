package headwater.store.catalog;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The kind of integrity constraint a database error reports, read from SQLSTATE or SQLite's extended result code. */
public enum Constraint {
    UNIQUE, FOREIGN_KEY, NONE;

    public static Constraint violatedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return UNIQUE;
                }
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
                    return FOREIGN_KEY;
                }
            } else if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505":
                        return UNIQUE;
                    case "23503":
                        return FOREIGN_KEY;
                    default:
                        break;
                }
            }
        }
        return NONE;
    }
}
