package headwater.app;

import headwater.api.ApiTokens;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.identity.Role;
import headwater.store.Database;
import headwater.store.apitoken.JdbiApiTokenRepository;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API tokens for tests of a running server: first start makes no credential, so a test makes the token it needs
 * directly in the server's store, as {@code headwater admin token create} would.
 */
public final class AdminTokens {

    private static final AtomicLong COUNT = new AtomicLong();

    private AdminTokens() {
    }

    /** A new ADMIN token with the admin scope in {@code server}'s store. */
    public static String admin(HeadwaterServer server) {
        return admin(server.database());
    }

    /** A new ADMIN token with the admin scope in {@code database}. */
    public static String admin(Database database) {
        return issue(database, Role.ADMIN, null, ApiScope.ADMIN);
    }

    /** A new token of {@code role} with {@code scopes}; {@code resellerId} for RESELLER tokens. */
    public static String issue(Database database, Role role, String resellerId, ApiScope... scopes) {
        return new ApiTokens(new JdbiApiTokenRepository(database), Clock.systemUTC())
                .issue("test-" + role.name().toLowerCase() + "-" + COUNT.incrementAndGet() + "-" + System.nanoTime(),
                        role, Set.of(scopes), resellerId, "test", null).secret();
    }
}
