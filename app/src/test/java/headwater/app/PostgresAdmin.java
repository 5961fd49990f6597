package headwater.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * SQL as the PostgreSQL superuser on the test server (127.0.0.1:5432, or {@code -Dheadwater.test.postgresql}): the
 * test is skipped with the reason when it is unreachable, and fails under {@code CI=true}.
 */
public final class PostgresAdmin {

    public static final String HOST = System.getProperty("headwater.test.postgresql", "127.0.0.1:5432");

    private PostgresAdmin() {
    }

    public static void execute(String database, String sql) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + database
                + "?connectTimeout=3", "postgres", null); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + HOST + " is unreachable or refused " + sql + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true requires it");
            }
            Assumptions.abort(reason);
        }
    }
}
