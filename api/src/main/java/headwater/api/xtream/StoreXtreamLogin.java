package headwater.api.xtream;

import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.xtream.PlaylistToken;
import headwater.domain.xtream.PlaylistTokenRepository;
import headwater.security.secret.BearerSecret;
import headwater.security.secret.SecretDigest;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link XtreamLogin} over the stored subscribers and playlist tokens.
 *
 * <p>A password is checked with the domain's {@link PasswordHasher} (Argon2id); an unknown username is checked against
 * a hash of a random password, so that it takes as long as a wrong password and names nothing. A verified pair is
 * remembered for {@link LoginLimits#cacheTtl()} ({@link LoginCache}: a keyed hash, never the password), but the
 * subscriber is read on every call, so a new password, a ban or an expiry applies at once.
 *
 * <p>Failures are counted per client address (passwords and tokens) and per username ({@link FailureCounter}); past
 * the limits every attempt is refused as {@link Result.Throttled} before any check, a right password included, so
 * that throttling cannot be used to test guesses. A success clears the username's count, never the address's.
 *
 * <p>A token is looked up by its SHA-256 digest and compared in constant time; a revoked token is refused. Its
 * last use is recorded at most once a minute. Refusals are logged with their reason and the client address; a
 * password or a token never is.
 */
public final class StoreXtreamLogin implements XtreamLogin {

    private static final Logger LOG = LoggerFactory.getLogger(StoreXtreamLogin.class);
    /** A token's last-used time is written at most this often. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** Longer credentials than this are refused unread (no Argon2id over megabytes). */
    static final int MAX_CREDENTIAL_LENGTH = 256;
    /** Keys kept by each failure counter before stale ones are dropped. */
    private static final int MAX_COUNTED_KEYS = 100_000;

    private final SubscriberRepository subscribers;
    private final PlanRepository plans;
    private final PlaylistTokenRepository tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final LoginCache cache;
    private final FailureCounter byAddress;
    private final FailureCounter byAccount;
    private volatile PasswordHash decoy;

    public StoreXtreamLogin(SubscriberRepository subscribers, PlanRepository plans, PlaylistTokenRepository tokens,
                            PasswordHasher hasher, LoginLimits limits, Clock clock) {
        this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
        this.cache = new LoginCache(limits.cacheTtl(), limits.maxCachedLogins(), clock);
        this.byAddress = new FailureCounter(limits.failuresPerAddress(), limits.failureWindow(), MAX_COUNTED_KEYS,
                clock);
        this.byAccount = new FailureCounter(limits.failuresPerAccount(), limits.failureWindow(), MAX_COUNTED_KEYS,
                clock);
    }

    @Override
    public Result password(String username, String password, InetAddress client) {
        String address = client.getHostAddress();
        String account = username == null ? "" : username.toLowerCase(Locale.ROOT);
        Duration refused = longer(byAddress.refusedFor(address), byAccount.refusedFor(account));
        if (refused != null) {
            LOG.info("xtream login throttled for user {} from {}: too many failures, {}s left", printable(username),
                    address, refused.toSeconds());
            return new Result.Throttled(refused);
        }
        if (username == null || password == null || username.isEmpty() || password.isEmpty()
                || username.length() > MAX_CREDENTIAL_LENGTH || password.length() > MAX_CREDENTIAL_LENGTH) {
            byAddress.fail(address);
            LOG.info("xtream login refused from {}: username or password missing or too long", address);
            return new Result.Invalid();
        }
        Optional<Subscriber> found = subscribers.findByUsername(username);
        if (found.isPresent() && cache.hit(username, password, found.get().id(), found.get().version(),
                found.get().passwordHash().phc())) {
            return authenticated(found.get(), null);
        }
        char[] characters = password.toCharArray();
        boolean verified;
        try {
            verified = hasher.verify(characters, found.map(Subscriber::passwordHash).orElseGet(this::decoy))
                    && found.isPresent();
        } finally {
            Arrays.fill(characters, '\0');
        }
        if (!verified) {
            byAddress.fail(address);
            if (found.isPresent()) {
                byAccount.fail(account);
            }
            LOG.info("xtream login refused for user {} from {}: {}", printable(username), address,
                    found.isPresent() ? "wrong password" : "unknown username");
            return new Result.Invalid();
        }
        Subscriber subscriber = found.get();
        byAccount.clear(account);
        cache.remember(username, password, subscriber.id(), subscriber.version(), subscriber.passwordHash().phc());
        return authenticated(subscriber, null);
    }

    @Override
    public Result token(String token, InetAddress client) {
        String address = client.getHostAddress();
        Duration refused = byAddress.refusedFor(address);
        if (refused != null) {
            LOG.info("xtream token login throttled from {}: too many failures, {}s left", address, refused.toSeconds());
            return new Result.Throttled(refused);
        }
        if (!BearerSecret.hasShape(PlaylistTokens.PREFIX, token)) {
            byAddress.fail(address);
            LOG.info("xtream token login refused from {}: not the shape of a playlist token", address);
            return new Result.Invalid();
        }
        SecretDigest presented = SecretDigest.of(token);
        Optional<PlaylistToken> stored = tokens.findByDigest(presented.hex())
                .filter(t -> SecretDigest.fromHex(t.digest()).equals(presented));
        Optional<Subscriber> subscriber = stored.filter(PlaylistToken::active)
                .flatMap(t -> subscribers.find(t.subscriberId()));
        if (subscriber.isEmpty()) {
            byAddress.fail(address);
            LOG.info("xtream token login refused from {}: {}", address, stored.isEmpty() ? "unknown token"
                    : "token " + stored.get().id() + (stored.get().active() ? " of a deleted subscriber" : " revoked"));
            return new Result.Invalid();
        }
        PlaylistToken used = stored.get();
        Instant now = clock.instant();
        if (used.lastUsed() == null || used.lastUsed().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            tokens.recordUse(used.id(), now);
        }
        return authenticated(subscriber.get(), used.id());
    }

    private Result authenticated(Subscriber subscriber, String tokenId) {
        Plan plan = subscriber.planId() == null ? null : plans.find(subscriber.planId()).orElse(null);
        return new Result.Authenticated(subscriber, plan, status(subscriber, clock.instant()), tokenId);
    }

    /** The account's state as the apps name it; an active account past its expiry is expired. */
    static AccountStatus status(Subscriber subscriber, Instant now) {
        return switch (subscriber.status()) {
            case BANNED -> AccountStatus.BANNED;
            case DISABLED -> AccountStatus.DISABLED;
            case EXPIRED -> AccountStatus.EXPIRED;
            case ACTIVE -> subscriber.expiry() != null && !now.isBefore(subscriber.expiry())
                    ? AccountStatus.EXPIRED : AccountStatus.ACTIVE;
        };
    }

    /** A hash of a random password, made once: what an unknown username is checked against. */
    private PasswordHash decoy() {
        PasswordHash made = decoy;
        if (made == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
            made = hasher.hash(password);
            Arrays.fill(password, '\0');
            decoy = made;
        }
        return made;
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** A username for a log line: at most 64 characters, control characters as '?'. */
    private static String printable(String username) {
        if (username == null) {
            return "(none)";
        }
        String shortened = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
