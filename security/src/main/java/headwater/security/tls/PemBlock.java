package headwater.security.tls;

/**
 * One {@code -----BEGIN label----- ... -----END label-----} block of a PEM text (RFC 7468), decoded.
 *
 * @param label     e.g. {@code CERTIFICATE}, {@code PRIVATE KEY}
 * @param firstLine the 1-based line of its BEGIN line, for messages
 * @param der       the decoded base64 body
 */
public record PemBlock(String label, int firstLine, byte[] der) {

    /** "PRIVATE KEY block at line 12", for messages. */
    public String describe() {
        return label + " block at line " + firstLine;
    }
}
