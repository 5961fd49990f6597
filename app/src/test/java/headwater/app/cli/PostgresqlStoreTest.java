package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.HeadwaterServer;
import headwater.app.Main;
import headwater.app.config.ConfigLoader;
import headwater.app.config.HeadwaterConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same configuration on PostgreSQL (127.0.0.1:5432, user postgres, in a database of its own that is dropped
 * afterwards): the server opens and migrates it, the CLI writes to it while the server runs, and the server runs
 * the channel. Skipped with the reason when PostgreSQL is unreachable; under CI=true that fails.
 */
class PostgresqlStoreTest {

    private static final String HOST = System.getProperty("headwater.test.postgresql", "127.0.0.1:5432");
    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @TempDir
    Path dir;

    @Test
    void the_server_and_the_cli_share_a_postgresql_catalogue() throws Exception {
        String database = "hw_app_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        admin("CREATE DATABASE " + database);
        try {
            Map<String, String> env = Map.of(
                    "HEADWATER_DATABASE_URL", "jdbc:postgresql://" + HOST + "/" + database,
                    "HEADWATER_DATABASE_USER", "postgres",
                    "HEADWATER_SERVER_PORT", "0",
                    "HEADWATER_DATA_DIR", dir.toString());
            HeadwaterConfig config = ConfigLoader.load(Optional.empty(), env, List.of());
            try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
                assertThat(server.database().description()).startsWith("PostgreSQL jdbc:postgresql://");
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.run(new String[] {"channel", "add", "sport", "--number", "7", "--source",
                        "udp://127.0.0.1:45999"}, env, new PrintWriter(out), new PrintWriter(err));
                assertThat(code).as(err.toString()).isZero();

                await().atMost(Duration.ofSeconds(20)).until(() -> server.runningChannels().stream()
                        .anyMatch(c -> c.id().equals("sport")));
                StringWriter listed = new StringWriter();
                assertThat(Main.run(new String[] {"channel", "list"}, env, new PrintWriter(listed),
                        new PrintWriter(new StringWriter()))).isZero();
                assertThat(listed.toString()).contains("sport  7 ");
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres?connectTimeout=3",
                "postgres", null); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + HOST + " (user postgres) is unreachable or refused " + sql + ": "
                    + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true requires it");
            }
            Assumptions.abort(reason + "; skipping (under CI=true this fails)");
        }
    }
}
