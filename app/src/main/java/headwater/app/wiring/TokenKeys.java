package headwater.app.wiring;

import headwater.domain.protect.FieldCipher;
import headwater.domain.session.KeyRotation;
import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeySet;
import headwater.domain.session.SigningKeys;
import headwater.security.token.TokenKey;
import headwater.security.token.TokenKeyRing;
import headwater.store.Database;
import headwater.store.session.JdbiSigningKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token key ring of a running server, kept in step with the stored keys: {@link #start} makes the first key
 * when none signs, loads the ring, and reloads it every {@link #REFRESH} on a daemon thread, so that a rotation by
 * the CLI, the API or another node on the same database reaches this server within seconds (and signs only after
 * {@link KeyRotation#DEFAULT_PROPAGATION}, when every node accepts it). Keys whose tokens have all expired are purged
 * on the way. {@link #get()} is what {@code PlaybackTokens} is given: a volatile read, no database call.
 *
 * <p>A failed reload (database unreachable) is logged and the ring in force is kept: tokens go on verifying.
 */
public final class TokenKeys implements Supplier<TokenKeyRing>, AutoCloseable {

    /** How often the stored keys are read again. */
    public static final Duration REFRESH = Duration.ofSeconds(5);
    /** The session lifetime for the CLI and for servers that are not told one ({@code sessions.lifetime}). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);

    private final SigningKeys keys;
    private final ScheduledExecutorService reloads;
    private volatile Loaded loaded;

    private TokenKeys(SigningKeys keys, ScheduledExecutorService reloads) {
        this.keys = keys;
        this.reloads = reloads;
    }

    /**
     * The signing keys of {@code database} under the rotation rules for sessions of {@code lifetime}, their secrets
     * sealed by {@code cipher}.
     */
    public static SigningKeys signingKeys(Database database, FieldCipher cipher, Duration lifetime, Clock clock) {
        return new SigningKeys(new JdbiSigningKeyRepository(database, cipher),
                new KeyRotation(lifetime, KeyRotation.DEFAULT_PROPAGATION), clock);
    }

    /** Makes the first key if needed, loads the ring and reloads it every {@link #REFRESH}. Blocking (database). */
    public static TokenKeys start(Database database, FieldCipher cipher, Duration lifetime, Clock clock) {
        return start(signingKeys(database, cipher, lifetime, clock), REFRESH);
    }

    /** As {@link #start(Database, FieldCipher, Duration, Clock)} over any {@link SigningKeys}, reloading every {@code refresh}. */
    public static TokenKeys start(SigningKeys keys, Duration refresh) {
        Objects.requireNonNull(keys, "keys");
        keys.ensureKey().ifPresent(made -> LOG.info("Made the first token signing key, id {}", made.id()));
        ScheduledExecutorService reloads = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("headwater-token-keys").daemon().factory());
        TokenKeys tokenKeys = new TokenKeys(keys, reloads);
        try {
            tokenKeys.reload();
        } catch (RuntimeException e) {
            reloads.shutdownNow();
            throw e;
        }
        long millis = refresh.toMillis();
        reloads.scheduleWithFixedDelay(tokenKeys::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return tokenKeys;
    }

    /** The ring in force. */
    @Override
    public TokenKeyRing get() {
        return loaded.ring;
    }

    /** The stored keys this server works with (for the admin API's list and rotation). */
    public SigningKeys signingKeys() {
        return keys;
    }

    /**
     * Reads the stored keys now and swaps the ring in if they changed (a new ring only then: each keeps per-thread
     * Macs). Purges keys whose tokens have all expired. Blocking.
     */
    public void reload() {
        SigningKeySet current = keys.current();
        Loaded previous = loaded;
        if (previous == null || !previous.set.equals(current)) {
            loaded = new Loaded(current, ring(current));
            if (previous != null) {
                LOG.info("Token keys reloaded: {}", loaded.ring);
            }
        }
        if (keys.list().size() > current.accepted().size()) {
            int purged = keys.purge();
            if (purged > 0) {
                LOG.info("Purged {} retired token key(s) whose tokens have all expired", purged);
            }
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the token keys; keeping {}: {}", loaded.ring, e.toString());
        }
    }

    private static TokenKeyRing ring(SigningKeySet set) {
        List<TokenKey> accepted = set.accepted().stream().map(TokenKeys::tokenKey).toList();
        return new TokenKeyRing(tokenKey(set.signing()), accepted);
    }

    private static TokenKey tokenKey(SigningKey key) {
        return new TokenKey(key.id(), key.secret());
    }

    @Override
    public void close() {
        reloads.shutdownNow();
    }

    /** The stored keys a ring was made of (compared to tell whether a reload changed anything). */
    private record Loaded(SigningKeySet set, TokenKeyRing ring) {
    }
}
