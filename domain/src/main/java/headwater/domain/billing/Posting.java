package headwater.domain.billing;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.util.Objects;

/**
 * One line of a journal entry: an amount debited (positive) or credited (negative) to one account.
 *
 * @param amount signed: debit positive, credit negative; never zero
 */
public record Posting(LedgerAccount account, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.minorUnits() == 0) {
            throw new InvalidValueException("posting", "amount", "to " + account.code() + " is 0: a posting moves money");
        }
    }

    public static Posting debit(LedgerAccount account, Money amount) {
        return new Posting(account, positive(account, amount));
    }

    public static Posting credit(LedgerAccount account, Money amount) {
        return new Posting(account, Money.of(Math.negateExact(positive(account, amount).minorUnits()),
                amount.currency()));
    }

    private static Money positive(LedgerAccount account, Money amount) {
        if (amount.minorUnits() <= 0) {
            throw new InvalidValueException("posting", "amount", "to " + account.code() + " is " + amount
                    + ": debits and credits are given as positive amounts");
        }
        return amount;
    }

    public boolean isDebit() {
        return amount.minorUnits() > 0;
    }
}
