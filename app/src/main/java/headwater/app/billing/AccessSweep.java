package headwater.app.billing;

import headwater.domain.billing.Subscription;
import headwater.domain.billing.SubscriptionRepository;
import headwater.domain.session.EndReason;
import headwater.domain.session.SessionView;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes access follow payment while the server runs: every {@link #EVERY} it applies the subscription transitions
 * that are due (a period that ended unpaid runs into grace, a grace that ran out expires) and ends the live sessions of
 * every subscriber who may no longer watch (expired, disabled, banned: {@link EndReason#REVOKED}), so that a running
 * stream stops within a minute of the right to it. Periods that end soon get their renewal invoice (once) and, with
 * e-mail configured, a reminder. New sessions are refused at once by the entitlement check.
 */
public final class AccessSweep implements AutoCloseable {

    public static final Duration EVERY = Duration.ofSeconds(20);
    /** Renewal invoices are issued this long before a period ends when no reminder period is configured. */
    static final Duration RENEW_AHEAD = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(AccessSweep.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriberRepository subscribers;
    private final LiveSessions sessions;
    private final BillingDesk desk;
    private final Notices notices;
    private final Duration remindAhead;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "access-sweep");
        t.setDaemon(true);
        return t;
    });

    public AccessSweep(SubscriptionRepository subscriptions, SubscriberRepository subscribers, LiveSessions sessions,
                       BillingDesk desk, Notices notices, Duration remindAhead, Clock clock) {
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.sessions = sessions;
        this.desk = desk;
        this.notices = notices;
        this.remindAhead = remindAhead;
        this.clock = clock;
    }

    public AccessSweep start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("access sweep failed; next try in {}", EVERY, e);
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass. @return how many sessions were ended */
    public int sweep() {
        Instant now = clock.instant();
        List<Subscription> changed = subscriptions.advance(now, desk::grace);
        for (Subscription s : changed) {
            LOG.info("subscription of {} is now {} (plan {})", s.subscriberId(), s.state(), s.planId());
            if (!s.state().entitled()) {
                notices.expired(s);
            }
        }
        Duration ahead = remindAhead.isZero() ? RENEW_AHEAD : remindAhead;
        for (Subscription s : subscriptions.ending(now, now.plus(ahead))) {
            desk.renewalDue(s).ifPresent(invoice -> LOG.info("renewal invoice {} issued to {}", invoice.number(),
                    s.subscriberId()));
            if (!remindAhead.isZero() && notices.due(s, remindAhead, now)) {
                notices.reminder(s);
            }
        }
        Map<String, Boolean> mayWatch = new HashMap<>();
        int ended = 0;
        for (SessionView view : sessions.list()) {
            String subscriberId = view.session().subscriberId();
            boolean allowed = mayWatch.computeIfAbsent(subscriberId, id -> {
                Optional<Subscriber> subscriber = subscribers.find(id);
                return subscriber.isPresent() && subscriber.get().mayWatchAt(now);
            });
            if (!allowed && sessions.end(view.session().id(), EndReason.REVOKED)) {
                ended++;
                LOG.info("session {} of {} ended: the subscriber may no longer watch", view.session().id(), subscriberId);
            }
        }
        return ended;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
