package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import headwater.app.protect.DataDirCipher;
import headwater.domain.session.KeyRotation;
import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeys;
import headwater.security.token.PlaybackTokens;
import headwater.security.token.TokenKey;
import headwater.security.token.TokenKeyRing;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's token key ring follows the stored keys: first key, rotation by another process, purge, failures. */
class TokenKeysTest {

    private static final Instant T = Instant.parse("2026-11-21T06:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final String SID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T);

    private Database open() {
        return Database.open(DatabaseConfig.sqlite(dir));
    }

    @Test
    void first_start_makes_a_key_and_a_second_start_uses_it() {
        try (Database database = open();
                TokenKeys first = TokenKeys.start(TokenKeys.signingKeys(database, DataDirCipher.of(dir, database), LIFETIME, clock), Duration.ofHours(1));
                TokenKeys second = TokenKeys.start(TokenKeys.signingKeys(database, DataDirCipher.of(dir, database), LIFETIME, clock),
                        Duration.ofHours(1))) {
            assertThat(first.get().signing().id()).isEqualTo("1");
            assertThat(second.get().signing()).isEqualTo(first.get().signing());
            assertThat(first.signingKeys().list()).hasSize(1);
            String token = PlaybackTokens.of(first.get()).sign(SID, T.getEpochSecond() + 60, "live/news");
            assertThat(new PlaybackTokens(second).verify(token, "live/news", T.getEpochSecond()).valid()).isTrue();
        }
    }

    @Test
    void a_rotation_by_another_process_reaches_the_running_server_and_hands_over_after_the_propagation() {
        try (Database server = open(); Database cli = open();
                TokenKeys keys = TokenKeys.start(TokenKeys.signingKeys(server, DataDirCipher.of(dir, server), LIFETIME, clock), Duration.ofMillis(50))) {
            PlaybackTokens tokens = new PlaybackTokens(keys);
            String before = tokens.sign(SID, T.getEpochSecond() + 3600, "live/news");
            TokenKeyRing first = keys.get();

            SigningKey made = TokenKeys.signingKeys(cli, DataDirCipher.of(dir, cli), LIFETIME, clock).rotate();

            await().atMost(Duration.ofSeconds(30)).until(() -> keys.get().accepted().size() == 2);
            assertThat(keys.get().signing().id()).isEqualTo("1");
            assertThat(keys.get().accepted()).extracting(TokenKey::id).containsExactly("1", "2");
            assertThat(made.id()).isEqualTo("2");

            clock.set(T.plus(KeyRotation.DEFAULT_PROPAGATION));
            await().atMost(Duration.ofSeconds(30)).until(() -> keys.get().signing().id().equals("2"));
            String after = tokens.sign(SID, T.getEpochSecond() + 3600, "live/news");
            assertThat(after).contains("-2-");
            assertThat(tokens.verify(before, "live/news", T.getEpochSecond()).valid()).isTrue();
            assertThat(tokens.verify(after, "live/news", T.getEpochSecond()).valid()).isTrue();
            assertThat(PlaybackTokens.of(first).verify(after, "live/news", T.getEpochSecond()).valid()).isFalse();

            clock.set(T.plus(KeyRotation.DEFAULT_PROPAGATION).plus(LIFETIME).plusMillis(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> keys.get().accepted().size() == 1);
            assertThat(tokens.verify(before, "live/news", T.getEpochSecond()).valid()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(() -> keys.signingKeys().list().size() == 1);
        }
    }

    @Test
    void an_unchanged_reload_keeps_the_same_ring_and_a_failed_one_keeps_the_ring_in_force() {
        Database database = open();
        SigningKeys signing = TokenKeys.signingKeys(database, DataDirCipher.of(dir, database), LIFETIME, clock);
        try (TokenKeys keys = TokenKeys.start(signing, Duration.ofHours(1))) {
            TokenKeyRing ring = keys.get();
            keys.reload();
            assertThat(keys.get()).isSameAs(ring);

            database.close();
            assertThatThrownBy(keys::reload).isInstanceOf(RuntimeException.class);
            assertThat(keys.get()).isSameAs(ring);
        }
    }
}
