package headwater.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.security.token.TokenCheck.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlaybackTokensTest {

    /** The key of the golden vectors (also in docs/05-playback-tokens.md): bytes 0x00 to 0x1f. */
    static final TokenKey GOLDEN_KEY = new TokenKey("1",
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    static final String SID = "0123456789abcdef0123456789abcdef";
    static final long EXP = 1_893_456_000L; // 2030-01-01T00:00:00Z, 70dbd880
    static final long NOW = 1_800_000_000L;
    static final String NEWS = "0123456789abcdef0123456789abcdef-70dbd880-1-d728832446fb788ec6c23c523338a3f2";

    private final PlaybackTokens tokens = PlaybackTokens.of(TokenKeyRing.of(GOLDEN_KEY));

    @Test
    void golden_vectors_match_an_independent_hmac() {
        // Computed with Python's hmac module and `openssl dgst -sha256 -mac HMAC` (first 32 hex digits).
        assertThat(tokens.sign(SID, EXP, "live/news")).isEqualTo(NEWS);
        assertThat(tokens.sign(SID, EXP, "live/ch1"))
                .isEqualTo("0123456789abcdef0123456789abcdef-70dbd880-1-c5d19d4974c0cb2191cb54a782709fb4");
        assertThat(tokens.sign(SID, EXP, "live/ch10"))
                .isEqualTo("0123456789abcdef0123456789abcdef-70dbd880-1-d2f661c57df9c9605fb9a4a32163628f");
        TokenKey other = new TokenKey("2a", GOLDEN_KEY.secret());
        assertThat(PlaybackTokens.of(TokenKeyRing.of(other)).sign(SID, 1_700_000_000L, "live/news"))
                .isEqualTo("0123456789abcdef0123456789abcdef-6553f100-2a-2047a3b4cc0690d924224174ac90290f");
    }

    @Test
    void a_signed_token_verifies_for_its_scope_until_it_expires() {
        String token = tokens.sign(SID, EXP, "live/news");

        assertThat(tokens.verify(token, "live/news", NOW)).isEqualTo(new TokenCheck.Valid(SID, EXP, "1"));
        assertThat(tokens.verify(token, "live/news", EXP - 1).valid()).isTrue();
        assertThat(tokens.verify(token, "live/news", EXP)).isEqualTo(Reason.EXPIRED.check());
        assertThat(tokens.verify(new StringBuilder(token), new StringBuilder("live/news"), NOW).valid()).isTrue();
    }

    static Stream<Arguments> bad_tokens() {
        String macOf = NEWS.substring(NEWS.length() - 32);
        String otherSid = "f" + NEWS.substring(1);
        char last = NEWS.charAt(NEWS.length() - 1);
        return Stream.of(
                Arguments.of("empty", "", Reason.MALFORMED),
                Arguments.of("10 KB", "a".repeat(10_240), Reason.MALFORMED),
                Arguments.of("over 128 characters", NEWS + "-" + "0".repeat(128 - NEWS.length()), Reason.MALFORMED),
                Arguments.of("truncated by one", NEWS.substring(0, NEWS.length() - 1), Reason.MALFORMED),
                Arguments.of("truncated to the session id", SID, Reason.MALFORMED),
                Arguments.of("no mac", NEWS.substring(0, NEWS.length() - 33), Reason.MALFORMED),
                Arguments.of("upper-case mac", NEWS.substring(0, NEWS.length() - 32) + macOf.toUpperCase(),
                        Reason.MALFORMED),
                Arguments.of("upper-case session id", NEWS.substring(0, 12).toUpperCase() + NEWS.substring(12),
                        Reason.MALFORMED),
                Arguments.of("non-hex", NEWS.replace("d728", "g728"), Reason.MALFORMED),
                Arguments.of("leading zero in expiry", NEWS.replace("-70dbd880-", "-070dbd880-"), Reason.MALFORMED),
                Arguments.of("empty expiry", NEWS.replace("-70dbd880-", "--"), Reason.MALFORMED),
                Arguments.of("expiry of 16 digits", NEWS.replace("-70dbd880-", "-7000000070dbd880-"), Reason.MALFORMED),
                Arguments.of("empty key id", NEWS.replace("-1-", "--"), Reason.MALFORMED),
                Arguments.of("key id of 9 digits", NEWS.replace("-1-", "-123456789-"), Reason.MALFORMED),
                Arguments.of("a space", NEWS.replace("-1-", "- 1-"), Reason.MALFORMED),
                Arguments.of("a fifth field", NEWS.replace("-1-", "-1-2-"), Reason.MALFORMED),
                Arguments.of("unknown key", NEWS.replace("-1-", "-2-"), Reason.UNKNOWN_KEY),
                Arguments.of("tampered mac", NEWS.substring(0, NEWS.length() - 1) + (last == '0' ? '1' : '0'),
                        Reason.BAD_SIGNATURE),
                Arguments.of("tampered expiry", NEWS.replace("-70dbd880-", "-70dbd881-"), Reason.BAD_SIGNATURE),
                Arguments.of("another session id", otherSid, Reason.BAD_SIGNATURE),
                Arguments.of("another scope's token",
                        "0123456789abcdef0123456789abcdef-70dbd880-1-c5d19d4974c0cb2191cb54a782709fb4",
                        Reason.BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_tokens(String what, String token, Reason reason) {
        assertThat(tokens.verify(token, "live/news", NOW)).isEqualTo(reason.check());
        if (reason == Reason.MALFORMED) {
            assertThat(PlaybackTokens.sessionIdOf(token)).isNull();
        }
    }

    @Test
    void a_scope_that_is_a_prefix_of_another_is_another_scope() {
        String ch1 = tokens.sign(SID, EXP, "live/ch1");
        String ch10 = tokens.sign(SID, EXP, "live/ch10");

        assertThat(tokens.verify(ch1, "live/ch1", NOW).valid()).isTrue();
        assertThat(tokens.verify(ch1, "live/ch10", NOW)).isEqualTo(Reason.BAD_SIGNATURE.check());
        assertThat(tokens.verify(ch10, "live/ch1", NOW)).isEqualTo(Reason.BAD_SIGNATURE.check());
        assertThat(tokens.verify(ch1, "live/ch", NOW)).isEqualTo(Reason.BAD_SIGNATURE.check());
        assertThat(tokens.verify(ch1, "", NOW)).isEqualTo(Reason.BAD_SIGNATURE.check());
        assertThat(tokens.verify(ch1, null, NOW)).isEqualTo(Reason.MALFORMED.check());
    }

    @Test
    void long_and_non_ascii_scopes_are_hashed_as_utf_8() {
        String scope = "vod/" + "x".repeat(300) + "/é/" + "y".repeat(200);
        String token = tokens.sign(SID, EXP, scope);

        assertThat(tokens.verify(token, scope, NOW).valid()).isTrue();
        assertThat(tokens.verify(token, scope.replace('é', 'e'), NOW).valid()).isFalse();
        // The same MAC as the JDK's own HMAC over the UTF-8 bytes (the chunked feed cuts nothing).
        assertThat(token.substring(token.length() - 32)).isEqualTo(Hmac.hex(GOLDEN_KEY.secret(),
                token.substring(0, token.length() - 33) + "|" + scope).substring(0, 32));
    }

    @Test
    void a_rotated_ring_signs_with_the_new_key_and_still_accepts_the_old() {
        TokenKey second = new TokenKey("2", new byte[32]);
        AtomicReference<TokenKeyRing> ring = new AtomicReference<>(TokenKeyRing.of(GOLDEN_KEY));
        PlaybackTokens rotating = new PlaybackTokens(ring::get);
        String old = rotating.sign(SID, EXP, "live/news");

        ring.set(new TokenKeyRing(second, List.of(GOLDEN_KEY)));
        String fresh = rotating.sign(SID, EXP, "live/news");

        assertThat(fresh).contains("-2-");
        assertThat(rotating.verify(old, "live/news", NOW)).isEqualTo(new TokenCheck.Valid(SID, EXP, "1"));
        assertThat(rotating.verify(fresh, "live/news", NOW)).isEqualTo(new TokenCheck.Valid(SID, EXP, "2"));

        ring.set(TokenKeyRing.of(second));
        assertThat(rotating.verify(old, "live/news", NOW)).isEqualTo(Reason.UNKNOWN_KEY.check());
    }

    @Test
    void session_id_of_a_well_formed_token_and_constant_time_sameness() {
        assertThat(PlaybackTokens.sessionIdOf(NEWS)).isEqualTo(SID);
        assertThat(PlaybackTokens.sessionIdOf(null)).isNull();
        assertThat(PlaybackTokens.sameToken(NEWS, new StringBuilder(NEWS))).isTrue();
        assertThat(PlaybackTokens.sameToken(NEWS, NEWS.replace('d', 'e'))).isFalse();
        assertThat(PlaybackTokens.sameToken(NEWS, NEWS + "0")).isFalse();
        assertThat(PlaybackTokens.sameToken(null, NEWS)).isFalse();
    }

    @Test
    void sign_refuses_what_a_token_cannot_carry() {
        assertThatThrownBy(() -> tokens.sign("abc", EXP, "live/news")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.sign(SID.toUpperCase(), EXP, "live/news"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.sign(SID, -1, "live/news")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.sign(SID, 1L << 60, "live/news")).isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.sign(SID, 0, "live/news")).contains("-0-1-");
        assertThat(tokens.verify(tokens.sign(SID, 0, "live/news"), "live/news", 0)).isEqualTo(Reason.EXPIRED.check());
    }

    @Test
    void keys_are_checked_and_their_secrets_never_shown() {
        assertThat(GOLDEN_KEY.toString()).doesNotContain("000102").contains("1", "32 bytes");
        assertThatThrownBy(() -> new TokenKey("A1", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenKey("123456789", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenKey("1", new byte[15])).isInstanceOf(IllegalArgumentException.class);
        byte[] secret = new byte[32];
        TokenKey key = new TokenKey("3", secret);
        secret[0] = 1;
        key.secret()[1] = 1;
        assertThat(key).isEqualTo(new TokenKey("3", new byte[32]));
        assertThatThrownBy(() -> new TokenKeyRing(GOLDEN_KEY, List.of(new TokenKey("1", new byte[32]))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 1");
        assertThat(new TokenKeyRing(key, List.of(GOLDEN_KEY, key)).accepted()).containsExactly(key, GOLDEN_KEY);
    }

    @Test
    void threads_each_get_their_own_mac() throws Exception {
        Thread[] threads = new Thread[4];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String scope = "live/ch" + i;
                    if (!tokens.verify(tokens.sign(SID, EXP, scope), scope, NOW).valid()
                            || tokens.verify(NEWS, "live/news", NOW) instanceof TokenCheck.Invalid) {
                        failure.compareAndSet(null, new AssertionError("failed at " + i));
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
    }
}
