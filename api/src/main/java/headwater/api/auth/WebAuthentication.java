package headwater.api.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cookie-based web sessions for operators, resellers and subscribers, as the admin API mounts them. The API's
 * router calls {@link #mountPublic} before any authentication, then {@link #authenticator()} on every other route
 * (before the Bearer-token check), then {@link #mountAuthenticated} among its resources.
 */
public interface WebAuthentication {

    /** No web sessions: only API tokens authenticate. */
    WebAuthentication NONE = new WebAuthentication() {
        @Override
        public void mountPublic(Router router) {
        }

        @Override
        public Handler<RoutingContext> authenticator() {
            return RoutingContext::next;
        }

        @Override
        public void mountAuthenticated(Router router) {
        }
    };

    /** Routes that need no session: login, first-run setup, logout. State-changing ones check CSRF themselves. */
    void mountPublic(Router router);

    /**
     * When the request carries a valid session cookie, puts its {@link Principal} under {@link Principal#KEY}; a
     * state-changing request authenticated this way without a matching CSRF token fails with 403. Without a cookie
     * it calls {@code next()} and leaves the decision to the next authenticator.
     */
    Handler<RoutingContext> authenticator();

    /** Routes for the logged-in caller itself: password change, TOTP enrolment, step-up, its sessions. */
    void mountAuthenticated(Router router);
}
