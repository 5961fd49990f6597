package headwater.domain.xtream;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.UnknownReferenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored {@link PlaylistToken}s. Failures are {@link CatalogException}s. Deleting a subscriber deletes their
 * tokens; deleting a device deletes the tokens made for it.
 */
public interface PlaylistTokenRepository {

    /**
     * Stores a new token.
     *
     * @throws DuplicateKeyException     the id or the digest is taken (the message never shows the digest)
     * @throws UnknownReferenceException the subscriber or the device does not exist
     */
    PlaylistToken create(PlaylistToken token);

    Optional<PlaylistToken> find(String id);

    /** The token whose secret digests to {@code digest}, revoked or not. */
    Optional<PlaylistToken> findByDigest(String digest);

    /** The subscriber's tokens, revoked ones too, oldest first. */
    List<PlaylistToken> ofSubscriber(String subscriberId);

    /**
     * Revokes the subscriber's token {@code id} at {@code at}; revoking a revoked token keeps its first revocation time.
     *
     * @return the token as stored afterwards, or empty when the subscriber has no token of that id
     */
    Optional<PlaylistToken> revoke(String subscriberId, String id, Instant at);

    /** Records that the token let someone in at {@code at} (never moves the time backwards). */
    void recordUse(String id, Instant at);
}
