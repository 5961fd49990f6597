package headwater.delivery;

import java.util.Optional;

/**
 * The films and episodes delivery serves under {@code /s/{token}/movie/{id}.{ext}} and
 * {@code /s/{token}/episode/{id}.{ext}}. May block (a store lookup): the server calls it on a worker thread.
 */
@FunctionalInterface
public interface VodCatalog {

    /**
     * @param scope {@code movie/{id}} or {@code episode/{id}}
     * @return where the item's media is, or empty when there is no such (enabled) item
     */
    Optional<VodFile> file(String scope);

    /** No VOD at all. */
    VodCatalog NONE = scope -> Optional.empty();
}
