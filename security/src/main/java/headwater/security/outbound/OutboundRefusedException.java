package headwater.security.outbound;

import java.io.IOException;

/**
 * The outbound policy refuses a URL before anything is sent: a scheme other than http or https, no host, a host
 * that resolves to an address the operator has not allowed, a redirect to such a URL or from https to http, too many
 * redirects. The message names the URL (secrets masked), the address and its class, and the setting that allows it.
 */
public final class OutboundRefusedException extends IOException {

    public OutboundRefusedException(String message) {
        super(message);
    }
}
