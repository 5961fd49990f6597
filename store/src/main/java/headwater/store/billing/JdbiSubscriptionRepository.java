package headwater.store.billing;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.PaymentApplied;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.SubscriptionRepository;
import headwater.domain.billing.SubscriptionState;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import headwater.store.Dialect;
import headwater.store.subscriber.JdbiResellerRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Subscriptions in the store. Every write also sets the subscriber's {@code expires_at} to what the subscription
 * gives access until, and turns an EXPIRED subscriber ACTIVE again when access returns (a DISABLED or BANNED one stays
 * so: payment does not undo an operator's decision). The subscription row is locked ({@code FOR UPDATE} on
 * PostgreSQL; SQLite serialises writers) while a payment is applied.
 */
public final class JdbiSubscriptionRepository implements SubscriptionRepository {

    private static final String COLUMNS = "id, subscriber_id, plan_id, state, period_start, period_end, grace_end, "
            + "cancel_at_period_end";

    private final Database database;
    private final Clock clock;
    private final JdbiInvoiceRepository invoices;

    public JdbiSubscriptionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.invoices = new JdbiInvoiceRepository(database);
    }

    @Override
    public Optional<Subscription> find(String subscriberId) {
        return database.read(handle -> load(handle, subscriberId, false));
    }

    @Override
    public Optional<String> currency(String subscriberId) {
        return database.read(handle -> handle.createQuery("SELECT currency FROM subscription WHERE subscriber_id = :s")
                .bind("s", subscriberId).mapTo(String.class).findOne());
    }

    @Override
    public Subscription put(Subscription subscription, String currency) {
        Money.of(0, currency);
        return database.write(handle -> {
            insert(handle, subscription, currency);
            grantAccess(handle, subscription);
            return subscription;
        });
    }

    private static void insert(Handle handle, Subscription subscription, String currency) {
        handle.createUpdate("INSERT INTO subscription (subscriber_id, id, plan_id, currency, state, period_start, "
                        + "period_end, grace_end, cancel_at_period_end, version, started_at) VALUES (:subscriber, :id, "
                        + ":plan, :currency, :state, :start, :end, :grace, :cancel, 1, :start) ON CONFLICT (subscriber_id) "
                        + "DO UPDATE SET id = excluded.id, plan_id = excluded.plan_id, currency = excluded.currency, "
                        + "state = excluded.state, period_start = excluded.period_start, period_end = "
                        + "excluded.period_end, grace_end = excluded.grace_end, cancel_at_period_end = "
                        + "excluded.cancel_at_period_end, version = subscription.version + 1, started_at = CASE WHEN "
                        + "subscription.id = excluded.id THEN subscription.started_at ELSE excluded.started_at END")
                .bind("subscriber", subscription.subscriberId()).bind("id", subscription.id())
                .bind("plan", subscription.planId()).bind("currency", currency)
                .bind("state", subscription.state().name())
                .bind("start", subscription.periodStart().toEpochMilli())
                .bind("end", subscription.periodEnd().toEpochMilli())
                .bind("grace", subscription.graceEnd() == null ? null : subscription.graceEnd().toEpochMilli())
                .bind("cancel", subscription.cancelAtPeriodEnd()).execute();
    }

    @Override
    public PaymentApplied applyPayment(InvoiceNumber number, LedgerAccount clearing, String reference,
                                       BillingPeriod period, Instant at) {
        return database.write(handle -> apply(handle, number, clearing, reference, period, at));
    }

    @Override
    public Optional<PaymentApplied> applyVoucher(InvoiceNumber number, String code, BillingPeriod period, Instant at) {
        return database.write(handle -> {
            Invoice invoice = invoices.find(handle, number)
                    .orElseThrow(() -> new NotFoundException("invoice", number.toString()));
            if (!invoice.outstanding()) {
                return Optional.<PaymentApplied>empty();
            }
            if (!JdbiVoucherRepository.redeemIn(handle, code, invoice.draft().subscriberId(), at,
                    invoice.draft().total())) {
                return Optional.<PaymentApplied>empty();
            }
            return Optional.of(apply(handle, number, JdbiVoucherRepository.CLEARING, "voucher:" + code, period, at));
        });
    }

    private PaymentApplied apply(Handle handle, InvoiceNumber number, LedgerAccount clearing, String reference,
                                 BillingPeriod period, Instant at) {
        JdbiInvoiceRepository.Settlement settled = invoices.settleIn(handle, number, clearing, reference, at);
        Invoice invoice = settled.invoice();
        Optional<Subscription> current = load(handle, invoice.draft().subscriberId(), true);
        if (!settled.newlyPaid()) {
            return new PaymentApplied(invoice, current.orElse(null), false);
        }
        if (current.isEmpty() || !JdbiInvoiceRepository.extendsPeriod(handle, number)) {
            return new PaymentApplied(invoice, current.orElse(null), true);
        }
        Subscription next = current.get().paid(period, at);
        write(handle, next);
        grantAccess(handle, next);
        return new PaymentApplied(invoice, next, true);
    }

    @Override
    public Subscription sellWithCredits(String resellerId, String subscriberId, String planId, long credits,
                                        BillingPeriod period, String currency, Instant at) {
        return database.write(handle -> {
            boolean owned = handle.createQuery("SELECT COUNT(*) FROM subscriber WHERE id = :s AND owner_reseller_id = :r")
                    .bind("s", subscriberId).bind("r", resellerId).mapTo(Integer.class).one() == 1;
            if (!owned) {
                throw new NotFoundException("subscriber", subscriberId);
            }
            JdbiResellerRepository.spendIn(handle, resellerId, credits, planId + " for " + subscriberId + ", "
                    + period, at);
            Optional<Subscription> current = load(handle, subscriberId, true);
            Subscription next;
            if (current.isPresent() && current.get().planId().equals(planId)
                    && current.get().state() != SubscriptionState.CANCELLED) {
                next = current.get().paid(period, at);
                write(handle, next);
            } else {
                next = Subscription.paidStart("sub-" + UUID.randomUUID(), subscriberId, planId, period, at);
                insert(handle, next, currency);
            }
            grantAccess(handle, next);
            return next;
        });
    }

    @Override
    public Subscription change(Subscription changed) {
        return database.write(handle -> {
            Subscription current = load(handle, changed.subscriberId(), true)
                    .orElseThrow(() -> new NotFoundException("subscription", changed.subscriberId()));
            if (!current.id().equals(changed.id())) {
                throw new NotFoundException("subscription", changed.id());
            }
            write(handle, changed);
            handle.createUpdate("UPDATE subscriber SET plan_id = :plan, version = version + 1, updated_at = :now "
                            + "WHERE id = :id").bind("plan", changed.planId()).bind("now", clock.millis())
                    .bind("id", changed.subscriberId()).execute();
            grantAccess(handle, changed);
            return changed;
        });
    }

    @Override
    public List<Subscription> ending(Instant from, Instant to) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM subscription WHERE state IN "
                        + "('TRIAL', 'ACTIVE') AND period_end >= :from AND period_end < :to AND "
                        + "cancel_at_period_end = :no ORDER BY period_end").bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli()).bind("no", false).map((rs, ctx) -> subscription(rs)).list());
    }

    @Override
    public List<Subscription> advance(Instant now, Function<String, Duration> grace) {
        return database.write(handle -> {
            List<Subscription> due = handle.createQuery("SELECT " + COLUMNS + " FROM subscription WHERE "
                            + "(state IN ('TRIAL', 'ACTIVE') AND period_end <= :now) OR (state = 'PAST_DUE' AND "
                            + "grace_end <= :now)").bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> subscription(rs)).list();
            List<Subscription> changed = new ArrayList<>();
            for (Subscription s : due) {
                Subscription next = s.at(now, grace.apply(s.planId()));
                if (next.state() != s.state()) {
                    write(handle, next);
                    grantAccess(handle, next);
                    changed.add(next);
                }
            }
            return changed;
        });
    }

    private static void write(Handle handle, Subscription s) {
        handle.createUpdate("UPDATE subscription SET plan_id = :plan, state = :state, period_start = :start, "
                        + "period_end = :end, grace_end = :grace, cancel_at_period_end = :cancel, version = version + 1 "
                        + "WHERE subscriber_id = :subscriber")
                .bind("plan", s.planId()).bind("state", s.state().name())
                .bind("start", s.periodStart().toEpochMilli()).bind("end", s.periodEnd().toEpochMilli())
                .bind("grace", s.graceEnd() == null ? null : s.graceEnd().toEpochMilli())
                .bind("cancel", s.cancelAtPeriodEnd()).bind("subscriber", s.subscriberId()).execute();
    }

    /** The subscriber may watch exactly until the subscription says; an expired subscriber comes back when paid. */
    private void grantAccess(Handle handle, Subscription s) {
        Instant until = s.accessUntil();
        long expires = until == null ? Math.min(clock.millis(), s.periodEnd().toEpochMilli()) : until.toEpochMilli();
        String status = until == null ? "CASE WHEN status = 'ACTIVE' THEN 'EXPIRED' ELSE status END"
                : "CASE WHEN status = 'EXPIRED' THEN 'ACTIVE' ELSE status END";
        handle.createUpdate("UPDATE subscriber SET expires_at = :expires, status = " + status + ", version = version + 1, "
                        + "updated_at = :now WHERE id = :id")
                .bind("expires", expires).bind("now", clock.millis()).bind("id", s.subscriberId()).execute();
    }

    private Optional<Subscription> load(Handle handle, String subscriberId, boolean lock) {
        String forUpdate = lock && database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        return handle.createQuery("SELECT " + COLUMNS + " FROM subscription WHERE subscriber_id = :s" + forUpdate)
                .bind("s", subscriberId).map((rs, ctx) -> subscription(rs)).findOne();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        long grace = rs.getLong(7);
        Instant graceEnd = rs.wasNull() ? null : Instant.ofEpochMilli(grace);
        return new Subscription(rs.getString(1), rs.getString(2), rs.getString(3),
                SubscriptionState.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)), graceEnd, rs.getBoolean(8));
    }
}
