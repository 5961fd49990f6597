package headwater.domain.audit;

/**
 * Computes an entry's hash from the previous entry's hash and the entry (SHA-256 over a canonical encoding, in
 * {@code security.audit}; the application wires it). The same inputs always give the same hash.
 */
@FunctionalInterface
public interface ChainHasher {

    /** @return the hash of entry {@code seq} holding {@code event}, chained to {@code previousHash}, in hex */
    String hash(String previousHash, long seq, AuditEvent event);
}
