package headwater.api.xtream;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The login for the tests (the real one is StoreXtreamLogin): fixed accounts by username and password, tokens, and
 * one username that is always throttled. Records the client addresses it was asked about.
 */
final class FakeLogin implements XtreamLogin {

    static final String THROTTLED = "hammer";
    /** A username whose login fails as a broken store would. */
    static final String BROKEN = "boom";

    private final Map<String, Result> accounts = new HashMap<>();
    private final Map<String, Result> tokens = new HashMap<>();
    final List<InetAddress> clients = new ArrayList<>();

    FakeLogin account(String username, String password, Subscriber subscriber, Plan plan, AccountStatus status) {
        accounts.put(username + "\n" + password, new Result.Authenticated(subscriber, plan, status, null));
        return this;
    }

    FakeLogin token(String token, String tokenId, Subscriber subscriber, Plan plan) {
        tokens.put(token, new Result.Authenticated(subscriber, plan, AccountStatus.ACTIVE, tokenId));
        return this;
    }

    @Override
    public synchronized Result password(String username, String password, InetAddress client) {
        clients.add(client);
        if (THROTTLED.equals(username)) {
            return new Result.Throttled(Duration.ofMillis(29_500));
        }
        if (BROKEN.equals(username)) {
            throw new IllegalStateException("the store is down");
        }
        return accounts.getOrDefault(username + "\n" + password, new Result.Invalid());
    }

    @Override
    public synchronized Result token(String token, InetAddress client) {
        clients.add(client);
        return tokens.getOrDefault(token, new Result.Invalid());
    }
}
