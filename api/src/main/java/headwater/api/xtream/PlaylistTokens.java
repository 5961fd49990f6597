package headwater.api.xtream;

import headwater.domain.xtream.PlaylistToken;
import headwater.domain.xtream.PlaylistTokenRepository;
import headwater.security.secret.BearerSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes playlist tokens: {@value #PREFIX} + 256 random bits ({@link BearerSecret}, 49 URL-safe characters, fit for a
 * path segment such as {@code /live/{token}/1.ts}), stored as their SHA-256 digest only. The secret is returned once,
 * to be shown to the operator, and never again.
 */
public final class PlaylistTokens {

    /** What every playlist token starts with, so that a leaked one is recognisable. */
    public static final String PREFIX = "hw_pl_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlaylistTokenRepository tokens;
    private final Clock clock;

    public PlaylistTokens(PlaylistTokenRepository tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes and stores a token for the subscriber. Blocking (a database write).
     *
     * @param deviceId the subscriber's device it is for, or null
     * @param label    what the operator calls it, or null
     * @throws headwater.domain.catalog.UnknownReferenceException the subscriber or the device does not exist
     */
    public Issued issue(String subscriberId, String deviceId, String label) {
        BearerSecret secret = BearerSecret.generate(PREFIX);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        PlaylistToken token = tokens.create(PlaylistToken.fresh("pt-" + HexFormat.of().formatHex(id), subscriberId,
                secret.digest().hex(), deviceId, label, Instant.ofEpochMilli(clock.millis())));
        return new Issued(token, secret.reveal());
    }

    public PlaylistTokenRepository repository() {
        return tokens;
    }

    /**
     * A token just made.
     *
     * @param secret the token itself: show it once, never log it
     */
    public record Issued(PlaylistToken token, String secret) {

        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Issued[" + token + ", secret=" + PREFIX + "…]";
        }
    }
}
