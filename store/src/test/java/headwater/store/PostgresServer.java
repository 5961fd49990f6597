package headwater.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL on 127.0.0.1:5432 (user postgres, trust authentication), shared by one test run: the run creates
 * its own database {@code hw_test_<random>} and drops it when JUnit closes the root store. Each test then works in
 * a fresh schema of that database. When the server cannot be reached, tests that need it are skipped with the
 * reason, or fail under {@code CI=true}, where PostgreSQL is required.
 */
public final class PostgresServer implements AutoCloseable {

    /** Overridable with {@code -Dheadwater.test.postgresql=host:port} (e.g. to see the skip with a closed port). */
    public static final String HOST = System.getProperty("headwater.test.postgresql", "127.0.0.1:5432");
    public static final String USER = "postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres?connectTimeout=3";

    private final String database;
    private final String unreachable;
    private final AtomicInteger schemas = new AtomicInteger();

    private PostgresServer(String database, String unreachable) {
        this.database = database;
        this.unreachable = unreachable;
    }

    static PostgresServer start() {
        String name = "hw_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, null);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return new PostgresServer(name, null);
        } catch (SQLException e) {
            return new PostgresServer(null, "PostgreSQL at " + HOST + " (user " + USER + ") is unreachable: "
                    + e.getMessage());
        }
    }

    /** A fresh, empty schema in this run's database: its JDBC URL. Skips (or fails under CI=true) when unreachable. */
    String newSchemaUrl() {
        requireReachable();
        String schema = "t" + schemas.incrementAndGet();
        String url = "jdbc:postgresql://" + HOST + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + url, e);
        }
        return url + "?currentSchema=" + schema;
    }

    void dropSchema(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(url, USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema + " of " + url, e);
        }
    }

    private void requireReachable() {
        if (unreachable == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(unreachable + "; CI=true requires it");
        }
        Assumptions.abort(unreachable + "; skipping the PostgreSQL run (under CI=true this fails)");
    }

    @Override
    public void close() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, null);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
