package headwater.api.identity;

import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.TotpEnrolment;
import headwater.domain.identity.TotpSeed;
import headwater.security.totp.OtpauthUri;
import headwater.security.totp.QrSvg;
import headwater.security.totp.RecoveryCodes;
import headwater.security.totp.TotpKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TOTP enrolment of an account, for the web, the command line and the first-run page alike: a new key is stored as a
 * pending enrolment and shown once (otpauth URI, manual key, QR code); the first code read from the app confirms it
 * and makes the {@value RecoveryCodes#COUNT} recovery codes, shown once and stored as digests. Blocking.
 */
public final class TotpEnrolments {

    private final AccountRepository accounts;
    private final String issuer;
    private final Clock clock;

    public TotpEnrolments(AccountRepository accounts, String issuer, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a new pending key for {@code account} (replacing a pending one) and returns what to show. */
    public Started start(Account account) {
        if (account.totpEnrolled()) {
            throw new IllegalStateException("account " + account.id() + " has TOTP already: disable it first");
        }
        TotpKey key = TotpKey.generate();
        accounts.changeTotp(account.id(), new TotpEnrolment(new TotpSeed(key.bytes()), clock.instant(), null));
        String uri = OtpauthUri.of(issuer, account.username(), key);
        return new Started(uri, key.grouped(), QrSvg.of(uri));
    }

    /**
     * Confirms the pending enrolment with the app's first code (which is then used up).
     *
     * @return the recovery codes, or empty when there is no pending enrolment or the code is wrong
     */
    public Optional<List<String>> confirm(String accountId, String code) {
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty() || account.get().totp() == null || account.get().totpEnrolled()
                || !AccountLogin.verifyTotp(accounts, account.get(), code, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(activate(account.get()));
    }

    /**
     * Confirms the pending enrolment without a code: for the command line's non-interactive form, whose operator
     * received the key in a file.
     */
    public List<String> confirmWithoutCode(String accountId) {
        Account account = accounts.find(accountId).orElseThrow(() -> new IllegalStateException("account "
                + accountId + " does not exist"));
        if (account.totp() == null) {
            throw new IllegalStateException("account " + accountId + " has no pending TOTP enrolment");
        }
        return activate(account);
    }

    /** Removes the enrolment and the recovery codes. */
    public void remove(String accountId) {
        accounts.changeTotp(accountId, null);
    }

    private List<String> activate(Account account) {
        accounts.changeTotp(account.id(), new TotpEnrolment(account.totp().seed(), account.totp().started(),
                clock.instant()));
        return newRecoveryCodes(account);
    }

    /** New recovery codes for {@code account}, replacing any it had: shown once, stored as digests. */
    public List<String> newRecoveryCodes(Account account) {
        List<String> codes = RecoveryCodes.generate();
        accounts.replaceRecoveryCodes(account.id(), codes.stream().map(c -> RecoveryCodes.digest(c).hex()).toList());
        return codes;
    }

    /**
     * A pending enrolment, shown once.
     *
     * @param otpauthUri for the QR code
     * @param manualKey  the key in Base32 groups of four, for typing
     * @param qrSvg      the URI's QR code as SVG
     */
    public record Started(String otpauthUri, String manualKey, String qrSvg) {
        @Override
        public String toString() {
            return "Started[***]";
        }
    }
}
