package headwater.domain.subscriber;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a reseller's credit balance, as recorded: the ledger that explains the balance.
 *
 * @param version      the reseller's version the movement produced: orders a reseller's movements, unique per reseller
 * @param delta        credits added (positive) or spent (negative); never 0
 * @param reason       why, in the operator's words ("renewal of bob for 1 month")
 * @param balanceAfter the balance right after the movement
 */
public record CreditMovement(String resellerId, long version, long delta, String reason, Instant at, long balanceAfter) {

    public static final int MAX_REASON_LENGTH = 200;

    public CreditMovement {
        Check.id("credit movement", "resellerId", resellerId);
        if (delta == 0) {
            throw new InvalidValueException("credit movement", "delta", "is 0: a movement changes the balance");
        }
        checkReason(reason);
        Objects.requireNonNull(at, "at");
        if (balanceAfter < 0) {
            throw new InvalidValueException("credit movement", "balanceAfter", "is " + balanceAfter
                    + ": balances are never negative");
        }
    }

    /** The rule for the reason of a movement: not blank, at most {@value #MAX_REASON_LENGTH} characters. */
    public static String checkReason(String reason) {
        return Check.text("credit movement", "reason", reason, MAX_REASON_LENGTH);
    }
}
