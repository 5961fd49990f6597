package headwater.api;

import headwater.domain.identity.AccountStatus;
import java.util.ArrayList;
import java.util.List;

/** An account's new status: ACTIVE (enable) or DISABLED (disable, ending its web sessions). */
record AccountStatusBody(AccountStatus status) {

    AccountStatusBody checked() {
        List<FieldError> errors = new ArrayList<>();
        Bodies.required("status", status, errors);
        Bodies.check(errors);
        return this;
    }
}
