package headwater.domain.billing;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;

/**
 * An account of the ledger, named by its code: {@code revenue}, {@code tax}, {@code clearing:stripe},
 * {@code clearing:manual}, {@code receivable:<subscriber>}, {@code credits:<reseller>}.
 *
 * @param code the account's name in the ledger, unique
 * @param type what kind of account it is, which decides the sign of its balance
 */
public record LedgerAccount(String code, AccountType type) {

    public static final LedgerAccount REVENUE = new LedgerAccount("revenue", AccountType.INCOME);
    public static final LedgerAccount TAX = new LedgerAccount("tax", AccountType.LIABILITY);
    /** What resellers paid for credits they have not spent yet: the service is still owed to them. */
    public static final LedgerAccount UNEARNED_CREDITS = new LedgerAccount("unearned-credits", AccountType.LIABILITY);

    /**
     * Reseller credits are counted in the ISO 4217 code for "no currency", so that they have their own books beside
     * money: credits issued to resellers are a liability towards them until spent.
     */
    public static final String CREDITS = "XXX";
    /** The other side of credits given to resellers (bought or granted). */
    public static final LedgerAccount CREDITS_ISSUED = new LedgerAccount("credits-issued", AccountType.EQUITY);
    /** Credits resellers spent on subscriptions. */
    public static final LedgerAccount CREDITS_SPENT = new LedgerAccount("credits-spent", AccountType.INCOME);

    public LedgerAccount {
        if (code == null || code.isBlank() || code.length() > 120 || !code.matches("[a-z-]+(:[A-Za-z0-9._-]+)?")) {
            throw new InvalidValueException("ledger account", "code", "\"" + code
                    + "\" is not an account code such as revenue or receivable:alice");
        }
        if (type == null) {
            throw new InvalidValueException("ledger account", "type", "is missing");
        }
    }

    /** Money a gateway holds for us until it pays out: {@code clearing:stripe}, {@code clearing:manual}. */
    public static LedgerAccount clearing(String gateway) {
        return new LedgerAccount("clearing:" + Check.id("ledger account", "gateway", gateway), AccountType.ASSET);
    }

    /** The credits a reseller holds, in {@link #CREDITS}. */
    public static LedgerAccount credits(String resellerId) {
        return new LedgerAccount("credits:" + Check.id("ledger account", "resellerId", resellerId),
                AccountType.LIABILITY);
    }

    /** What a subscriber owes (positive) or has paid in advance (negative). */
    public static LedgerAccount receivable(String subscriberId) {
        return new LedgerAccount("receivable:" + Check.id("ledger account", "subscriberId", subscriberId),
                AccountType.ASSET);
    }
}
