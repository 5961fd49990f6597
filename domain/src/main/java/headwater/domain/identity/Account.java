package headwater.domain.identity;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.PasswordHash;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An operator's or reseller's account. Subscribers are not accounts: they log in with their own credentials.
 *
 * @param id                stable id
 * @param username          what it logs in with: 1 to 64 ASCII letters, digits, '.', '_', '-' and '@', unique
 *                          regardless of case
 * @param role              {@link Role#ADMIN}, {@link Role#SUPPORT} or {@link Role#RESELLER}, never SUBSCRIBER
 * @param resellerId        the reseller a RESELLER account acts for; null for the others
 * @param passwordHash      Argon2id PHC string
 * @param status            whether it may log in
 * @param totp              its TOTP enrolment, or null
 * @param lastTotpStep      the time step of the last TOTP code accepted, or {@link Long#MIN_VALUE}: a code of that
 *                          step or an earlier one is never accepted again
 * @param passwordChangedAt when the password was last set
 * @param created           when the account was made
 */
public record Account(String id, String username, Role role, String resellerId, PasswordHash passwordHash,
                      AccountStatus status, TotpEnrolment totp, long lastTotpStep, Instant passwordChangedAt,
                      Instant created) {

    public static final int MAX_USERNAME_LENGTH = 64;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    public Account {
        Check.id("account", "id", id);
        checkUsername(username);
        Objects.requireNonNull(role, "role");
        if (role == Role.SUBSCRIBER) {
            throw new InvalidValueException("account", "role", "is SUBSCRIBER: subscribers log in as subscribers");
        }
        if (role == Role.RESELLER) {
            Check.id("account", "resellerId", resellerId);
        } else if (resellerId != null) {
            throw new InvalidValueException("account", "resellerId", "is set for a " + role + " account: only "
                    + "RESELLER accounts act for a reseller");
        }
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        Objects.requireNonNull(created, "created");
    }

    /** A new account: active, without TOTP. */
    public static Account create(String id, String username, Role role, String resellerId, PasswordHash passwordHash,
                                 Instant now) {
        return new Account(id, username, role, resellerId, passwordHash, AccountStatus.ACTIVE, null, Long.MIN_VALUE,
                now, now);
    }

    /** @throws InvalidValueException naming the rule broken */
    public static String checkUsername(String username) {
        if (username == null) {
            throw new InvalidValueException("account", "username", "is missing");
        }
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            throw new InvalidValueException("account", "username", "is " + username.length()
                    + " characters long: 1 to " + MAX_USERNAME_LENGTH + " allowed");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidValueException("account", "username", "must start with a letter or digit and contain "
                    + "only ASCII letters, digits, '.', '_', '-' and '@'");
        }
        return username;
    }

    /** The form usernames are unique in and looked up by: lower case. */
    public static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Whether the role needs a second factor to do anything but enrol one. */
    public boolean needsTotp() {
        return role == Role.ADMIN || role == Role.SUPPORT || role == Role.RESELLER;
    }

    /** Whether a confirmed TOTP enrolment exists. */
    public boolean totpEnrolled() {
        return totp != null && totp.confirmed();
    }
}
