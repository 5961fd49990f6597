package headwater.api.xtream;

import headwater.api.xtream.XtreamLogin.AccountStatus;
import headwater.api.xtream.XtreamLogin.Result;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking for an export, checked on a worker thread. A refusal is answered here, in plain text the apps and
 * people understand: 401 for wrong credentials (whatever was wrong: the reason is in the login's log), 429 with
 * {@code Retry-After} when throttled, 403 for an account that may not watch (banned, disabled, expired).
 */
final class ExportAccess {

    private static final Logger LOG = LoggerFactory.getLogger(ExportAccess.class);

    private ExportAccess() {
    }

    /** @return the login, or null when the request was refused (and answered) */
    static Result.Authenticated check(XtreamServices services, HttpServerRequest request,
                                      ExportCredentials credentials, String what) {
        InetAddress client = client(request);
        Result result = credentials.usesToken() ? services.login().token(credentials.token(), client)
                : services.login().password(credentials.username(), credentials.password(), client);
        HttpServerResponse response = request.response();
        return switch (result) {
            case Result.Invalid invalid -> {
                plain(response, 401, "invalid credentials");
                yield null;
            }
            case Result.Throttled throttled -> {
                response.putHeader(HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                plain(response, 429, "too many failed logins: try again later");
                yield null;
            }
            case Result.Authenticated ok when ok.status() != AccountStatus.ACTIVE -> {
                LOG.info("{} refused to subscriber {}: account {}", what, ok.subscriber().id(),
                        ok.status().wire().toLowerCase(Locale.ROOT));
                plain(response, 403, "account " + ok.status().wire().toLowerCase(Locale.ROOT));
                yield null;
            }
            case Result.Authenticated ok -> ok;
        };
    }

    static void plain(HttpServerResponse response, int status, String text) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(text + "\n");
    }

    /** The client's address: the connection's peer (literal, no name lookup). */
    static InetAddress client(HttpServerRequest request) {
        try {
            return InetAddress.getByName(request.remoteAddress().hostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the peer address " + request.remoteAddress() + " is not a literal", e);
        }
    }
}
