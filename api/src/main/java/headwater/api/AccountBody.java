package headwater.api;

import headwater.domain.identity.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A new account as an admin asks for it. Anything else in the body (an id, a status, a TOTP seed) is refused as an
 * unknown field.
 *
 * @param role       ADMIN, SUPPORT or RESELLER
 * @param resellerId the reseller a RESELLER account acts for (must exist); absent for the other roles
 * @param password   its first password, checked against the operators' password policy
 */
record AccountBody(String username, Role role, String resellerId, String password) {

    /** @throws ApiException naming each missing field */
    AccountBody checked() {
        List<FieldError> errors = new ArrayList<>();
        Bodies.required("username", username, errors);
        Bodies.required("role", role, errors);
        Bodies.required("password", password, errors);
        Bodies.check(errors);
        AccountRoleBody.checkReseller(role, resellerId);
        return this;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "AccountBody[" + username + ", " + role + ", " + resellerId + "]";
    }
}
