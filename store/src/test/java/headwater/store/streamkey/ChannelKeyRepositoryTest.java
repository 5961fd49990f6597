package headwater.store.streamkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.protect.SealedValueException;
import headwater.domain.streamkey.ChannelKey;
import headwater.store.EachDatabase;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

class ChannelKeyRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    private static JdbiChannelKeyRepository keys(TestStore store) {
        return new JdbiChannelKeyRepository(store.database(), TestCipher.INSTANCE);
    }

    private static ChannelKey key(String channel, String id, int fill, Instant created, Instant retired) {
        byte[] secret = new byte[16];
        Arrays.fill(secret, (byte) fill);
        return new ChannelKey(channel, id, secret, created, retired);
    }

    @EachDatabase
    void stores_keys_per_channel_oldest_first_and_opens_them(TestStore store) {
        keys(store).create(key("news", "0b", 2, NOW.plusSeconds(600), null));
        keys(store).create(key("news", "0a", 1, NOW, NOW.plusSeconds(600)));
        keys(store).create(key("sport", "0c", 3, NOW, null));

        assertThat(keys(store).list("news")).containsExactly(key("news", "0a", 1, NOW, NOW.plusSeconds(600)),
                key("news", "0b", 2, NOW.plusSeconds(600), null));
        assertThat(keys(store).list("sport")).extracting(ChannelKey::id).containsExactly("0c");
        assertThat(keys(store).list("none")).isEmpty();
    }

    @EachDatabase
    void the_database_holds_the_key_only_sealed(TestStore store) {
        ChannelKey k = key("news", "0a", 0x5a, NOW, null);
        keys(store).create(k);
        String stored = store.database().read(handle -> handle.createQuery("SELECT secret FROM stream_key")
                .mapTo(String.class).one());
        assertThat(stored).startsWith(TestCipher.PREFIX)
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(k.secret()))
                .doesNotContain(new String(k.secret(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(k.toString()).doesNotContain("5a5a");
    }

    @EachDatabase
    void a_key_moved_to_another_column_or_altered_does_not_open(TestStore store) {
        keys(store).create(key("news", "0a", 1, NOW, null));
        store.database().write(handle -> handle.createUpdate(
                "UPDATE stream_key SET secret = substr(secret, 1, length(secret) - 2) || 'AA'").execute());
        assertThatThrownBy(() -> keys(store).list("news")).isInstanceOf(SealedValueException.class);
    }

    @EachDatabase
    void a_taken_id_is_refused(TestStore store) {
        keys(store).create(key("news", "0a", 1, NOW, null));
        assertThatThrownBy(() -> keys(store).create(key("sport", "0a", 2, NOW, null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @EachDatabase
    void retire_sets_the_time_once_and_purge_deletes_only_that_channels_keys_retired_before(TestStore store) {
        keys(store).create(key("news", "01", 1, NOW, null));
        keys(store).create(key("news", "02", 2, NOW, null));
        keys(store).create(key("sport", "03", 3, NOW, null));

        assertThat(keys(store).retire("news", "01", NOW)).isTrue();
        assertThat(keys(store).retire("news", "01", NOW.plusSeconds(60))).isFalse();
        assertThat(keys(store).retire("sport", "02", NOW)).as("another channel's key").isFalse();
        assertThat(keys(store).retire("sport", "03", NOW)).isTrue();

        assertThat(keys(store).purgeRetiredBefore("news", NOW)).isZero();
        assertThat(keys(store).purgeRetiredBefore("news", NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(keys(store).list("news")).extracting(ChannelKey::id).containsExactly("02");
        assertThat(keys(store).list("sport")).extracting(ChannelKey::id).containsExactly("03");
    }

    @EachDatabase
    void channel_ids_are_bound_not_spliced(TestStore store) {
        keys(store).create(key("news", "01", 1, NOW, null));
        assertThat(keys(store).list("news' OR '1'='1")).isEmpty();
        assertThat(keys(store).purgeRetiredBefore("x' OR '1'='1", NOW.plusSeconds(9999))).isZero();
        assertThat(keys(store).list("news")).hasSize(1);
        assertThat(List.of(keys(store).list("news").getFirst().secret()[0])).containsExactly((byte) 1);
    }
}
