package headwater.api.identity;

import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.TotpEnrolment;
import headwater.security.password.PasswordPolicy;
import headwater.security.totp.RecoveryCodes;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an operator's or reseller's credentials: username, password and, once enrolled, a TOTP code or a recovery
 * code. Blocking (Argon2id, the database): call off the event loop.
 *
 * <p>Every refusal is the same {@link LoginOutcome.Refused}, whatever the reason (unknown user, wrong password,
 * disabled account, wrong or replayed code); the reason goes to the log and the audit trail. An unknown username
 * costs one Argon2id like a known one. A TOTP code is accepted once: its step is recorded atomically. A stored hash
 * made with weaker parameters than the current ones is replaced at a successful login.
 */
final class AccountLogin {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLogin.class);
    private static final String WHAT = "login";

    private final AccountRepository accounts;
    private final PasswordCheck passwords;
    private final LoginGate gate;
    private final SecurityAudit audit;
    private final Clock clock;

    AccountLogin(AccountRepository accounts, PasswordCheck passwords, LoginGate gate, SecurityAudit audit,
                 Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    LoginOutcome login(String username, String password, String code, String address) {
        Optional<LoginOutcome> throttled = gate.throttled(WHAT, username, address);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        if (!Credentials.plausible(username, password, code)) {
            return refuse(username, address, "username, password or code missing or too long");
        }
        Optional<Account> found = accounts.findByUsername(username);
        String normal = PasswordPolicy.normalise(password);
        boolean passwordMatches = passwords.matches(normal, found.map(Account::passwordHash).orElse(null));
        if (found.isEmpty()) {
            return refuse(username, address, "unknown username");
        }
        Account account = found.get();
        if (!passwordMatches) {
            return refuse(username, address, "wrong password");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            return refuse(username, address, "account " + account.id() + " is " + account.status());
        }
        Instant secondFactorAt = null;
        if (account.totpEnrolled()) {
            Optional<String> problem = secondFactor(account, code);
            if (problem.isPresent()) {
                return refuse(username, address, problem.get());
            }
            secondFactorAt = clock.instant();
        }
        gate.succeeded(username, address);
        if (passwords.needsRehash(account.passwordHash())) {
            accounts.changePassword(account.id(), passwords.hash(normal), account.passwordChangedAt());
            LOG.info("account {}: password hash upgraded to the current Argon2id parameters", account.id());
        }
        audit.account(account, address, "login", secondFactorAt == null ? "ok:totp-enrolment-pending" : "ok");
        return new LoginOutcome.Success(account.id(), secondFactorAt);
    }

    /** Why the code does not prove the second factor, or empty when it does (and is now used up). */
    private Optional<String> secondFactor(Account account, String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("TOTP code missing");
        }
        if (RecoveryCodes.hasShape(code)) {
            return accounts.useRecoveryCode(account.id(), RecoveryCodes.digest(code).hex()) ? Optional.empty()
                    : Optional.of("unknown or used recovery code");
        }
        return verifyTotp(accounts, account, code, clock.instant()) ? Optional.empty()
                : Optional.of("wrong or replayed TOTP code");
    }

    /** Whether {@code code} is the account's current TOTP code, unused so far; records its step when it is. */
    static boolean verifyTotp(AccountRepository accounts, Account account, String code, Instant now) {
        TotpEnrolment totp = account.totp();
        if (totp == null || code == null) {
            return false;
        }
        OptionalLong step = Totp.verify(TotpKey.of(totp.seed().bytes()), code, now, account.lastTotpStep());
        return step.isPresent() && accounts.useTotpStep(account.id(), step.getAsLong());
    }

    private LoginOutcome refuse(String username, String address, String reason) {
        return gate.refuse(WHAT, username, address, reason);
    }
}
