package headwater.store.protect;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.protect.SealedColumn;
import headwater.domain.protect.SealedColumns;
import headwater.domain.session.SigningKey;
import headwater.store.DatabaseConfig;
import headwater.store.Dialect;
import headwater.store.EachDatabase;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import headwater.store.session.JdbiSigningKeyRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

class SealedColumnsTest {

    @EachDatabase
    void every_registered_column_exists_with_its_key(TestStore store) {
        JdbiSealedColumns columns = new JdbiSealedColumns(store.database());
        for (SealedColumn column : SealedColumns.ALL) {
            assertThat(columns.rewrite(column, value -> value)).as(column.field()).isZero();
        }
    }

    @EachDatabase
    void rewrites_every_value_across_pages_and_skips_nulls_and_unchanged(TestStore store) {
        int rows = JdbiSealedColumns.PAGE * 2 + 7;
        store.database().write(handle -> {
            for (int i = 0; i < rows; i++) {
                String id = String.format("s%05d", i);
                handle.createUpdate("INSERT INTO subscriber (id, username, username_key, password_hash, status, "
                                + "max_connections, output_formats, version, created_at, updated_at) "
                                + "VALUES (:id, :id, :id, 'x', 'ACTIVE', 1, 'HLS', 1, 0, 0)")
                        .bind("id", id).execute();
                handle.createUpdate("INSERT INTO subscriber_contact (subscriber_id, email, phone, updated_at) "
                                + "VALUES (:id, :email, NULL, 0)")
                        .bind("id", id).bind("email", i % 10 == 0 ? "kept" : "user" + i + "@example.net").execute();
            }
            return null;
        });
        List<String> seen = new ArrayList<>();
        int rewritten = new JdbiSealedColumns(store.database()).rewrite(SealedColumns.SUBSCRIBER_EMAIL, value -> {
            seen.add(value);
            return value.equals("kept") ? value : TestCipher.INSTANCE.seal("subscriber_contact.email",
                    value.getBytes(StandardCharsets.UTF_8));
        });

        assertThat(seen).hasSize(rows).filteredOn(v -> !v.equals("kept")).doesNotHaveDuplicates();
        assertThat(rewritten).isEqualTo(rows - (rows + 9) / 10);
        assertThat(new JdbiSealedColumns(store.database()).rewrite(SealedColumns.SUBSCRIBER_PHONE, v -> "x")).isZero();
        List<String> stored = store.database().read(handle -> handle.createQuery(
                "SELECT email FROM subscriber_contact ORDER BY subscriber_id").mapTo(String.class).list());
        assertThat(stored).filteredOn(v -> !v.equals("kept")).allMatch(v -> v.startsWith(TestCipher.PREFIX));
    }

    @EachDatabase
    void token_keys_of_before_v14_become_hex_text_that_the_repository_reads(TestStore store) {
        DatabaseConfig config = store.config();
        Flyway.configure().dataSource(flywayUrl(store, config), config.user(), config.password())
                .locations(store.dialect().migrationLocation())
                .target("11").load().migrate();
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7);
        }
        org.jdbi.v3.core.Jdbi.create(flywayUrl(store, config), java.util.Objects.requireNonNullElse(config.user(), ""),
                java.util.Objects.requireNonNullElse(config.password(), "")).useHandle(h ->
                h.createUpdate("INSERT INTO token_keys (id, secret, created_at) VALUES ('1', :s, 5)")
                        .bind("s", secret).execute());

        JdbiSigningKeyRepository keys = new JdbiSigningKeyRepository(store.database(), TestCipher.INSTANCE);

        String stored = store.database().read(h -> h.createQuery("SELECT secret FROM token_keys").mapTo(String.class)
                .one());
        assertThat(stored).isEqualTo("hex:" + java.util.HexFormat.of().formatHex(secret));
        assertThat(keys.list()).singleElement().extracting(SigningKey::secret).isEqualTo(secret);

        new JdbiSealedColumns(store.database()).rewrite(SealedColumns.TOKEN_KEY_SECRET, v -> TestCipher.INSTANCE.seal(
                SealedColumns.TOKEN_KEY_SECRET.field(), java.util.HexFormat.of().parseHex(v.substring(4))));
        assertThat(keys.list()).singleElement().extracting(SigningKey::secret).isEqualTo(secret);
        String sealed = store.database().read(h -> h.createQuery("SELECT secret FROM token_keys")
                .mapTo(String.class).one());
        assertThat(sealed).startsWith(TestCipher.PREFIX);
    }

    private static String flywayUrl(TestStore store, DatabaseConfig config) {
        return store.dialect() == Dialect.SQLITE
                ? "jdbc:sqlite:" + config.dataDir().resolve(DatabaseConfig.SQLITE_FILE_NAME) : config.url();
    }
}
