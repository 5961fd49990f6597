package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.app.config.HeadwaterConfig;
import headwater.app.protect.AtRest;
import headwater.domain.subscriber.Contact;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.security.crypto.MasterKey;
import headwater.security.crypto.MasterKeyFile;
import headwater.security.crypto.SealedText;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.subscriber.JdbiContactRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final Contact ADA = new Contact("ada@example.net", "+44 20 7946 0958");

    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(dir, env, args);
    }

    /** A subscriber with a sealed contact, as a server under {@code env} stores it. */
    private void seed(Map<String, String> env) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            AtRest atRest = AtRest.open(HeadwaterConfig.defaults().withDataDir(dir), database, env, Clock.systemUTC());
            new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("s1", "ada", HASH));
            new JdbiContactRepository(database, atRest.cipher(), Clock.systemUTC()).put("s1", ADA);
        }
    }

    private Contact contact(Map<String, String> env) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            AtRest atRest = AtRest.open(HeadwaterConfig.defaults().withDataDir(dir), database, env, Clock.systemUTC());
            return new JdbiContactRepository(database, atRest.cipher(), Clock.systemUTC()).find("s1");
        }
    }

    private List<String> sealedValues() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            return database.read(h -> h.createQuery("SELECT email FROM subscriber_contact UNION ALL "
                    + "SELECT phone FROM subscriber_contact").mapTo(String.class).list());
        }
    }

    @Test
    void rotate_data_reseals_every_value_under_a_new_data_key() {
        seed(Map.of());
        String before = SealedText.parse(sealedValues().getFirst()).keyId();

        CliRun rotated = run(Map.of(), "keys", "rotate-data", "--json");

        assertThat(rotated.code()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("\"retired\" : \"" + before + "\"").contains("\"resealed\" : 2");
        assertThat(sealedValues()).hasSize(2).allSatisfy(v ->
                assertThat(SealedText.parse(v).keyId()).isNotEqualTo(before));
        assertThat(contact(Map.of())).isEqualTo(ADA);
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            var entry = new headwater.store.audit.JdbiAuditLog(database,
                    headwater.app.audit.SecurityChainHasher.INSTANCE).head().orElseThrow();
            assertThat(entry.event().action()).isEqualTo("key.rotate");
            assertThat(entry.event().targetType()).isEqualTo("data-key");
            assertThat(entry.event().actor()).startsWith("cli:");
            assertThat(entry.event().before()).contains(before);
        }
    }

    @Test
    void rotate_master_replaces_the_key_file_and_keeps_the_old_key_beside_it() throws Exception {
        seed(Map.of());
        Path file = dir.resolve("master.key");
        MasterKey old = MasterKeyFile.read(file);
        List<String> values = sealedValues();

        CliRun rotated = run(Map.of(), "keys", "rotate-master");

        assertThat(rotated.code()).as(rotated.err()).isZero();
        assertThat(rotated.out()).startsWith("Re-wrapped 1 data key(s) under master key ")
                .contains("(was " + old.fingerprint() + ")").doesNotContain(old.toBase64());
        MasterKey next = MasterKeyFile.read(file);
        assertThat(next).isNotEqualTo(old);
        assertThat(MasterKeyFile.read(dir.resolve("master.key.old"))).isEqualTo(old);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dir.resolve("master.key.new")).doesNotExist();
        assertThat(sealedValues()).isEqualTo(values);
        assertThat(contact(Map.of())).isEqualTo(ADA);
        assertThatThrownBy(() -> contact(Map.of("HEADWATER_MASTER_KEY", old.toBase64())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open the data keys");
    }

    @Test
    void with_the_key_in_the_environment_rotate_master_needs_a_new_key_file() {
        Map<String, String> env = Map.of("HEADWATER_MASTER_KEY", MasterKey.generate().toBase64());
        seed(env);

        CliRun refused = run(env, "keys", "rotate-master");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("--new-key-file").doesNotContain(env.get("HEADWATER_MASTER_KEY"));

        Path next = dir.resolve("next.key");
        CliRun rotated = run(env, "keys", "rotate-master", "--new-key-file", next.toString());
        assertThat(rotated.code()).as(rotated.err()).isZero();
        assertThat(contact(Map.of("HEADWATER_MASTER_KEY_FILE", next.toString()))).isEqualTo(ADA);
        assertThatThrownBy(() -> contact(env)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void postgresql_rotations_reseal_and_rewrap_what_a_server_stored() {
        String name = "hw_keys_" + java.util.HexFormat.of().toHexDigits(
                java.util.concurrent.ThreadLocalRandom.current().nextLong());
        headwater.app.PostgresAdmin.execute("postgres", "CREATE DATABASE " + name);
        String url = "jdbc:postgresql://" + headwater.app.PostgresAdmin.HOST + "/" + name;
        Map<String, String> env = Map.of("HEADWATER_DATABASE_URL", url, "HEADWATER_DATABASE_USER", "postgres");
        HeadwaterConfig config = HeadwaterConfig.defaults().withDataDir(dir).withDatabase(
                new headwater.app.config.DatabaseSettings(java.util.Optional.of(url), java.util.Optional.of("postgres"),
                        java.util.Optional.empty(), 2));
        try {
            try (Database database = Database.open(DatabaseConfig.postgresql(url, "postgres", null))) {
                AtRest atRest = AtRest.open(config, database, Map.of(), Clock.systemUTC());
                new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("s1", "ada", HASH));
                new JdbiContactRepository(database, atRest.cipher(), Clock.systemUTC()).put("s1", ADA);
            }
            CliRun data = run(env, "keys", "rotate-data");
            assertThat(data.code()).as(data.err()).isZero();
            CliRun master = run(env, "keys", "rotate-master");
            assertThat(master.code()).as(master.err()).isZero();
            try (Database database = Database.open(DatabaseConfig.postgresql(url, "postgres", null))) {
                AtRest atRest = AtRest.open(config, database, Map.of(), Clock.systemUTC());
                assertThat(new JdbiContactRepository(database, atRest.cipher(), Clock.systemUTC()).find("s1"))
                        .isEqualTo(ADA);
                List<String> keys = database.read(h -> h.createQuery("SELECT id FROM data_key WHERE retired_at IS NULL")
                        .mapTo(String.class).list());
                assertThat(keys).singleElement();
                List<String> sealed = database.read(h -> h.createQuery("SELECT email FROM subscriber_contact")
                        .mapTo(String.class).list());
                assertThat(sealed).singleElement().satisfies(v ->
                        assertThat(SealedText.parse(v).keyId()).isEqualTo(keys.getFirst()));
            }
        } finally {
            headwater.app.PostgresAdmin.execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
