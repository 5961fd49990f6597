package headwater.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit hash chain: {@code hash(n) = SHA-256(hash(n-1) || canonical(n, fields))}, hashes in lower-case hex, the
 * first entry chained to {@link #GENESIS}. The canonical encoding is {@value #VERSION}, then the entry number, then
 * each field as {@code <UTF-8 length>:<bytes>} ({@code -:} for null), each followed by a newline: no two different
 * entries encode alike, whatever their fields contain.
 */
public final class HashChain {

    /** The previous hash of entry 1. */
    public static final String GENESIS = "0".repeat(64);
    public static final String VERSION = "hw-audit-1";

    private HashChain() {
    }

    /** The hash of entry {@code seq} with {@code fields}, chained to {@code previousHash} (hex). */
    public static String link(String previousHash, long seq, List<String> fields) {
        MessageDigest sha256 = sha256();
        sha256.update(HexFormat.of().parseHex(previousHash));
        sha256.update(canonical(seq, fields));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The canonical encoding of an entry. */
    public static byte[] canonical(long seq, List<String> fields) {
        StringBuilder text = new StringBuilder(VERSION).append('\n').append(seq).append('\n');
        for (String field : fields) {
            if (field == null) {
                text.append("-:\n");
            } else {
                text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code hash} is 64 lower-case hex digits. */
    public static boolean isHash(String hash) {
        return hash != null && hash.length() == 64 && hash.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'f'));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
