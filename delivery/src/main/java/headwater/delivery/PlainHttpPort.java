package headwater.delivery;

/**
 * A second, plain-HTTP listener for players that cannot do HTTPS (many set-top boxes). It serves only the signed
 * media routes ({@code /s/{token}/live|archive|movie|episode/...}) and {@code /healthz}; never a key
 * ({@code .../key/...}: a key sent in clear would undo the encryption), never {@code /metrics} or a mount (the admin
 * API, logins, portals), and the fallback (the Xtream Codes API, whose URLs carry the subscriber's password) only
 * when {@code fallback} says so. Everything else gets 403 before any handler sees it ({@link PlainHttpGate}).
 *
 * @param port     TCP port, {@code 0} for a free one
 * @param fallback whether the fallback handler is reachable over plain HTTP
 */
public record PlainHttpPort(int port, boolean fallback) {

    public PlainHttpPort {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be 0..65535, was " + port);
        }
    }
}
