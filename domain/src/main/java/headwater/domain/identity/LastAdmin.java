package headwater.domain.identity;

/**
 * The rule that keeps a server administrable: the last active ADMIN account may be neither demoted nor disabled,
 * whether from the API or the command line. {@link AccountRepository#changeRole} and
 * {@link AccountRepository#changeStatus} enforce it atomically and throw {@link LastAdminException}.
 */
public final class LastAdmin {

    private LastAdmin() {
    }

    /** Why {@code account} may not be {@code change} (such as "disabled"). */
    public static String refusal(Account account, String change) {
        return "account " + account.username() + " is the last active ADMIN and may not be " + change
                + ": make or enable another admin first";
    }
}
