package headwater.api;

import java.util.ArrayList;
import java.util.List;

/** Credits to add to or take from a reseller's balance, and why. */
record CreditBody(Long amount, String reason) {

    long checkedAmount() {
        List<FieldError> missing = new ArrayList<>();
        Bodies.required("amount", amount, missing);
        Bodies.required("reason", reason, missing);
        Bodies.check(missing);
        return amount;
    }
}
