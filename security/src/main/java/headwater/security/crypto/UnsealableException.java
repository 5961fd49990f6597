package headwater.security.crypto;

/**
 * A sealed value or a wrapped key cannot be opened: altered, sealed for another field, under an unknown data key, or
 * wrapped under another master key. The message says which, never quoting key material or plaintext.
 */
public final class UnsealableException extends RuntimeException {

    public UnsealableException(String message) {
        super(message);
    }

    public UnsealableException(String message, Throwable cause) {
        super(message, cause);
    }
}
