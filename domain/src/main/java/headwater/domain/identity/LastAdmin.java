package headwater.domain.identity;

import java.util.List;

/**
 * The rule that keeps a server administrable: the last active ADMIN account may be neither demoted nor disabled,
 * whether from the API or the command line.
 */
public final class LastAdmin {

    private LastAdmin() {
    }

    /** Whether {@code account} is the only active ADMIN among {@code all}. */
    public static boolean is(Account account, List<Account> all) {
        if (account.role() != Role.ADMIN || account.status() != AccountStatus.ACTIVE) {
            return false;
        }
        return all.stream().noneMatch(a -> a.role() == Role.ADMIN && a.status() == AccountStatus.ACTIVE
                && !a.id().equals(account.id()));
    }

    /** Why {@code account} may not be {@code change} (such as "disabled"). */
    public static String refusal(Account account, String change) {
        return "account " + account.username() + " is the last active ADMIN and may not be " + change
                + ": make or enable another admin first";
    }
}
