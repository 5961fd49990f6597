package headwater.security.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks a chain entry by entry, in order, remembering the first break: a number out of sequence (an entry removed
 * or inserted), a previous hash that is not the previous entry's hash, or a hash that does not match the entry's
 * content (an entry altered). Not thread-safe: one verification at a time.
 */
public final class ChainVerifier {

    private long expectedSeq = 1;
    private String previousHash = HashChain.GENESIS;
    private long checked;
    private ChainBreak firstBreak;

    /** Checks the next entry; after a break the rest is ignored. */
    public void accept(ChainEntry entry) {
        if (firstBreak != null) {
            return;
        }
        if (entry.seq() != expectedSeq) {
            firstBreak = new ChainBreak(expectedSeq, entry.seq() > expectedSeq
                    ? "entries " + expectedSeq + " to " + (entry.seq() - 1) + " are missing"
                    : "entry " + entry.seq() + " is out of sequence");
            return;
        }
        if (!same(entry.previousHash(), previousHash)) {
            firstBreak = new ChainBreak(entry.seq(), "its previous hash is not the hash of entry " + (entry.seq() - 1));
            return;
        }
        if (!HashChain.isHash(entry.hash())
                || !same(HashChain.link(previousHash, entry.seq(), entry.fields()), entry.hash())) {
            firstBreak = new ChainBreak(entry.seq(), "its hash does not match its content (altered)");
            return;
        }
        previousHash = entry.hash();
        expectedSeq++;
        checked++;
    }

    /** The first break, or empty when every entry so far fits. */
    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    /** Entries that fit, from the first. */
    public long checked() {
        return checked;
    }

    /** The hash of the last entry that fits ({@link HashChain#GENESIS} when none). */
    public String lastHash() {
        return previousHash;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
