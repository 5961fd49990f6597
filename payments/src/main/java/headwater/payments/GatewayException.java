package headwater.payments;

/** The gateway could not be reached or refused a call; the message carries Stripe's error code and request id. */
public final class GatewayException extends RuntimeException {

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
