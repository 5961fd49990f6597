package headwater.app.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.protect.SealedColumns;
import headwater.domain.protect.SealedValueException;
import headwater.domain.session.SigningKey;
import headwater.domain.subscriber.Contact;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.security.crypto.MasterKey;
import headwater.security.crypto.SealedText;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.session.JdbiSigningKeyRepository;
import headwater.store.subscriber.JdbiContactRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtRestTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    @TempDir
    Path dir;

    private HeadwaterConfig config() {
        return HeadwaterConfig.defaults().withDataDir(dir);
    }

    private Database open() {
        return Database.open(DatabaseConfig.sqlite(dir));
    }

    @Test
    void first_start_makes_an_owner_only_master_key_file_and_one_data_key_and_later_starts_reuse_them()
            throws Exception {
        try (Database database = open()) {
            AtRest first = AtRest.open(config(), database, Map.of(), Clock.systemUTC());
            String sealed = first.cipher().seal("f", "v".getBytes(StandardCharsets.UTF_8));
            AtRest second = AtRest.open(config(), database, Map.of(), Clock.systemUTC());

            Path file = dir.resolve("master.key");
            assertThat(first.source().created()).isTrue();
            assertThat(second.source().created()).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(second.envelope().currentKeyId()).isEqualTo(first.envelope().currentKeyId());
            assertThat(second.cipher().open("f", sealed)).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
            int keys = database.read(h -> h.createQuery("SELECT count(*) FROM data_key").mapTo(Integer.class).one());
            assertThat(keys).isEqualTo(1);
        }
    }

    @Test
    void the_environment_key_wins_and_a_key_that_does_not_match_the_database_stops_the_start() {
        MasterKey key = MasterKey.generate();
        Map<String, String> env = Map.of("HEADWATER_MASTER_KEY", key.toBase64());
        try (Database database = open()) {
            AtRest fromEnv = AtRest.open(config(), database, env, Clock.systemUTC());
            assertThat(fromEnv.source().key()).isEqualTo(key);
            assertThat(fromEnv.source().origin()).isEqualTo("$HEADWATER_MASTER_KEY");
            assertThat(dir.resolve("master.key")).doesNotExist();

            assertThatThrownBy(() -> AtRest.open(config(), database, Map.of(), Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.resolve("master.key").toString())
                    .hasMessageContaining("does not open the data keys")
                    .hasMessageNotContaining(key.toBase64());
            assertThatThrownBy(() -> AtRest.open(config(), database, Map.of("HEADWATER_MASTER_KEY", "bm9wZQ=="),
                    Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("$HEADWATER_MASTER_KEY").hasMessageNotContaining("bm9wZQ");
        }
    }

    @Test
    void the_key_file_variable_names_the_file() throws Exception {
        Path file = dir.resolve("elsewhere.key");
        MasterKey key = MasterKey.generate();
        Files.writeString(file, key.toBase64());
        try (Database database = open()) {
            AtRest atRest = AtRest.open(config(), database, Map.of("HEADWATER_MASTER_KEY_FILE", file.toString()),
                    Clock.systemUTC());
            assertThat(atRest.source().key()).isEqualTo(key);
            assertThat(atRest.source().file()).contains(file.toAbsolutePath());
        }
    }

    @Test
    void values_stored_in_plaintext_are_sealed_at_start_once_and_still_read() {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 0x5a);
        try (Database database = open()) {
            database.write(h -> h.execute("INSERT INTO token_keys (id, secret, created_at) VALUES ('1', 'hex:"
                    + java.util.HexFormat.of().formatHex(secret) + "', 1)"));

            AtRest atRest = AtRest.open(config(), database, Map.of(), Clock.systemUTC());
            String stored = database.read(h -> h.createQuery("SELECT secret FROM token_keys").mapTo(String.class).one());
            AtRest.open(config(), database, Map.of(), Clock.systemUTC());
            String again = database.read(h -> h.createQuery("SELECT secret FROM token_keys").mapTo(String.class).one());

            assertThat(stored).startsWith("hw1.");
            assertThat(again).isEqualTo(stored);
            assertThat(new JdbiSigningKeyRepository(database, atRest.cipher()).list())
                    .extracting(SigningKey::secret).containsExactly(secret);
        }
    }

    @Test
    void rotate_data_reseals_every_value_under_the_new_key_and_a_tampered_value_fails_closed() {
        try (Database database = open()) {
            AtRest atRest = AtRest.open(config(), database, Map.of(), Clock.systemUTC());
            new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("s1", "ada", HASH));
            JdbiContactRepository contacts = new JdbiContactRepository(database, atRest.cipher(), Clock.systemUTC());
            contacts.put("s1", new Contact("ada@example.net", "+44 20 7946 0958"));
            new JdbiSigningKeyRepository(database, atRest.cipher()).create(new SigningKey("1", new byte[32],
                    Instant.now(), null));
            String oldKey = atRest.envelope().currentKeyId();

            String newKey = atRest.envelope().rotateDataKey();
            int resealed = new ColumnSealing(new headwater.store.protect.JdbiSealedColumns(database), atRest.cipher())
                    .resealAll();

            assertThat(resealed).isEqualTo(3);
            List<String> values = database.read(h -> h.createQuery("SELECT email FROM subscriber_contact UNION ALL "
                    + "SELECT phone FROM subscriber_contact UNION ALL SELECT secret FROM token_keys")
                    .mapTo(String.class).list());
            assertThat(values).hasSize(3).allSatisfy(v -> assertThat(SealedText.parse(v).keyId()).isEqualTo(newKey));
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(contacts.find("s1")).isEqualTo(new Contact("ada@example.net", "+44 20 7946 0958"));

            database.write(h -> h.execute("UPDATE subscriber_contact SET email = phone"));
            assertThatThrownBy(() -> contacts.find("s1")).isInstanceOf(SealedValueException.class);
            assertThat(SealedColumns.ALL).contains(SealedColumns.SUBSCRIBER_EMAIL);
        }
    }

    @Test
    void a_key_left_by_an_interrupted_master_rotation_is_named() throws Exception {
        try (Database database = open()) {
            AtRest.open(config(), database, Map.of(), Clock.systemUTC());
            Path file = dir.resolve("master.key");
            Files.move(file, dir.resolve("master.key.new"));
            headwater.security.crypto.MasterKeyFile.write(file, MasterKey.generate(), false);

            assertThatThrownBy(() -> AtRest.open(config(), database, Map.of(), Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.resolve("master.key.new") + " is left from an interrupted keys "
                            + "rotate-master");
        }
    }
}
