package headwater.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;

/**
 * A token is outside input read on the event loop: any text and scope either verify (then it is exactly the token
 * {@code sign} makes for what it names) or are refused with a reason, never an exception; and only text with the
 * grammar gets past MALFORMED.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code PlaybackTokensFuzzTestInputs/verify}. A
 * longer run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security -am test -Dtest=PlaybackTokensFuzzTest
 * -Djazzer.max_duration=10m}.
 */
class PlaybackTokensFuzzTest {

    private static final TokenKey ONE = new TokenKey("1",
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    private static final TokenKey OTHER = new TokenKey("a2", new byte[32]);
    private static final PlaybackTokens TOKENS = PlaybackTokens.of(new TokenKeyRing(ONE, List.of(OTHER)));

    @FuzzTest
    void verify(FuzzedDataProvider data) {
        long now = data.consumeLong();
        String scope = data.consumeString(64);
        String token = data.consumeRemainingAsString();

        TokenCheck check = TOKENS.verify(token, scope, now);

        String sessionId = PlaybackTokens.sessionIdOf(token);
        if (check == TokenCheck.Reason.MALFORMED.check()) {
            assertThat(sessionId).isNull();
            return;
        }
        assertThat(sessionId).isNotNull();
        assertThat(token.length()).isLessThanOrEqualTo(PlaybackTokens.MAX_LENGTH);
        assertThat(token).matches("[0-9a-f]{32}-(0|[1-9a-f][0-9a-f]{0,14})-[0-9a-f]{1,8}-[0-9a-f]{32}");
        if (check instanceof TokenCheck.Valid valid) {
            assertThat(valid.sessionId()).isEqualTo(sessionId);
            assertThat(valid.expiresEpochSecond()).isGreaterThan(now);
            TokenKey key = valid.keyId().equals(ONE.id()) ? ONE : OTHER;
            assertThat(PlaybackTokens.of(TokenKeyRing.of(key)).sign(sessionId, valid.expiresEpochSecond(), scope))
                    .isEqualTo(token);
        }
    }
}
