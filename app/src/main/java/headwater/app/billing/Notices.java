package headwater.app.billing;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.Subscription;
import headwater.domain.subscriber.ContactRepository;
import headwater.store.billing.NoticeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail notices to subscribers: a receipt for each paid invoice, a renewal reminder before a period ends, and a
 * notice when access ends. Each is claimed in {@link NoticeLog} first, so that it goes out once, and sent on a
 * background thread after the payment or transition has been committed: a mail relay that is down delays nobody and
 * loses no payment (the failure is logged). Subscribers without an e-mail address get none.
 */
public final class Notices implements AutoCloseable {

    /** No notices: no SMTP relay configured. */
    public static final Notices NONE = new Notices(null, null, null, Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final Mailer mailer;
    private final ContactRepository contacts;
    private final NoticeLog log;
    private final Clock clock;
    private final ExecutorService sender;

    public Notices(Mailer mailer, ContactRepository contacts, NoticeLog log, Clock clock) {
        this.mailer = mailer;
        this.contacts = contacts;
        this.log = log;
        this.clock = clock;
        this.sender = mailer == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notices");
            t.setDaemon(true);
            return t;
        });
    }

    public void receipt(Invoice invoice) {
        String subscriber = invoice.draft().subscriberId();
        send(subscriber, "receipt", invoice.number().toString(), "Receipt for invoice " + invoice.number(),
                "Thank you. We received " + invoice.draft().total() + " for invoice " + invoice.number() + " ("
                        + invoice.draft().lines().get(0).description() + ", tax " + invoice.draft().tax() + ").\n");
    }

    public void reminder(Subscription subscription) {
        send(subscription.subscriberId(), "reminder", subscription.periodEnd().toString(),
                "Your subscription renews on " + subscription.periodEnd().toString().substring(0, 10),
                "Your subscription to " + subscription.planId() + " runs until " + subscription.periodEnd()
                        + ". Pay the renewal invoice before then to keep watching without interruption.\n");
    }

    public void expired(Subscription subscription) {
        send(subscription.subscriberId(), "expiry", subscription.periodEnd().toString(), "Your subscription has ended",
                "Your subscription to " + subscription.planId() + " has ended and playback has stopped. Pay the "
                        + "renewal invoice to watch again: access returns within seconds of the payment.\n");
    }

    /** Reminders for subscriptions whose period ends within {@code ahead}. */
    public boolean due(Subscription subscription, Duration ahead, Instant now) {
        return mailer != null && !ahead.isZero() && subscription.state().entitled() && !subscription.cancelAtPeriodEnd()
                && subscription.periodEnd().isAfter(now) && !subscription.periodEnd().isAfter(now.plus(ahead));
    }

    private void send(String subscriberId, String kind, String key, String subject, String body) {
        if (mailer == null) {
            return;
        }
        sender.execute(() -> {
            try {
                Optional<String> to = Optional.ofNullable(contacts.find(subscriberId).email());
                if (to.isEmpty() || !log.claim(subscriberId, kind, key, clock.instant())) {
                    return;
                }
                mailer.send(to.get(), subject, body);
                LOG.info("{} notice sent to subscriber {}", kind, subscriberId);
            } catch (Exception e) {
                LOG.warn("{} notice to subscriber {} failed: {}", kind, subscriberId, e.toString());
            }
        });
    }

    /** Waits up to {@code timeout} for the notices queued so far; for tests and shutdown. */
    public void drain(Duration timeout) throws InterruptedException {
        if (sender != null) {
            var done = new java.util.concurrent.CountDownLatch(1);
            sender.execute(done::countDown);
            done.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.shutdown();
        }
    }
}
