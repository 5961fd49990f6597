package headwater.api;

import java.util.ArrayList;
import java.util.List;

/** Another account's new password, set by an admin (a reset), checked against the operators' password policy. */
record AccountPasswordBody(String password) {

    AccountPasswordBody checked() {
        List<FieldError> errors = new ArrayList<>();
        Bodies.required("password", password, errors);
        Bodies.check(errors);
        return this;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "AccountPasswordBody[redacted]";
    }
}
