package headwater.api.identity;

import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.Role;
import headwater.domain.identity.TotpEnrolment;
import headwater.domain.identity.TotpSeed;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.security.password.PasswordPolicy;
import headwater.security.totp.TotpKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes operator accounts with a password that meets {@link PasswordPolicy#operators()}, normalised and hashed with
 * Argon2id: for {@code headwater admin create} and the first-run page. Blocking.
 */
public final class AccountSetup {

    private final AccountRepository accounts;
    private final PasswordCheck passwords;
    private final Clock clock;

    public AccountSetup(AccountRepository accounts, PasswordHasher hasher, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.passwords = new PasswordCheck(Objects.requireNonNull(hasher, "hasher"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why {@code password} may not be the password of {@code username}, or empty. */
    public static Optional<String> refusal(String username, String password) {
        return PasswordPolicy.operators().refusal(password, username);
    }

    /**
     * Creates an ADMIN account.
     *
     * @param onlyIfFirst store it only while no admin exists (the first-run page), atomically
     * @return the account, or empty when {@code onlyIfFirst} and an admin exists
     * @throws IllegalArgumentException the password breaks the policy (the message says which rule)
     * @throws headwater.domain.catalog.CatalogException the username is invalid or taken
     */
    public Optional<Account> createAdmin(String username, String password, boolean onlyIfFirst) {
        Account admin = Account.create(UUID.randomUUID().toString(), username, Role.ADMIN, null,
                hashFor(username, password), clock.instant());
        if (onlyIfFirst) {
            return accounts.createFirstAdmin(admin) ? Optional.of(admin) : Optional.empty();
        }
        return Optional.of(accounts.create(admin));
    }

    /**
     * Stores the first administrator, already enrolled with {@code key} whose code of {@code usedStep} proved it,
     * only while no administrator exists (atomically): the first-run page's last step.
     *
     * @return the account, or empty when an administrator exists
     */
    public Optional<Account> createFirstAdmin(String username, PasswordHash hash, TotpKey key, long usedStep) {
        Instant now = clock.instant();
        Account admin = new Account(UUID.randomUUID().toString(), username, Role.ADMIN, null, hash,
                AccountStatus.ACTIVE, new TotpEnrolment(new TotpSeed(key.bytes()), now, now), usedStep, now, now);
        return accounts.createFirstAdmin(admin) ? Optional.of(admin) : Optional.empty();
    }

    /**
     * The hash of {@code password} for {@code username}, after the checks {@link #createAdmin} makes.
     *
     * @throws IllegalArgumentException the password breaks the policy
     * @throws headwater.domain.catalog.CatalogException the username is invalid
     */
    public PasswordHash hashFor(String username, String password) {
        Account.checkUsername(username);
        Optional<String> refusal = refusal(username, password);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        return passwords.hash(PasswordPolicy.normalise(password));
    }

    public boolean adminExists() {
        return accounts.adminExists();
    }
}
