package headwater.store.billing;

import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.PlanTermsRepository;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Plan terms in the store: one row per plan and one per price. */
public final class JdbiPlanTermsRepository implements PlanTermsRepository {

    private final Database database;

    public JdbiPlanTermsRepository(Database database) {
        this.database = database;
    }

    @Override
    public PlanTerms put(PlanTerms terms) {
        return database.write(handle -> {
            boolean plan = handle.createQuery("SELECT COUNT(*) FROM plan WHERE id = :id").bind("id", terms.planId())
                    .mapTo(Integer.class).one() == 1;
            if (!plan) {
                throw new UnknownReferenceException("plan terms", terms.planId(), "plan", List.of(terms.planId()));
            }
            handle.createUpdate("INSERT INTO plan_terms (plan_id, trial_ms, grace_ms, credit_price) VALUES (:plan, "
                            + ":trial, :grace, :credits) ON CONFLICT (plan_id) DO UPDATE SET trial_ms = excluded.trial_ms, "
                            + "grace_ms = excluded.grace_ms, credit_price = excluded.credit_price")
                    .bind("plan", terms.planId()).bind("trial", terms.trial().toMillis())
                    .bind("grace", terms.grace().toMillis()).bind("credits", terms.creditPrice()).execute();
            handle.createUpdate("DELETE FROM plan_price WHERE plan_id = :plan").bind("plan", terms.planId()).execute();
            for (Money price : terms.prices().values()) {
                handle.createUpdate("INSERT INTO plan_price (plan_id, currency, amount) VALUES (:plan, :currency, :amount)")
                        .bind("plan", terms.planId()).bind("currency", price.currency())
                        .bind("amount", price.minorUnits()).execute();
            }
            return terms;
        });
    }

    @Override
    public Optional<PlanTerms> find(String planId) {
        return database.read(handle -> handle.createQuery("SELECT trial_ms, grace_ms, credit_price FROM plan_terms "
                        + "WHERE plan_id = :plan").bind("plan", planId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).findOne()
                .map(row -> {
                    Map<String, Money> prices = new TreeMap<>();
                    handle.createQuery("SELECT currency, amount FROM plan_price WHERE plan_id = :plan")
                            .bind("plan", planId).map((rs, ctx) -> Money.of(rs.getLong(2), rs.getString(1)))
                            .forEach(m -> prices.put(m.currency(), m));
                    return new PlanTerms(planId, prices, Duration.ofMillis(row[0]), Duration.ofMillis(row[1]), row[2]);
                }));
    }
}
