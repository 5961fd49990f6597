package headwater.domain.identity;

/**
 * A change refused because it would leave no active ADMIN account ({@link LastAdmin}): the message names the account
 * and the change.
 */
public final class LastAdminException extends IllegalStateException {

    public LastAdminException(Account account, String change) {
        super(LastAdmin.refusal(account, change));
    }
}
