package headwater.domain.billing;

/**
 * The five kinds of ledger account of double-entry bookkeeping. Assets grow with debits; liabilities, equity and
 * income grow with credits; expenses with debits.
 */
public enum AccountType {
    ASSET(true),
    LIABILITY(false),
    EQUITY(false),
    INCOME(false),
    EXPENSE(true);

    private final boolean debitNormal;

    AccountType(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /** Whether a debit increases an account of this type. */
    public boolean debitNormal() {
        return debitNormal;
    }
}
