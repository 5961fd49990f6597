package headwater.domain.audit;

import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An event as the audit log holds it: its place in the chain and the chain's hashes.
 *
 * @param seq          1 for the first entry, then consecutive
 * @param event        what happened (as stored: times in milliseconds, control characters escaped)
 * @param previousHash the hash of entry {@code seq - 1} in hex; {@link #GENESIS} for the first
 * @param hash         SHA-256 over the previous hash and this entry's canonical encoding, in hex
 */
public record AuditEntry(long seq, AuditEvent event, String previousHash, String hash) {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("audit entries are numbered from 1, got " + seq);
        }
    }

    /**
     * {@code event} as the log stores and hashes it: its time in whole milliseconds, CR/LF and other control
     * characters escaped ({@link LogText}; in {@code before} and {@code after}, which are JSON, backslashes are left as
     * they are), so no stored value can forge a line of the audit text or of a log.
     */
    public static AuditEvent storedForm(AuditEvent event) {
        return new AuditEvent(event.at().truncatedTo(ChronoUnit.MILLIS), LogText.escape(event.actorKind()),
                LogText.escape(event.actor()), LogText.escape(event.address()), LogText.escape(event.action()),
                LogText.escape(event.targetType()), LogText.escape(event.targetId()),
                LogText.escapeControls(event.before()), LogText.escapeControls(event.after()),
                LogText.escape(event.outcome()));
    }
}
