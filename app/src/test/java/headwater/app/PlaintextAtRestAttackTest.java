package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.DatabaseSettings;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.session.SigningKey;
import headwater.store.session.JdbiSigningKeyRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack: a copy of the database (the SQLite file with its WAL, or a {@code pg_dump}) must not give away personal data
 * or secrets. Subscribers with e-mail and phone are created through the real server's API; the raw bytes of the store
 * are then searched for every e-mail, phone, token signing key (raw, hex and base64) and the TOTP seed of an operator
 * made by {@code headwater admin create} (raw and Base32). As a control, the same search finds
 * the subscribers' user names, which are not sealed.
 */
class PlaintextAtRestAttackTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final String POSTGRESQL = PostgresAdmin.HOST;
    private static final int SUBSCRIBERS = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    @TempDir
    Path dir;

    private HeadwaterConfig config(DatabaseSettings database) {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        return new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"), defaults.ffmpeg(),
                defaults.demo(), defaults.hls(), defaults.health(), List.of(), defaults.metrics(), database,
                defaults.outbound());
    }

    @Test
    void the_sqlite_file_and_its_wal_hold_no_plaintext_secret() throws Exception {
        List<byte[]> secrets;
        List<byte[]> usernames;
        try (HeadwaterServer server = HeadwaterServer.start(config(HeadwaterConfig.defaults().database()), NO_FFMPEG)) {
            usernames = populate(server);
            secrets = secrets(server);
            secrets.addAll(totpSeed(java.util.Map.of("HEADWATER_DATA_DIR", dir.resolve("data").toString())));
            assertNoneIn(sqliteBytes(), secrets, usernames);
        }
        assertNoneIn(sqliteBytes(), secrets, usernames);
    }

    @Test
    void a_pg_dump_holds_no_plaintext_secret() throws Exception {
        String database = "hw_attack_" + run;
        admin("CREATE DATABASE " + database);
        try {
            DatabaseSettings settings = new DatabaseSettings(Optional.of("jdbc:postgresql://" + POSTGRESQL + "/"
                    + database), Optional.of("postgres"), Optional.empty(), 4);
            try (HeadwaterServer server = HeadwaterServer.start(config(settings), NO_FFMPEG)) {
                List<byte[]> usernames = populate(server);
                List<byte[]> secrets = secrets(server);
                secrets.addAll(totpSeed(java.util.Map.of("HEADWATER_DATA_DIR", dir.resolve("data").toString(),
                        "HEADWATER_DATABASE_URL", settings.url().orElseThrow(),
                        "HEADWATER_DATABASE_USER", "postgres")));
                assertNoneIn(pgDump(database), secrets, usernames);
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Subscribers with contact details through the API; returns their user names (stored in plaintext). */
    private List<byte[]> populate(HeadwaterServer server) throws Exception {
        String key = AdminTokens.admin(server);
        URI api = server.adminApiUrl();
        List<byte[]> usernames = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String username = "probe-user-" + run + "-" + i;
            HttpResponse<String> created = send(api.resolve("subscribers"), "POST", key, "{\"id\": \"s" + i
                    + "\", \"username\": \"" + username + "\", \"password\": \"correct horse battery " + i + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> contact = send(api.resolve("subscribers/s" + i + "/contact"), "PUT", key,
                    "{\"email\": \"" + email(i) + "\", \"phone\": \"" + phone(i) + "\"}");
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
            HttpResponse<String> shown = send(api.resolve("subscribers/s" + i + "/contact"), "GET", key, null);
            assertThat(shown.body()).contains(email(i), phone(i));
            usernames.add(username.getBytes(StandardCharsets.UTF_8));
        }
        return usernames;
    }

    private String email(int i) {
        return "probe." + run + "." + i + "@example.net";
    }

    private String phone(int i) {
        return "+99 " + run.substring(0, 8).replaceAll("[a-f]", "7") + " " + i;
    }

    /**
     * The first operator, made by {@code headwater admin create} with TOTP enrolment on the server's store: its TOTP
     * seed as raw bytes and as the Base32 text apps are given.
     */
    private List<byte[]> totpSeed(java.util.Map<String, String> env) throws IOException {
        Path uriFile = dir.resolve("admin.otpauth");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new String[] {"admin", "create", "--username", "probe-admin-" + run,
                "--generate-password", "--totp-uri-out", uriFile.toString()}, env,
                new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        String uri = Files.readString(uriFile).strip();
        String base32 = uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        assertThat(base32).hasSizeGreaterThanOrEqualTo(16);
        return new ArrayList<>(List.of(base32.getBytes(StandardCharsets.US_ASCII),
                headwater.security.totp.Base32.decode(base32)));
    }

    /** Every e-mail and phone, and each token signing key raw, in hex and in base64. */
    private List<byte[]> secrets(HeadwaterServer server) {
        List<byte[]> secrets = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            secrets.add(email(i).getBytes(StandardCharsets.UTF_8));
            secrets.add(("probe." + run).getBytes(StandardCharsets.UTF_8));
            secrets.add(phone(i).getBytes(StandardCharsets.UTF_8));
        }
        List<SigningKey> keys = new JdbiSigningKeyRepository(server.database(), server.fieldCipher()).list();
        assertThat(keys).isNotEmpty();
        for (SigningKey key : keys) {
            secrets.add(key.secret());
            secrets.add(HexFormat.of().formatHex(key.secret()).getBytes(StandardCharsets.US_ASCII));
            secrets.add(java.util.Base64.getEncoder().withoutPadding().encodeToString(key.secret())
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return secrets;
    }

    private static void assertNoneIn(byte[] dump, List<byte[]> secrets, List<byte[]> controls) {
        assertThat(dump.length).isGreaterThan(1000);
        for (byte[] control : controls) {
            assertThat(indexOf(dump, control)).as("control: the user name %s is found in the dump",
                    new String(control, StandardCharsets.UTF_8)).isGreaterThanOrEqualTo(0);
        }
        for (byte[] secret : secrets) {
            assertThat(indexOf(dump, secret)).as("a secret of %d bytes appears in the dump", secret.length)
                    .isEqualTo(-1);
        }
    }

    private byte[] sqliteBytes() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("headwater.db")).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    private static byte[] pgDump(String database) throws Exception {
        String[] hostPort = POSTGRESQL.split(":");
        Process dump = new ProcessBuilder("pg_dump", "--host", hostPort[0], "--port", hostPort[1], "--username",
                "postgres", "--no-password", "--format=plain", database).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] bytes = dump.getInputStream().readAllBytes();
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).isZero();
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private HttpResponse<String> send(URI uri, String method, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void admin(String sql) {
        PostgresAdmin.execute("postgres", sql);
    }
}
