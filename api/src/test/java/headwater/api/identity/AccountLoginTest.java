package headwater.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.domain.audit.AuditEvent;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.identity.JdbiAccountRepository;
import headwater.store.identity.TestFieldCipher;
import headwater.testkit.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unknown users cost what known ones cost: one Argon2id verification each (counted, not timed), against a decoy hash;
 * and every refusal is the same outcome whatever its reason, which goes to the audit trail only.
 */
class AccountLoginTest {

    @EachDatabase
    void an_unknown_user_costs_one_argon2id_like_a_wrong_password(TestStore store) {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-21T20:00:00Z"));
        JdbiAccountRepository accounts = new JdbiAccountRepository(store.database(), new TestFieldCipher());
        new AccountSetup(accounts, new Argon2PasswordHasher(), clock)
                .createAdmin("root", "a long and unusual passphrase", false);
        CountingHasher hasher = new CountingHasher(new Argon2PasswordHasher());
        List<AuditEvent> audit = new ArrayList<>();
        SecurityAudit trail = new SecurityAudit(audit::add, clock);
        AccountLogin login = new AccountLogin(accounts, new PasswordCheck(hasher),
                new LoginGate(new LoginThrottle(clock), trail), trail, clock);

        LoginOutcome unknown = login.login("nobody", "a long and unusual passphrase", "123456", "192.0.2.1");
        int afterUnknown = hasher.verifications.get();
        LoginOutcome wrong = login.login("root", "not the passphrase", "123456", "192.0.2.2");
        int afterWrong = hasher.verifications.get() - afterUnknown;

        assertThat(unknown).isEqualTo(wrong).isEqualTo(new LoginOutcome.Refused());
        assertThat(afterUnknown).isEqualTo(1);
        assertThat(afterWrong).isEqualTo(1);
        assertThat(audit).extracting(AuditEvent::outcome)
                .containsExactly("refused:unknown username", "refused:wrong password");
        assertThat(audit).allMatch(e -> e.actorKind().equals("anonymous") && e.action().equals("login.failed"));
    }

    /** Counts verifications. */
    private static final class CountingHasher implements PasswordHasher {
        private final PasswordHasher inner;
        private final AtomicInteger verifications = new AtomicInteger();

        CountingHasher(PasswordHasher inner) {
            this.inner = inner;
        }

        @Override
        public PasswordHash hash(char[] password) {
            return inner.hash(password);
        }

        @Override
        public boolean verify(char[] password, PasswordHash hash) {
            verifications.incrementAndGet();
            return inner.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return inner.needsRehash(hash);
        }
    }
}
