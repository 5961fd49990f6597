package headwater.app.demo;

import headwater.api.identity.AccountSetup;
import headwater.api.identity.TotpEnrolments;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.subscriber.PasswordHasher;
import java.time.Clock;
import java.util.Optional;

/**
 * The demo's administrator {@value #USERNAME}, made at the first demo start with a generated password and TOTP
 * enrolled, both shown once (the demo may print generated credentials; there are still no default ones).
 *
 * @param account     the administrator
 * @param newPassword the password made now, or empty when the account existed
 * @param totpKey     the TOTP manual key made now, or empty when the account existed
 */
public record DemoAdmin(Account account, Optional<String> newPassword, Optional<String> totpKey) {

    public static final String USERNAME = "admin";

    /** Makes the administrator unless it exists. Blocking. */
    public static DemoAdmin ensure(AccountRepository accounts, PasswordHasher hasher, Clock clock) {
        Optional<Account> existing = accounts.findByUsername(USERNAME);
        if (existing.isPresent()) {
            return new DemoAdmin(existing.get(), Optional.empty(), Optional.empty());
        }
        String password = DemoAccount.password();
        while (AccountSetup.refusal(USERNAME, password).isPresent()) {
            password = DemoAccount.password();
        }
        Account admin = new AccountSetup(accounts, hasher, clock).createAdmin(USERNAME, password, false).orElseThrow();
        TotpEnrolments enrolments = new TotpEnrolments(accounts, "Headwater demo", clock);
        String key = enrolments.start(admin).manualKey();
        enrolments.confirmWithoutCode(admin.id());
        return new DemoAdmin(accounts.find(admin.id()).orElseThrow(), Optional.of(password), Optional.of(key));
    }

    @Override
    public String toString() {
        return "DemoAdmin[" + account.username() + "]";
    }
}
