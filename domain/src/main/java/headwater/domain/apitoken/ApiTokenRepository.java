package headwater.domain.apitoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored API tokens (digests only). Failures are {@link headwater.domain.catalog.CatalogException}s. */
public interface ApiTokenRepository {

    /**
     * Stores a new token.
     *
     * @throws headwater.domain.catalog.DuplicateKeyException the name or the digest is taken
     */
    ApiToken create(ApiToken token);

    /** The token whose digest is {@code digest} (revoked and expired ones too), or empty. */
    Optional<ApiToken> findByDigest(String digest);

    /** The token named {@code name}, or empty. */
    Optional<ApiToken> find(String name);

    /** All tokens, revoked ones too, by name. */
    List<ApiToken> list();

    /** Notes that the token authenticated a request at {@code at}; nothing happens if it does not exist. */
    void recordUse(String name, Instant at);

    /**
     * Revokes the token: from now on it authenticates nothing; the row stays.
     *
     * @return the token as revoked, or empty when there is none of that name or it was revoked already
     */
    Optional<ApiToken> revoke(String name, Instant at);

    /**
     * Removes the token's row. Only for a tool's own short-lived token that it made for one call and removes after
     * (the {@code session} command's); tokens that people or scripts hold are revoked, which keeps the row.
     *
     * @return whether it existed
     */
    boolean delete(String name);
}
