package headwater.domain.apikey;

import java.time.Instant;
import java.util.List;

/** The stored API keys (digests only). Failures are {@link headwater.domain.catalog.CatalogException}s. */
public interface ApiKeyRepository {

    /**
     * Stores a new key.
     *
     * @throws headwater.domain.catalog.DuplicateKeyException the name or the digest is taken
     */
    ApiKey create(String name, String digest);

    /**
     * Stores the key only if no key exists at all, atomically: of two first starts racing, one stores its key.
     *
     * @return whether it was stored
     */
    boolean createIfNone(String name, String digest);

    /** All keys by name. */
    List<ApiKey> list();

    /** Notes that the key authenticated a request at {@code at}; nothing happens if it no longer exists. */
    void recordUse(String name, Instant at);

    /** @return whether it existed */
    boolean delete(String name);
}
