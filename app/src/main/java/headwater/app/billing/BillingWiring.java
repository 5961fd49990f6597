package headwater.app.billing;

import headwater.app.config.BillingConfig;
import headwater.delivery.Mount;
import headwater.domain.audit.AuditTrail;
import headwater.domain.protect.FieldCipher;
import headwater.domain.session.SessionService;
import headwater.payments.StripeGateway;
import headwater.payments.StripeSettings;
import headwater.payments.StripeWebhooks;
import headwater.store.Database;
import headwater.store.billing.GatewayEventLog;
import headwater.store.billing.JdbiInvoiceRepository;
import headwater.store.billing.JdbiLedger;
import headwater.store.billing.JdbiVoucherRepository;
import headwater.store.billing.JdbiPlanTermsRepository;
import headwater.store.billing.JdbiSubscriptionRepository;
import headwater.store.billing.NoticeLog;
import headwater.store.billing.StripeCustomers;
import headwater.store.subscriber.JdbiContactRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiResellerRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Billing as the server runs it: the desk on the store, Stripe when configured (its webhook route to mount), and the
 * access sweep, started.
 *
 * @param webhooks the {@code /webhooks/} mount when Stripe is configured
 */
public record BillingWiring(BillingDesk desk, AccessSweep sweep, Notices notices, Optional<Mount> webhooks)
        implements AutoCloseable {

    public static BillingWiring start(BillingConfig config, URI publicBase, Database database, FieldCipher cipher,
                                      SessionService sessions, AuditTrail audit, Clock clock) {
        Notices notices = notices(config, database, cipher, clock);
        BillingDesk desk = desk(config, publicBase, database, audit, notices, clock);
        Optional<Mount> webhooks = stripe(config, publicBase).map(settings ->
                StripeWebhookRoute.mount(new StripeWebhooks(settings, clock), desk));
        AccessSweep sweep = new AccessSweep(new JdbiSubscriptionRepository(database, clock),
                new JdbiSubscriberRepository(database, clock), LiveSessions.of(sessions), desk, notices,
                Duration.ofDays(config.reminderDays()), clock).start();
        return new BillingWiring(desk, sweep, notices, webhooks);
    }

    /** E-mail notices through the configured relay, or {@link Notices#NONE}. */
    public static Notices notices(BillingConfig config, Database database, FieldCipher cipher, Clock clock) {
        return config.smtp().map(smtp -> new Notices(new Mailer(smtp), new JdbiContactRepository(database, cipher,
                clock), new NoticeLog(database), clock)).orElse(Notices.NONE);
    }

    /** The desk alone, for the command line. */
    public static BillingDesk desk(BillingConfig config, URI publicBase, Database database, AuditTrail audit,
                                   Notices notices, Clock clock) {
        return new BillingDesk(config, new JdbiPlanRepository(database), new JdbiPlanTermsRepository(database),
                new JdbiSubscriberRepository(database, clock), new JdbiSubscriptionRepository(database, clock),
                new JdbiInvoiceRepository(database), new GatewayEventLog(database), new JdbiLedger(database),
                new JdbiVoucherRepository(database), new JdbiResellerRepository(database, clock),
                new StripeCustomers(database), new NoticeLog(database),
                stripe(config, publicBase).map(StripeGateway::new), audit, notices, clock);
    }

    private static Optional<StripeSettings> stripe(BillingConfig config, URI publicBase) {
        URI back = config.returnUrl().orElse(publicBase.resolve("/portal/"));
        return config.stripeSecretKey().map(key -> new StripeSettings(key, config.stripeWebhookSecrets(),
                config.stripeApiBase(), StripeSettings.DEFAULT_TOLERANCE, back.resolve("?paid=1"),
                back.resolve("?cancelled=1")));
    }

    @Override
    public void close() {
        sweep.close();
        notices.close();
    }
}
