package headwater.api.xtream;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Who is asking: the username and password of the Xtream protocol, or a per-device playlist token in their place.
 * Blocking (the store, Argon2id): call on a worker. Implementations cache a successful check briefly (never the
 * password itself), count failures per client address and per account and refuse further attempts for a while
 * ({@link Result.Throttled}), and never log a password or a token.
 */
public interface XtreamLogin {

    /** Checks a username and password as sent in a URL. */
    Result password(String username, String password, InetAddress client);

    /** Checks a playlist token (in place of username and password). */
    Result token(String token, InetAddress client);

    /** The outcome. */
    sealed interface Result {

        /**
         * The credentials are right. The account may still be unable to watch: {@link #status()} says so.
         *
         * @param plan the subscriber's plan, or null when they have none
         * @param playlistTokenId the id of the playlist token used, or null for a password login
         */
        record Authenticated(Subscriber subscriber, Plan plan, AccountStatus status, String playlistTokenId)
                implements Result {
            public Authenticated {
                Objects.requireNonNull(subscriber, "subscriber");
                Objects.requireNonNull(status, "status");
            }
        }

        /** Unknown username, wrong password, unknown or revoked token. */
        record Invalid() implements Result {
        }

        /** Too many failures from this address or for this account: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Result {
            public Throttled {
                Objects.requireNonNull(retryAfter, "retryAfter");
            }
        }
    }

    /** {@code user_info.status} as the apps know it. */
    enum AccountStatus {
        ACTIVE("Active"), BANNED("Banned"), DISABLED("Disabled"), EXPIRED("Expired");

        private final String wire;

        AccountStatus(String wire) {
            this.wire = wire;
        }

        /** The string sent in {@code user_info.status}. */
        public String wire() {
            return wire;
        }
    }
}
