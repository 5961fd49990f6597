package headwater.domain.billing;

/** A guarded posting would have taken an account below its minimum; nothing was booked. */
public final class InsufficientBalanceException extends RuntimeException {

    private final String account;
    private final long balance;
    private final long needed;

    public InsufficientBalanceException(String account, String currency, long balance, long needed) {
        super("account " + account + " holds " + balance + " " + currency + " minor units: " + needed
                + " needed");
        this.account = account;
        this.balance = balance;
        this.needed = needed;
    }

    public String account() {
        return account;
    }

    public long balance() {
        return balance;
    }

    public long needed() {
        return needed;
    }
}
