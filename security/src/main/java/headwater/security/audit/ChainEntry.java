package headwater.security.audit;

import java.util.List;
import java.util.Objects;

/**
 * A stored entry as the chain sees it.
 *
 * @param seq          its number
 * @param fields       its fields, in the canonical order
 * @param previousHash the previous hash it stores
 * @param hash         the hash it stores
 */
public record ChainEntry(long seq, List<String> fields, String previousHash, String hash) {

    public ChainEntry {
        fields = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fields));
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
