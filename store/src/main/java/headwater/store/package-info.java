/**
 * Persistence of the domain: SQLite (WAL, foreign keys on) in the data directory by default, PostgreSQL when a JDBC
 * URL selects it. Flyway migrations per dialect, JDBI for queries, HikariCP for pooling.
 */
package headwater.store;
