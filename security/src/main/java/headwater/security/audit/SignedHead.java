package headwater.security.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported head of the audit chain: the last entry's number and hash, when it was exported, and an Ed25519
 * signature over {@code hw-audit-head-1\n<seq>\n<hash>\n<at>}. Kept outside the database, it proves later that the log
 * still reaches entry {@code seq} with that hash: removing entries from the end, which leaves a consistent shorter
 * chain, is detected.
 *
 * <p>As JSON: {@code {"seq": 42, "hash": "<64 hex>", "at": "<ISO-8601>", "signature": "<base64>"}}, and optionally
 * {@code "publicKey"} (informative; verification uses the server's own key).
 */
public record SignedHead(long seq, String hash, Instant at, byte[] signature) {

    /** Longest head file accepted. */
    public static final int MAX_LENGTH = 4096;
    private static final Pattern JSON = Pattern.compile("\\s*\\{\\s*\"seq\"\\s*:\\s*(\\d{1,18})\\s*,\\s*\"hash\"\\s*:"
            + "\\s*\"([0-9a-f]{64})\"\\s*,\\s*\"at\"\\s*:\\s*\"([0-9TZ:.+-]{10,40})\"\\s*,\\s*\"signature\"\\s*:\\s*"
            + "\"([A-Za-z0-9+/=]{1,200})\"\\s*(?:,\\s*\"publicKey\"\\s*:\\s*\"[A-Za-z0-9+/=]{1,200}\"\\s*)?}\\s*");

    public SignedHead {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signature, "signature");
        signature = signature.clone();
    }

    /** The head of entry {@code seq} with {@code hash}, signed now by {@code key}. */
    public static SignedHead sign(long seq, String hash, Instant at, AuditSigningKey key) {
        return new SignedHead(seq, hash, at, key.sign(message(seq, hash, at)));
    }

    /** Whether {@code key} signed this head. */
    public boolean signedBy(AuditSigningKey key) {
        return key.verifies(message(seq, hash, at), signature);
    }

    private static byte[] message(long seq, String hash, Instant at) {
        return ("hw-audit-head-1\n" + seq + "\n" + hash + "\n" + at).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException not a head in the JSON shape above (the message does not quote it)
     */
    public static SignedHead parse(String json) {
        if (json == null || json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not an audit head: missing or longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = JSON.matcher(json);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an audit head: expected {\"seq\": N, \"hash\": \"<64 hex>\", "
                    + "\"at\": \"<time>\", \"signature\": \"<base64>\"}");
        }
        try {
            return new SignedHead(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)),
                    Base64.getDecoder().decode(m.group(4)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an audit head: its time or signature does not parse");
        }
    }

    /** The JSON form, with the signing key's public half for reference. */
    public String toJson(AuditSigningKey key) {
        return "{\"seq\": " + seq + ", \"hash\": \"" + hash + "\", \"at\": \"" + at + "\", \"signature\": \""
                + Base64.getEncoder().encodeToString(signature) + "\", \"publicKey\": \"" + key.publicKeyBase64()
                + "\"}";
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedHead that && seq == that.seq && hash.equals(that.hash) && at.equals(that.at)
                && java.util.Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, hash, at);
    }

    @Override
    public String toString() {
        return "SignedHead[" + seq + ", " + hash + ", " + at + "]";
    }
}
