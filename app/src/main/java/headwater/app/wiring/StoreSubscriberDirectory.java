package headwater.app.wiring;

import headwater.domain.session.SubscriberDirectory;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import java.util.Optional;

/** Subscribers and plans for entitlement, read from the store at each opening and resumption (always current). */
public record StoreSubscriberDirectory(SubscriberRepository subscribers, PlanRepository plans)
        implements SubscriberDirectory {

    @Override
    public Optional<Subscriber> subscriber(String id) {
        return subscribers.find(id);
    }

    @Override
    public Optional<Subscriber> byUsername(String username) {
        return subscribers.findByUsername(username);
    }

    @Override
    public Optional<Plan> plan(String planId) {
        return plans.find(planId);
    }
}
