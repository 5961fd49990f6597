package headwater.domain.identity;

import headwater.domain.subscriber.PasswordHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored accounts and their recovery codes (digests only). Failures are
 * {@link headwater.domain.catalog.CatalogException}s. TOTP seeds are sealed by the store before they are written.
 */
public interface AccountRepository {

    /** @throws headwater.domain.catalog.DuplicateKeyException the id or the username (in any case) is taken */
    Account create(Account account);

    /**
     * Stores {@code admin} only if no ADMIN account exists, atomically: of two first-run setups racing, one wins.
     *
     * @return whether it was stored
     */
    boolean createFirstAdmin(Account admin);

    Optional<Account> find(String id);

    /** By username, regardless of case. */
    Optional<Account> findByUsername(String username);

    List<Account> list();

    /** Whether any ADMIN account exists (active or not). */
    boolean adminExists();

    /** @return whether the account existed */
    boolean changePassword(String id, PasswordHash hash, Instant at);

    /**
     * Gives the account another role, and the reseller it acts for (non-null iff {@code role} is RESELLER).
     *
     * @return whether the account existed
     * @throws LastAdminException the account is the last active ADMIN and {@code role} is not ADMIN; checked and
     *                            changed as one step, so that two admins demoting each other at once cannot leave none
     */
    boolean changeRole(String id, Role role, String resellerId);

    /**
     * @return whether the account existed
     * @throws LastAdminException the account is the last active ADMIN and {@code status} is not ACTIVE; checked and
     *                            changed as one step, as {@link #changeRole}
     */
    boolean changeStatus(String id, AccountStatus status);

    /** Replaces the enrolment (null removes it, and with it the recovery codes). */
    boolean changeTotp(String id, TotpEnrolment enrolment);

    /**
     * Records that a TOTP code of {@code step} was accepted, only if it is later than the last recorded step,
     * atomically: of two requests racing with the same code, one wins.
     *
     * @return whether it was recorded (false: that step or a later one was used already)
     */
    boolean useTotpStep(String id, long step);

    /** Replaces the account's recovery codes with these SHA-256 digests (hex). */
    void replaceRecoveryCodes(String id, List<String> digests);

    /**
     * Removes the recovery code with this digest, atomically.
     *
     * @return whether it existed (false: unknown or used already)
     */
    boolean useRecoveryCode(String id, String digest);

    int recoveryCodesLeft(String id);

    /** @return whether it existed */
    boolean delete(String id);
}
