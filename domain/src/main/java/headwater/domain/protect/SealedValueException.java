package headwater.domain.protect;

/** A stored sealed value cannot be opened: tampered, sealed for another field, or under a key that is gone. */
public final class SealedValueException extends RuntimeException {

    public SealedValueException(String message) {
        super(message);
    }

    public SealedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
