package headwater.domain.billing;

import java.util.Optional;

/** The billing terms of plans: prices per currency, trial, grace, credit price. */
public interface PlanTermsRepository {

    /**
     * Stores or replaces the terms of an existing plan.
     *
     * @throws headwater.domain.catalog.UnknownReferenceException the plan does not exist
     */
    PlanTerms put(PlanTerms terms);

    Optional<PlanTerms> find(String planId);
}
