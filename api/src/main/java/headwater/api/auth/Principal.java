package headwater.api.auth;

import headwater.domain.identity.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * @param kind           how it authenticated
 * @param id             account id, subscriber id or API token name
 * @param name           user name or token name, for logs and the audit trail
 * @param role           what it may do
 * @param scopes         for API tokens, the scopes granted (a subset of the role's); empty for web sessions
 * @param resellerId     the reseller it acts for ({@link Role#RESELLER}), else null
 * @param subscriberId   the subscriber it is ({@link Role#SUBSCRIBER}), else null
 * @param secondFactorAt when the second factor was last proven in this session (login or step-up), or null; sensitive
 *                       actions need it to be recent
 * @param webSessionId   the web session's id (its digest, never the cookie value), or null for tokens
 */
public record Principal(Kind kind, String id, String name, Role role, Set<String> scopes, String resellerId,
                        String subscriberId, Instant secondFactorAt, String webSessionId) {

    /** The routing-context key under which authentication puts the Principal. */
    public static final String KEY = "headwater.principal";

    public enum Kind { WEB_SESSION, API_TOKEN }

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        scopes = Set.copyOf(scopes);
    }

    /** An operator's or reseller's web session. */
    public static Principal ofAccount(String accountId, String username, Role role, String resellerId,
                                      Instant secondFactorAt, String webSessionId) {
        return new Principal(Kind.WEB_SESSION, accountId, username, role, Set.of(), resellerId, null, secondFactorAt,
                webSessionId);
    }

    /** A subscriber's portal session. */
    public static Principal ofSubscriber(String subscriberId, String username, Instant secondFactorAt,
                                         String webSessionId) {
        return new Principal(Kind.WEB_SESSION, subscriberId, username, Role.SUBSCRIBER, Set.of(), null, subscriberId,
                secondFactorAt, webSessionId);
    }
}
