package headwater.app.wiring;

import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeySet;
import headwater.domain.session.SigningKeys;
import headwater.security.token.TokenKey;
import headwater.security.token.TokenKeyRing;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token keys this node signs and verifies with, read from the store: {@link #load} makes the first key when none
 * is stored (first start), {@link #refresh} (scheduled by the server) picks up a rotation made on any node and forgets
 * keys purged after their retirement. A volatile ring: readers on the hot path never lock.
 */
public final class PlaybackKeys implements Supplier<TokenKeyRing> {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackKeys.class);

    private final SigningKeys keys;
    private volatile TokenKeyRing ring;

    private PlaybackKeys(SigningKeys keys) {
        this.keys = keys;
    }

    /** Makes the first key when the store has none, and reads the ring. Blocking. */
    public static PlaybackKeys load(SigningKeys keys) {
        keys.ensureKey().ifPresent(made -> LOG.info("made the first token signing key ({})", made.id()));
        PlaybackKeys loaded = new PlaybackKeys(keys);
        loaded.ring = ring(keys.current());
        return loaded;
    }

    @Override
    public TokenKeyRing get() {
        return ring;
    }

    /** Reads the stored keys again, and purges those retired longer ago than a session lives. Blocking. */
    public void refresh() {
        try {
            int purged = keys.purge();
            if (purged > 0) {
                LOG.info("purged {} retired token keys", purged);
            }
            TokenKeyRing next = ring(keys.current());
            if (!next.signing().id().equals(ring.signing().id())) {
                LOG.info("now signing playback tokens with key {}", next.signing().id());
            }
            ring = next;
        } catch (RuntimeException e) {
            LOG.warn("token keys could not be read again (the previous ones stay in use): {}", e.getMessage());
        }
    }

    private static TokenKeyRing ring(SigningKeySet set) {
        List<TokenKey> accepted = set.accepted().stream().map(PlaybackKeys::tokenKey).toList();
        return new TokenKeyRing(tokenKey(set.signing()), accepted);
    }

    private static TokenKey tokenKey(SigningKey key) {
        return new TokenKey(key.id(), key.secret());
    }
}
