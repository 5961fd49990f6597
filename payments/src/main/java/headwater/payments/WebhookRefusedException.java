package headwater.payments;

/**
 * A webhook that did not prove it came from the gateway. The message says why, for the log; the sender gets only a
 * generic 400.
 */
public final class WebhookRefusedException extends Exception {

    public WebhookRefusedException(String reason) {
        super(reason);
    }
}
