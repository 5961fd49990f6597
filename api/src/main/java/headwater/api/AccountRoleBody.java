package headwater.api;

import headwater.domain.identity.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's new role.
 *
 * @param resellerId required iff {@code role} is RESELLER
 */
record AccountRoleBody(Role role, String resellerId) {

    /** @throws ApiException the role is missing or SUBSCRIBER, or the reseller does not fit the role */
    AccountRoleBody checked() {
        List<FieldError> errors = new ArrayList<>();
        Bodies.required("role", role, errors);
        Bodies.check(errors);
        checkReseller(role, resellerId);
        return this;
    }

    static void checkReseller(Role role, String resellerId) {
        if (role == Role.SUBSCRIBER) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "role",
                    "is SUBSCRIBER: one of ADMIN, SUPPORT, RESELLER (subscribers are not accounts)");
        }
        if (role == Role.RESELLER && (resellerId == null || resellerId.isBlank())) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "resellerId",
                    "is missing: a RESELLER account acts for one reseller");
        }
        if (role != Role.RESELLER && resellerId != null) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "resellerId",
                    "is set for a " + role + " account: only RESELLER accounts act for a reseller");
        }
    }
}
