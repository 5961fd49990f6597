package headwater.api.identity;

import headwater.api.auth.Principal;
import headwater.domain.identity.Account;
import headwater.domain.identity.WebSession;

/**
 * The web session behind a request and who it belongs to, as the authenticator found it.
 *
 * @param session   the stored session
 * @param principal what the rest of the API sees
 * @param account   the account, or null for a subscriber
 * @param limited   an operator without a proven second factor: only enrolment, password change, logout and
 *                  {@code /auth/me} are open to it
 */
record Caller(WebSession session, Principal principal, Account account, boolean limited) {

    /** The routing-context key under which the authenticator puts the Caller. */
    static final String KEY = "headwater.identity.caller";
}
