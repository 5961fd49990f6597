package headwater.app.audit;

import headwater.domain.audit.AuditLog;
import headwater.security.audit.AuditSigningKey;
import headwater.security.audit.HashChain;
import headwater.security.audit.SignedHead;
import java.nio.file.Path;
import java.time.Clock;

/** The server's audit signing key ({@code <dataDir>/audit-signing.key}, made 0600 at first use) and head export. */
public final class AuditSigning {

    public static final String KEY_FILE = "audit-signing.key";

    private AuditSigning() {
    }

    /** The key of the server on {@code dataDir}. */
    public static AuditSigningKey key(Path dataDir) {
        return AuditSigningKey.readOrCreate(dataDir.resolve(KEY_FILE));
    }

    /** The log's current head (entry 0 with the genesis hash when empty), signed now. */
    public static SignedHead head(AuditLog log, AuditSigningKey key, Clock clock) {
        return log.head().map(entry -> SignedHead.sign(entry.seq(), entry.hash(), clock.instant(), key))
                .orElseGet(() -> SignedHead.sign(0, HashChain.GENESIS, clock.instant(), key));
    }
}
