package headwater.api;

import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a reseller may set on its own subscribers (mass assignment refused, 403 {@code privileged-field} naming each
 * field): not another owner, no packages of its own choosing (it sells plans), no more connections than the plan
 * allows (one without a plan), and only ACTIVE or DISABLED — banning, un-banning and expiry are the operator's.
 * A 403 rather than 422: the value is well-formed, the caller lacks the right to set it.
 */
final class ResellerFields {

    private static final Set<SubscriberStatus> SETTABLE = EnumSet.of(SubscriberStatus.ACTIVE,
            SubscriberStatus.DISABLED);

    private ResellerFields() {
    }

    /**
     * @param reseller the caller's reseller id
     * @param draft    what the body asks for, the owner as the body named it (OPERATOR when it named none)
     * @param current  the stored subscriber on update, null on create
     * @return the draft owned by {@code reseller}
     * @throws ApiException naming every field the reseller may not set
     */
    static SubscriberDraft check(String reseller, SubscriberDraft draft, Subscriber current, PlanRepository plans) {
        List<FieldError> errors = new ArrayList<>();
        Owner own = Owner.reseller(reseller);
        if (!draft.owner().isOperator() && !draft.owner().equals(own)) {
            errors.add(new FieldError("resellerId", "may only name your own reseller id"));
        }
        if (!draft.packageIds().isEmpty() && (current == null || !draft.packageIds().equals(current.packageIds()))) {
            errors.add(new FieldError("packageIds", "are chosen by the operator: give a planId"));
        }
        boolean unchanged = current != null && draft.status() == current.status();
        if (!unchanged && (!SETTABLE.contains(draft.status()) || current != null
                && !SETTABLE.contains(current.status()))) {
            errors.add(new FieldError("status", "may be ACTIVE or DISABLED, and not changed from BANNED or EXPIRED"));
        }
        int allowed = draft.planId() == null ? 1 : plans.find(draft.planId()).map(Plan::maxConnections).orElse(1);
        if (draft.maxConnections() > allowed && (current == null || draft.maxConnections() > current.maxConnections())) {
            errors.add(new FieldError("maxConnections", "is " + draft.maxConnections() + ": the plan allows "
                    + allowed));
        }
        if (!errors.isEmpty()) {
            StringBuilder detail = new StringBuilder("a reseller may not set ");
            errors.forEach(e -> detail.append(e.field()).append(e == errors.getLast() ? "" : ", "));
            throw new ApiException(ProblemType.PRIVILEGED_FIELD, detail.toString(), errors);
        }
        return new SubscriberDraft(draft.id(), draft.username(), draft.passwordHash(), draft.status(), draft.expiry(),
                draft.maxConnections(), draft.outputFormats(), draft.allowedNetworks(), draft.packageIds(),
                draft.planId(), draft.notes(), own);
    }
}
