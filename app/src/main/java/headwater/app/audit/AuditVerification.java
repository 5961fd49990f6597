package headwater.app.audit;

import headwater.domain.audit.AuditEntry;
import headwater.domain.audit.AuditLog;
import headwater.security.audit.AuditSigningKey;
import headwater.security.audit.ChainBreak;
import headwater.security.audit.ChainEntry;
import headwater.security.audit.ChainVerifier;
import headwater.security.audit.SignedHead;
import java.util.Optional;

/**
 * The result of checking the stored audit log: how many entries fit the chain from the first, and the first break if
 * any. With an exported head, the log must also still hold that head's entry with its hash; otherwise entries were
 * removed from the end (or rewritten since).
 *
 * @param entries    the entries that fit, from the first
 * @param lastHash   the hash of the last entry that fits
 * @param firstBreak the first break, or empty
 */
public record AuditVerification(long entries, String lastHash, Optional<ChainBreak> firstBreak) {

    /** Checks every stored entry in order. */
    public static AuditVerification of(AuditLog log) {
        ChainVerifier verifier = new ChainVerifier();
        log.forEach(entry -> verifier.accept(chainEntry(entry)));
        return new AuditVerification(verifier.checked(), verifier.lastHash(), verifier.firstBreak());
    }

    /**
     * Checks every stored entry, then the exported {@code head}: signed by {@code key}, and its entry still stored with
     * its hash.
     */
    public static AuditVerification of(AuditLog log, SignedHead head, AuditSigningKey key) {
        AuditVerification chain = of(log);
        if (chain.firstBreak.isPresent()) {
            return chain;
        }
        if (!head.signedBy(key)) {
            return chain.broken(new ChainBreak(head.seq(), "the exported head's signature does not verify under this"
                    + " server's audit signing key (altered, or from another server)"));
        }
        if (chain.entries < head.seq()) {
            return chain.broken(new ChainBreak(chain.entries + 1, "entries " + (chain.entries + 1) + " to "
                    + head.seq() + " of the exported head are missing: the log was truncated"));
        }
        Optional<AuditEntry> stored = log.entry(head.seq());
        if (stored.isEmpty() || !stored.get().hash().equals(head.hash())) {
            return chain.broken(new ChainBreak(head.seq(), "its hash differs from the exported head's: the log was "
                    + "rewritten from here"));
        }
        return chain;
    }

    private AuditVerification broken(ChainBreak chainBreak) {
        return new AuditVerification(entries, lastHash, Optional.of(chainBreak));
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    static ChainEntry chainEntry(AuditEntry entry) {
        return new ChainEntry(entry.seq(), SecurityChainHasher.fields(entry.event()), entry.previousHash(),
                entry.hash());
    }
}
