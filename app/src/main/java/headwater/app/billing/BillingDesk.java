package headwater.app.billing;

import headwater.app.config.BillingConfig;
import headwater.domain.audit.AuditEvent;
import headwater.domain.audit.AuditTrail;
import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceDraft;
import headwater.domain.billing.InvoiceKind;
import headwater.domain.billing.InvoiceLine;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.InvoiceRepository;
import headwater.domain.billing.JournalEntry;
import headwater.domain.billing.Ledger;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.PaymentApplied;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.PlanTermsRepository;
import headwater.domain.billing.Proration;
import headwater.domain.billing.Posting;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.SubscriptionRepository;
import headwater.domain.billing.SubscriptionState;
import headwater.domain.billing.Voucher;
import headwater.domain.billing.VoucherRepository;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.payments.CheckoutRequest;
import headwater.payments.CheckoutState;
import headwater.payments.GatewayEvent;
import headwater.payments.StripeGateway;
import headwater.store.billing.GatewayEventLog;
import headwater.store.billing.NoticeLog;
import headwater.store.billing.StripeCustomers;
import headwater.store.subscriber.JdbiResellerRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing, invoicing and taking payments. Every amount is computed here from the catalogue (the plan's terms, or
 * its price) and the configured tax rate; nothing a client sends is taken as a price. A payment is applied once:
 * {@link SubscriptionRepository#applyPayment} settles the invoice, books it and extends the subscription in one
 * transaction that a second report of the same payment leaves unchanged.
 */
public final class BillingDesk {

    /** Stripe events that mean a Checkout Session may have been paid; their object is the session. */
    static final Set<String> PAYMENT_EVENTS = Set.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded");
    private static final Logger LOG = LoggerFactory.getLogger(BillingDesk.class);

    private final BillingConfig config;
    private final PlanRepository plans;
    private final PlanTermsRepository terms;
    private final SubscriberRepository subscribers;
    private final SubscriptionRepository subscriptions;
    private final InvoiceRepository invoices;
    private final GatewayEventLog events;
    private final Ledger ledger;
    private final VoucherRepository vouchers;
    private final JdbiResellerRepository resellers;
    private final StripeCustomers customers;
    private final NoticeLog renewals;
    private final Optional<StripeGateway> stripe;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;

    public BillingDesk(BillingConfig config, PlanRepository plans, PlanTermsRepository terms,
                       SubscriberRepository subscribers, SubscriptionRepository subscriptions,
                       InvoiceRepository invoices, GatewayEventLog events, Ledger ledger, VoucherRepository vouchers,
                       JdbiResellerRepository resellers, StripeCustomers customers, NoticeLog renewals,
                       Optional<StripeGateway> stripe,
                       AuditTrail audit, Notices notices, Clock clock) {
        this.config = config;
        this.plans = plans;
        this.terms = terms;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.events = events;
        this.ledger = ledger;
        this.vouchers = vouchers;
        this.resellers = resellers;
        this.customers = customers;
        this.renewals = renewals;
        this.stripe = stripe;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /** The plan's terms, or terms made from its price alone (no trial, no grace, no credit price). */
    public PlanTerms terms(String planId) {
        return terms.find(planId).orElseGet(() -> {
            Plan plan = plans.find(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            if (plan.price().minorUnits() <= 0) {
                throw new InvalidValueException("plan", "price", "of " + planId + " is " + plan.price()
                        + ": a plan is sold only at a positive price");
            }
            return new PlanTerms(planId, Map.of(plan.price().currency(), plan.price()), Duration.ZERO, Duration.ZERO,
                    0);
        });
    }

    /** The grace period of a plan, for {@link SubscriptionRepository#advance}. */
    public Duration grace(String planId) {
        return terms.find(planId).map(PlanTerms::grace).orElse(Duration.ZERO);
    }

    /**
     * Subscribes a subscriber to a plan in a currency: a free trial when the plan has one, else an invoice to pay
     * (the subscription gives access once it is paid).
     *
     * @return the invoice to pay, or empty for a trial
     */
    public Optional<Invoice> subscribe(String subscriberId, String planId, String currency, String actor) {
        subscribers.get(subscriberId);
        PlanTerms planTerms = terms(planId);
        Money price = price(planTerms, currency);
        Instant now = clock.instant();
        String id = "sub-" + UUID.randomUUID();
        if (!planTerms.trial().isZero()) {
            Subscription trial = subscriptions.put(Subscription.trial(id, subscriberId, planTerms, now), currency);
            record(actor, "subscription.trial", subscriberId, "{\"plan\":\"" + planId + "\",\"until\":\""
                    + trial.periodEnd() + "\"}");
            return Optional.empty();
        }
        subscriptions.put(Subscription.awaitingPayment(id, subscriberId, planId, now), currency);
        Invoice invoice = invoices.issue(InvoiceDraft.invoice(subscriberId, currency, config.taxRate(),
                new InvoiceLine(line(planId), 1, price)), now);
        record(actor, "invoice.issue", subscriberId, "{\"invoice\":\"" + invoice.number() + "\",\"total\":\""
                + invoice.draft().total() + "\"}");
        return Optional.of(invoice);
    }

    /** The renewal invoice of a subscriber's subscription, at the plan's price in the subscription's currency. */
    public Invoice invoiceRenewal(String subscriberId, String actor) {
        Subscription subscription = subscriptions.find(subscriberId)
                .orElseThrow(() -> new NotFoundException("subscription", subscriberId));
        String currency = subscriptions.currency(subscriberId).orElseThrow();
        Money price = price(terms(subscription.planId()), currency);
        Invoice invoice = invoices.issue(InvoiceDraft.invoice(subscriberId, currency, config.taxRate(),
                new InvoiceLine(line(subscription.planId()), 1, price)), clock.instant());
        record(actor, "invoice.issue", subscriberId, "{\"invoice\":\"" + invoice.number() + "\",\"total\":\""
                + invoice.draft().total() + "\"}");
        return invoice;
    }

    /**
     * A reseller sells one period of a plan to one of its subscribers, paying the plan's credit price from its
     * credits: never below zero, even when sales race.
     */
    public Subscription sellWithCredits(String resellerId, String subscriberId, String planId) {
        PlanTerms planTerms = terms(planId);
        if (planTerms.creditPrice() <= 0) {
            throw new InvalidValueException("plan terms", "creditPrice", "of " + planId
                    + " is 0: resellers may not sell this plan; set one with headwater billing terms --credits");
        }
        var period = plans.find(planId).orElseThrow(() -> new NotFoundException("plan", planId)).period();
        String currency = subscriptions.currency(subscriberId).orElse(config.currency());
        Subscription sold = subscriptions.sellWithCredits(resellerId, subscriberId, planId, planTerms.creditPrice(),
                period, currency, clock.instant());
        audit.record(new AuditEvent(clock.instant(), "reseller", resellerId, "-", "subscription.sell", "subscriber",
                subscriberId, null, "{\"plan\":\"" + planId + "\",\"credits\":" + planTerms.creditPrice()
                + ",\"until\":\"" + sold.accessUntil() + "\"}", "ok"));
        return sold;
    }

    /**
     * The renewal invoice of a subscription whose period ends soon, issued once per period (claimed in
     * {@code notice_sent}, so that two nodes or two passes issue one) and only when nothing is outstanding already.
     */
    public Optional<Invoice> renewalDue(Subscription subscription) {
        String subscriberId = subscription.subscriberId();
        boolean outstanding = invoices.bySubscriber(subscriberId).stream().anyMatch(Invoice::outstanding);
        if (outstanding || !renewals.claim(subscriberId, "renewal-invoice", subscription.periodEnd().toString(),
                clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(invoiceRenewal(subscriberId, "system"));
    }

    /** How to pay an outstanding invoice: a Stripe Checkout Session when Stripe is configured. */
    public PaymentRequest pay(InvoiceNumber number) {
        Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("invoice", number.toString()));
        if (!invoice.outstanding()) {
            throw new InvalidValueException("invoice", "number", number + " is not outstanding: it is paid or a "
                    + "credit note");
        }
        if (stripe.isEmpty()) {
            return new PaymentRequest(invoice, "manual", null);
        }
        String subscriberId = invoice.draft().subscriberId();
        String customer = customers.ensure(subscriberId, () -> stripe.get().createCustomer(subscriberId, null));
        CheckoutState session = stripe.get().createCheckout(new CheckoutRequest(number.toString(), subscriberId,
                invoice.draft().lines().get(0).description(), invoice.draft().total()), customer);
        return new PaymentRequest(invoice, "stripe", session.url());
    }

    /**
     * The manual gateway: an operator confirms that the invoice was paid in cash, by bank transfer or with a voucher.
     *
     * @param method {@code cash}, {@code bank} or {@code voucher}
     */
    public PaymentApplied confirmManual(InvoiceNumber number, String method, String actor) {
        if (!Set.of("cash", "bank", "voucher").contains(method)) {
            throw new InvalidValueException("payment", "method", "\"" + method + "\" is not cash, bank or voucher");
        }
        PaymentApplied applied = apply(number, LedgerAccount.clearing("manual"), "manual:" + number);
        record(actor, "payment.confirm", applied.invoice().draft().subscriberId(), "{\"invoice\":\"" + number
                + "\",\"method\":\"" + method + "\",\"applied\":" + applied.newlyPaid() + "}");
        return applied;
    }

    /**
     * Moves a running subscription to another plan now, within its current period: an upgrade is invoiced for the
     * prorated difference (paying it does not extend the period), a downgrade is credited on the subscriber's last paid
     * invoice as far as that invoice has something left to credit.
     *
     * @return the invoice or credit note for the difference, or empty when there is none (a trial, equal prices)
     */
    public Optional<Invoice> changePlan(String subscriberId, String newPlanId, String actor) {
        Subscription current = subscriptions.find(subscriberId)
                .orElseThrow(() -> new NotFoundException("subscription", subscriberId));
        if (current.planId().equals(newPlanId)) {
            throw new InvalidValueException("subscription", "planId", "is already " + newPlanId);
        }
        String currency = subscriptions.currency(subscriberId).orElseThrow();
        Money oldPrice = price(terms(current.planId()), currency);
        Money newPrice = price(terms(newPlanId), currency);
        Instant now = clock.instant();
        Subscription changed = subscriptions.change(current.changePlan(newPlanId));
        Optional<Invoice> difference = Optional.empty();
        if (changed.state() != SubscriptionState.TRIAL) {
            Proration proration = Proration.of(oldPrice, newPrice, current.periodStart(), current.periodEnd(), now);
            long net = proration.net().minorUnits();
            String line = "Change from " + current.planId() + " to " + newPlanId + " until "
                    + current.periodEnd().toString().substring(0, 10);
            if (net > 0) {
                difference = Optional.of(invoices.issueAdjustment(InvoiceDraft.invoice(subscriberId, currency,
                        config.taxRate(), new InvoiceLine(line, 1, Money.of(net, currency))), now));
            } else if (net < 0) {
                difference = lastPaid(subscriberId).map(paid -> invoices.issue(new InvoiceDraft(
                        InvoiceKind.CREDIT_NOTE, subscriberId, currency,
                        List.of(new InvoiceLine(line, 1, Money.of(net, currency))), paid.draft().taxRate(),
                        paid.number().toString()), now));
            }
        }
        audit.record(new AuditEvent(now, "operator", actor, "-", "subscription.change", "subscriber", subscriberId,
                "{\"plan\":\"" + current.planId() + "\"}", "{\"plan\":\"" + newPlanId + "\",\"difference\":\""
                + difference.map(i -> i.number() + " " + i.draft().total()).orElse("none") + "\"}", "ok"));
        return difference;
    }

    /** Stops renewing at the period's end, or ends access now. */
    public Subscription cancel(String subscriberId, boolean immediately, String actor) {
        Subscription current = subscriptions.find(subscriberId)
                .orElseThrow(() -> new NotFoundException("subscription", subscriberId));
        Subscription cancelled = subscriptions.change(current.cancel(immediately));
        audit.record(new AuditEvent(clock.instant(), "operator", actor, "-", "subscription.cancel", "subscriber",
                subscriberId, null, "{\"immediately\":" + immediately + ",\"state\":\"" + cancelled.state()
                + "\"}", "ok"));
        return cancelled;
    }

    private Optional<Invoice> lastPaid(String subscriberId) {
        return invoices.bySubscriber(subscriberId).stream()
                .filter(i -> i.draft().kind() == InvoiceKind.INVOICE && i.paidAt() != null)
                .findFirst();
    }

    /**
     * Vouchers an operator sells for cash: {@code count} single-use codes worth {@code value} each.
     *
     * @return the codes, to print or hand out; they are never shown again in full
     */
    public List<Voucher> issueVouchers(int count, Money value, Duration valid, String actor) {
        if (count < 1 || count > 1000) {
            throw new InvalidValueException("vouchers", "count", "is " + count + ": 1 to 1000 at a time");
        }
        Instant now = clock.instant();
        List<Voucher> made = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(vouchers.create(new Voucher(Voucher.newCode(), value, now, valid.isZero() ? null : now.plus(valid),
                    null, null)));
        }
        audit.record(new AuditEvent(now, "operator", actor, "-", "voucher.issue", "voucher", "-", null,
                "{\"count\":" + count + ",\"value\":\"" + value + "\"}", "ok"));
        return made;
    }

    /**
     * Pays an invoice with a voucher worth exactly its total.
     *
     * @throws InvalidValueException the code cannot pay it (unknown, used, expired, another amount: one message)
     */
    public PaymentApplied payWithVoucher(InvoiceNumber number, String code, String actor) {
        Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("invoice", number.toString()));
        String normal;
        try {
            normal = Voucher.normalise(code);
        } catch (InvalidValueException e) {
            normal = null;
        }
        Optional<PaymentApplied> applied = normal == null ? Optional.empty()
                : subscriptions.applyVoucher(number, normal, period(invoice), clock.instant());
        if (applied.isEmpty()) {
            throw new InvalidValueException("voucher", "code", "cannot pay invoice " + number + ": it is unknown, used,"
                    + " expired or not worth " + invoice.draft().total());
        }
        notices.receipt(applied.get().invoice());
        audit.record(new AuditEvent(clock.instant(), "operator", actor, "-", "payment.voucher", "subscriber",
                invoice.draft().subscriberId(), null, "{\"invoice\":\"" + number + "\",\"voucher\":\""
                + normal.substring(0, 4) + "…\"}", "ok"));
        return applied.get();
    }

    private headwater.domain.subscriber.BillingPeriod period(Invoice invoice) {
        String planId = subscriptions.find(invoice.draft().subscriberId()).map(Subscription::planId).orElse(null);
        var period = planId == null ? null : plans.find(planId).map(Plan::period).orElse(null);
        if (period == null) {
            throw new InvalidValueException("invoice", "subscriber", "of " + invoice.number() + " has no subscription "
                    + "to a plan that the payment could extend");
        }
        return period;
    }

    /**
     * Refunds part or all of a paid invoice: a credit note for {@code netMinorUnits} (tax added at the invoice's
     * rate), the money booked back out of the gateway's clearing account, and, for a Stripe payment, a Stripe refund
     * whose idempotency key is the credit note's number. A refund never exceeds what is left to credit.
     */
    public Invoice refund(InvoiceNumber number, long netMinorUnits, String actor) {
        Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("invoice", number.toString()));
        if (invoice.paidAt() == null) {
            throw new InvalidValueException("refund", "invoice", number + " is not paid: cancel it instead");
        }
        if (netMinorUnits <= 0) {
            throw new InvalidValueException("refund", "amount", "is " + netMinorUnits + ": a refund is positive");
        }
        String paid = invoices.paymentReference(number).orElse("payment:manual:" + number);
        boolean viaStripe = paid.startsWith("payment:stripe:");
        if (viaStripe && stripe.isEmpty()) {
            throw new InvalidValueException("refund", "invoice", number + " was paid through Stripe, which is not "
                    + "configured now: set billing.stripeSecretKey to refund it");
        }
        String currency = invoice.draft().currency();
        Invoice credit = invoices.issue(new InvoiceDraft(InvoiceKind.CREDIT_NOTE,
                invoice.draft().subscriberId(), currency, List.of(new InvoiceLine("Refund of " + number, 1,
                Money.of(-netMinorUnits, currency))), invoice.draft().taxRate(), number.toString()), clock.instant());
        Money back = Money.of(-credit.draft().total().minorUnits(), currency);
        LedgerAccount clearing = LedgerAccount.clearing(viaStripe ? "stripe" : "manual");
        if (viaStripe) {
            stripe.get().refund(paid.substring("payment:stripe:".length()), back, credit.number().toString());
        }
        ledger.post(JournalEntry.of("refund:" + credit.number(), clock.instant(), "refund of " + number,
                Posting.debit(LedgerAccount.receivable(invoice.draft().subscriberId()), back),
                Posting.credit(clearing, back)));
        audit.record(new AuditEvent(clock.instant(), "operator", actor, "-", "refund", "invoice", number.toString(),
                null, "{\"creditNote\":\"" + credit.number() + "\",\"amount\":\"" + back + "\",\"gateway\":\""
                + (viaStripe ? "stripe" : "manual") + "\"}", "ok"));
        return credit;
    }

    /**
     * A reseller buys credits through Stripe at {@code billing.creditPrice} each; they are added when Stripe reports
     * the payment ({@link #onStripeEvent}).
     *
     * @return Stripe's page to pay on
     */
    public String buyCredits(String resellerId, long credits) {
        if (stripe.isEmpty() || config.creditPrice() <= 0) {
            throw new InvalidValueException("credits", "gateway", "resellers cannot buy credits here: "
                    + (stripe.isEmpty() ? "Stripe is not configured" : "billing.creditPrice is 0")
                    + "; an operator adds them");
        }
        if (credits < 1 || credits > 100_000) {
            throw new InvalidValueException("credits", "credits", "is " + credits + ": 1 to 100000 at a time");
        }
        resellers.get(resellerId);
        Money amount = Money.of(Math.multiplyExact(credits, config.creditPrice()), config.currency());
        return stripe.get().createCreditCheckout(resellerId, credits, amount, resellerId + "-" + UUID.randomUUID())
                .url();
    }

    /**
     * Acts on a verified Stripe event, once per event id. The event's own copy of the session is not trusted: the
     * session is read from Stripe, so an event that arrives late, twice or out of order leads to the same final
     * state.
     *
     * @return what was done, for the log and the reply
     */
    public String onStripeEvent(GatewayEvent event) {
        if (events.seen(event.id())) {
            return "duplicate";
        }
        String outcome;
        if (!PAYMENT_EVENTS.contains(event.type()) || event.objectId() == null || stripe.isEmpty()) {
            outcome = "ignored";
        } else {
            CheckoutState session = stripe.get().checkout(event.objectId());
            if (session.paid() && session.metadata().containsKey("reseller")) {
                outcome = creditsPaid(session);
            } else if (!session.paid() || session.invoiceNumber() == null) {
                outcome = "unpaid";
            } else {
                InvoiceNumber number = InvoiceNumber.parse(session.invoiceNumber());
                Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("invoice",
                        number.toString()));
                if (session.amount() == null || !session.amount().equals(invoice.draft().total())) {
                    LOG.warn("Stripe session {} paid {} for invoice {} of {}: not applied, an operator must look",
                            session.id(), session.amount(), number, invoice.draft().total());
                    outcome = "amount-mismatch";
                } else {
                    PaymentApplied applied = apply(number, LedgerAccount.clearing("stripe"),
                            "stripe:" + (session.paymentIntent() == null ? session.id() : session.paymentIntent()));
                    outcome = applied.newlyPaid() ? "applied" : "already-paid";
                    if (applied.newlyPaid()) {
                        record("stripe", "payment.stripe", invoice.draft().subscriberId(), "{\"invoice\":\""
                                + number + "\",\"event\":\"" + event.id() + "\"}");
                    }
                }
            }
        }
        events.record(event.id(), "stripe", event.type(), clock.instant(), outcome);
        LOG.info("Stripe event {} {}: {}", event.id(), event.type(), outcome);
        return outcome;
    }

    private String creditsPaid(CheckoutState session) {
        String reseller = session.metadata().get("reseller");
        long credits;
        try {
            credits = Long.parseLong(session.metadata().getOrDefault("credits", ""));
        } catch (NumberFormatException e) {
            LOG.warn("Stripe session {} for reseller {} names no number of credits: not applied", session.id(),
                    reseller);
            return "malformed";
        }
        boolean added = resellers.addBoughtCredits(reseller, credits, session.amount(),
                LedgerAccount.clearing("stripe"), "credits:stripe:" + session.id());
        if (added) {
            audit.record(new AuditEvent(clock.instant(), "system", "stripe", "-", "credits.bought", "reseller",
                    reseller, null, "{\"credits\":" + credits + ",\"paid\":\"" + session.amount() + "\"}", "ok"));
        }
        return added ? "credits-added" : "already-added";
    }

    private PaymentApplied apply(InvoiceNumber number, LedgerAccount clearing, String reference) {
        Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("invoice", number.toString()));
        PaymentApplied applied = subscriptions.applyPayment(number, clearing, reference, period(invoice),
                clock.instant());
        if (applied.newlyPaid()) {
            notices.receipt(applied.invoice());
        }
        return applied;
    }

    private static Money price(PlanTerms planTerms, String currency) {
        return planTerms.price(currency).orElseThrow(() -> new InvalidValueException("subscription", "currency",
                "\"" + currency + "\" is not a currency plan " + planTerms.planId() + " is sold in: "
                        + String.join(", ", planTerms.prices().keySet())));
    }

    private String line(String planId) {
        Plan plan = plans.find(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        return plan.name() + ", " + plan.period();
    }

    private void record(String actor, String action, String subscriberId, String after) {
        audit.record(new AuditEvent(clock.instant(), actor.equals("stripe") ? "system" : "operator", actor, "-", action,
                "subscriber", subscriberId, null, after, "ok"));
    }
}
