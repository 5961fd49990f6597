package headwater.domain.protect;

/**
 * Seals secrets and personal data before they are stored, and opens them after they are read. The field name is
 * bound to the ciphertext (associated data), so a value copied into another column does not open. Sealing the same
 * value twice gives different text. Thread-safe.
 */
public interface FieldCipher {

    /**
     * @param field     where the value is stored, e.g. {@code subscriber.email}, {@code totp.seed}
     * @param plaintext the value
     * @return printable text to store (ASCII, no spaces)
     */
    String seal(String field, byte[] plaintext);

    /**
     * @throws SealedValueException the text was not sealed for this field, was altered, or its key is unknown
     */
    byte[] open(String field, String sealed);
}
