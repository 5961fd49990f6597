package headwater.domain.billing;

import headwater.domain.subscriber.Money;
import java.util.List;

/**
 * The book of every movement of money. Posting is atomic and idempotent by reference: the same reference posted twice
 * (a webhook delivered twice, even at the same moment) is booked once.
 */
public interface Ledger {

    /** What {@link #post} did. */
    enum Outcome { POSTED, DUPLICATE }

    /**
     * Books the entry, unless an entry with its reference exists.
     *
     * @throws InsufficientBalanceException a guarded account would fall below zero; nothing is booked
     */
    Outcome post(JournalEntry entry, List<BalanceGuard> guards);

    default Outcome post(JournalEntry entry) {
        return post(entry, List.of());
    }

    /** The balance of an account in its normal direction (an asset's debits less credits, a liability's the reverse). */
    Money balance(LedgerAccount account, String currency);

    /** Every entry that touched the account, oldest first. */
    List<JournalEntry> entries(LedgerAccount account);

    /** Recomputes the books from the postings and compares with the kept balances. */
    TrialBalance trialBalance();
}
