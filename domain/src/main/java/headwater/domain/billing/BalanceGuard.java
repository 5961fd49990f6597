package headwater.domain.billing;

import java.util.Objects;

/**
 * A condition checked inside the same transaction as a posting: the account's normal balance after the entry must stay
 * at or above {@code minimum}. A reseller's credits are guarded so that concurrent spends never drive them negative.
 */
public record BalanceGuard(LedgerAccount account, String currency, long minimum) {

    public BalanceGuard {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
    }

    public static BalanceGuard nonNegative(LedgerAccount account, String currency) {
        return new BalanceGuard(account, currency, 0);
    }
}
