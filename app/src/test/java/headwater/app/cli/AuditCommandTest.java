package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.PostgresAdmin;
import headwater.app.audit.SecurityChainHasher;
import headwater.domain.audit.AuditEvent;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.audit.JdbiAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headwater audit verify|export-head} against real tampering: an entry changed with its trigger dropped
 * (SQLite) or disabled (PostgreSQL) is named; entries removed from the end pass the chain but not the exported head.
 */
class AuditCommandTest {

    private static final String POSTGRESQL = PostgresAdmin.HOST;
    private static final Instant T = Instant.parse("2026-11-21T20:00:00Z");

    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(dir, env, args);
    }

    private static void record(Database database, int count) {
        JdbiAuditLog log = new JdbiAuditLog(database, SecurityChainHasher.INSTANCE);
        for (int i = 1; i <= count; i++) {
            log.record(new AuditEvent(T.plusSeconds(i), "operator", "ada", "192.0.2." + i,
                    i % 2 == 0 ? "subscriber.update" : "login.ok", "subscriber", "s" + i, "{\"status\":\"ACTIVE\"}",
                    "{\"status\":\"DISABLED\",\"password\":\"[redacted]\"}", "ok"));
        }
        assertThat(log.failures()).isZero();
    }

    @Test
    void sqlite_an_altered_entry_is_named_and_a_truncation_is_caught_by_the_exported_head() throws Exception {
        Map<String, String> env = Map.of();
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            record(database, 6);
        }
        CliRun intact = run(env, "audit", "verify");
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).startsWith("Audit log intact: 6 entries, head hash ");

        CliRun exported = run(env, "audit", "export-head");
        assertThat(exported.code()).as(exported.err()).isZero();
        Path head = Files.writeString(dir.resolve("head.json"), exported.out());
        assertThat(exported.out()).contains("\"seq\": 6");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit-signing.key"))))
                .isEqualTo("rw-------");
        assertThat(run(env, "audit", "verify", "--head", head.toString()).code()).isZero();

        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            database.write(h -> {
                h.execute("DROP TRIGGER audit_log_no_delete");
                return h.execute("DELETE FROM audit_log WHERE seq > 4");
            });
        }
        CliRun chainOnly = run(env, "audit", "verify");
        assertThat(chainOnly.code()).as("a removed tail leaves a consistent chain").isZero();
        CliRun truncated = run(env, "audit", "verify", "--head", head.toString());
        assertThat(truncated.code()).isEqualTo(AuditCommand.BROKEN);
        assertThat(truncated.out()).contains("BROKEN at entry 5").contains("truncated");

        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            database.write(h -> {
                h.execute("DROP TRIGGER audit_log_no_update");
                return h.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
            });
        }
        CliRun altered = run(env, "audit", "verify");
        assertThat(altered.code()).isEqualTo(AuditCommand.BROKEN);
        assertThat(altered.out()).isEqualTo("Audit log BROKEN at entry 3: its hash does not match its content "
                + "(altered) (2 entries before it verify)" + System.lineSeparator());
    }

    @Test
    void sqlite_a_forged_head_does_not_verify() throws Exception {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            record(database, 3);
        }
        String exported = run(Map.of(), "audit", "export-head").out();
        Path forged = Files.writeString(dir.resolve("head.json"), exported.replace("\"seq\": 3", "\"seq\": 2"));
        CliRun result = run(Map.of(), "audit", "verify", "--head", forged.toString());
        assertThat(result.code()).isEqualTo(AuditCommand.BROKEN);
        assertThat(result.out()).contains("signature does not verify");
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"seq\": \"x\"}\r\nsecret");
        CliRun refused = run(Map.of(), "audit", "verify", "--head", garbage.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("not an audit head").doesNotContain("secret");
    }

    @Test
    void postgresql_an_entry_altered_with_its_trigger_disabled_is_named() throws Exception {
        String database = "hw_audit_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("postgres", "CREATE DATABASE " + database);
        try {
            Map<String, String> env = new HashMap<>();
            env.put("HEADWATER_DATABASE_URL", "jdbc:postgresql://" + POSTGRESQL + "/" + database);
            env.put("HEADWATER_DATABASE_USER", "postgres");
            try (Database db = Database.open(DatabaseConfig.postgresql(env.get("HEADWATER_DATABASE_URL"), "postgres",
                    null))) {
                record(db, 5);
            }
            assertThat(run(env, "audit", "verify").out()).startsWith("Audit log intact: 5 entries");
            admin(database, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; "
                    + "UPDATE audit_log SET outcome = 'refused' WHERE seq = 4");

            CliRun altered = run(env, "audit", "verify");
            assertThat(altered.code()).isEqualTo(AuditCommand.BROKEN);
            assertThat(altered.out()).startsWith("Audit log BROKEN at entry 4: its hash does not match");
        } finally {
            admin("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void admin(String database, String sql) {
        PostgresAdmin.execute(database, sql);
    }
}
