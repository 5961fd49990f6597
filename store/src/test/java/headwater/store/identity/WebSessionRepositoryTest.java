package headwater.store.identity;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.identity.Account;
import headwater.domain.identity.Role;
import headwater.domain.identity.SessionOwner;
import headwater.domain.identity.WebSession;
import headwater.domain.subscriber.PasswordHash;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Duration;
import java.time.Instant;

class WebSessionRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final SessionOwner ALICE = SessionOwner.account("a1");

    private static JdbiWebSessionRepository sessions(TestStore store) {
        return new JdbiWebSessionRepository(store.database());
    }

    private static void alice(TestStore store) {
        new JdbiAccountRepository(store.database(), new TestFieldCipher())
                .create(Account.create("a1", "alice", Role.ADMIN, null, HASH, NOW));
    }

    private static WebSession session(String digit, Instant created) {
        return new WebSession(digit.repeat(64), ALICE, "csrf-" + digit, created, created,
                created.plus(Duration.ofHours(1)), null, "192.0.2.1", "Mozilla/5.0");
    }

    @EachDatabase
    void a_session_is_found_by_its_digest_until_it_expires(TestStore store) {
        alice(store);
        WebSession session = session("a", NOW);
        sessions(store).create(session);

        assertThat(sessions(store).find("a".repeat(64), NOW)).hasValue(session);
        assertThat(sessions(store).find("a".repeat(64), NOW.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(sessions(store).find("b".repeat(64), NOW)).isEmpty();
    }

    @EachDatabase
    void touch_moves_forward_and_second_factor_is_recorded(TestStore store) {
        alice(store);
        sessions(store).create(session("a", NOW));
        Instant later = NOW.plusSeconds(600);

        sessions(store).touch("a".repeat(64), later, later.plus(Duration.ofHours(1)));
        sessions(store).touch("a".repeat(64), NOW.plusSeconds(1), NOW.plusSeconds(2));
        assertThat(sessions(store).proveSecondFactor("a".repeat(64), later)).isTrue();

        WebSession found = sessions(store).find("a".repeat(64), later).orElseThrow();
        assertThat(found.lastSeen()).isEqualTo(later);
        assertThat(found.expires()).isEqualTo(later.plus(Duration.ofHours(1)));
        assertThat(found.secondFactorAt()).isEqualTo(later);
    }

    @EachDatabase
    void all_sessions_of_an_owner_end_at_once_or_all_but_one(TestStore store) {
        alice(store);
        sessions(store).create(session("a", NOW));
        sessions(store).create(session("b", NOW.plusSeconds(1)));
        sessions(store).create(session("c", NOW.plusSeconds(2)));

        assertThat(sessions(store).listOf(ALICE, NOW)).extracting(WebSession::csrfToken)
                .containsExactly("csrf-c", "csrf-b", "csrf-a");
        assertThat(sessions(store).deleteAllOf(ALICE, "b".repeat(64))).isEqualTo(2);
        assertThat(sessions(store).listOf(ALICE, NOW)).extracting(WebSession::csrfToken).containsExactly("csrf-b");
        assertThat(sessions(store).deleteAllOf(ALICE, null)).isEqualTo(1);
        assertThat(sessions(store).listOf(ALICE, NOW)).isEmpty();
    }

    @EachDatabase
    void deleting_the_account_ends_its_sessions_and_expired_ones_are_purged(TestStore store) {
        alice(store);
        sessions(store).create(session("a", NOW));
        sessions(store).create(session("b", NOW.minus(Duration.ofHours(2))));

        assertThat(sessions(store).purgeExpired(NOW)).isEqualTo(1);
        new JdbiAccountRepository(store.database(), new TestFieldCipher()).delete("a1");
        assertThat(sessions(store).find("a".repeat(64), NOW)).isEmpty();
        assertThat(sessions(store).delete("a".repeat(64))).isFalse();
    }
}
