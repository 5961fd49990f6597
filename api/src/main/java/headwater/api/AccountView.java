package headwater.api;

import headwater.domain.identity.Account;

/**
 * An operator's or reseller's account as the API lists it: never its password hash, TOTP seed or recovery codes.
 *
 * @param resellerId   the reseller a RESELLER account acts for, else null
 * @param status       ACTIVE or DISABLED
 * @param totpEnrolled whether its second factor is enrolled (false: it must enrol at its next login)
 * @param created      ISO-8601 UTC
 */
record AccountView(String id, String username, String role, String resellerId, String status, boolean totpEnrolled,
                   String created) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.username(), account.role().name(), account.resellerId(),
                account.status().name(), account.totpEnrolled(), account.created().toString());
    }
}
