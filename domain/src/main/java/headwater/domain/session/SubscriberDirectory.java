package headwater.domain.session;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import java.util.Optional;

/** The subscribers and plans entitlement is checked against. Implemented by the application over the repositories. */
public interface SubscriberDirectory {

    Optional<Subscriber> subscriber(String id);

    /** @param username compared ignoring ASCII case, as logins are */
    Optional<Subscriber> byUsername(String username);

    Optional<Plan> plan(String planId);
}
