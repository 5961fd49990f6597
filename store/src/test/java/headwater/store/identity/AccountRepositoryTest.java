package headwater.store.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.LastAdminException;
import headwater.domain.identity.Role;
import headwater.domain.identity.TotpEnrolment;
import headwater.domain.identity.TotpSeed;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.ResellerDraft;
import headwater.store.EachDatabase;
import headwater.store.Racing;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiResellerRepository;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

class AccountRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final byte[] SEED = HexFormat.of().parseHex("3132333435363738393031323334353637383930");

    private final TestFieldCipher cipher = new TestFieldCipher();

    private JdbiAccountRepository accounts(TestStore store) {
        return new JdbiAccountRepository(store.database(), cipher);
    }

    private static Account admin(String id, String username) {
        return Account.create(id, username, Role.ADMIN, null, HASH, NOW);
    }

    @EachDatabase
    void stores_and_reads_back_an_account_with_a_sealed_totp_seed(TestStore store) {
        TotpEnrolment totp = new TotpEnrolment(new TotpSeed(SEED), NOW, NOW.plusSeconds(5));
        Account account = new Account("a1", "Alice", Role.SUPPORT, null, HASH, AccountStatus.ACTIVE, totp, 42,
                NOW, NOW);

        accounts(store).create(account);

        assertThat(accounts(store).find("a1")).hasValue(account);
        assertThat(accounts(store).findByUsername("alice")).hasValue(account);
        assertThat(accounts(store).findByUsername("ALICE")).hasValue(account);
        String stored = store.database().read(h -> h.createQuery("SELECT totp_seed FROM account").mapTo(String.class)
                .one());
        assertThat(stored).startsWith("test:").doesNotContain(HexFormat.of().formatHex(SEED))
                .doesNotContain("12345678901234567890");
    }

    @EachDatabase
    void a_username_is_unique_regardless_of_case(TestStore store) {
        accounts(store).create(admin("a1", "alice"));

        assertThatThrownBy(() -> accounts(store).create(admin("a2", "ALICE")))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> accounts(store).create(admin("a1", "bob")))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("id");
        assertThat(accounts(store).list()).extracting(Account::id).containsExactly("a1");
    }

    @EachDatabase
    void a_reseller_account_needs_an_existing_reseller(TestStore store) {
        assertThatThrownBy(() -> accounts(store).create(Account.create("r1", "shop", Role.RESELLER, "nobody", HASH,
                NOW))).isInstanceOf(UnknownReferenceException.class);
        new JdbiResellerRepository(store.database(), TestStore.CLOCK)
                .create(new ResellerDraft("shop-1", "Shop"));

        Account reseller = accounts(store).create(Account.create("r1", "shop", Role.RESELLER, "shop-1", HASH, NOW));

        assertThat(accounts(store).find("r1")).hasValue(reseller);
    }

    @EachDatabase
    void the_first_admin_is_stored_once_even_when_setups_race(TestStore store) throws Exception {
        JdbiAccountRepository accounts = accounts(store);
        assertThat(accounts.adminExists()).isFalse();
        int stored = Racing.winners(4, i -> () -> accounts.createFirstAdmin(admin("admin" + i, "admin" + i)));

        assertThat(stored).isEqualTo(1);
        assertThat(accounts.adminExists()).isTrue();
        assertThat(accounts.createFirstAdmin(admin("late", "late"))).isFalse();
    }

    @EachDatabase
    void a_totp_step_is_used_once_and_only_forward(TestStore store) {
        accounts(store).create(admin("a1", "alice"));

        assertThat(accounts(store).useTotpStep("a1", 100)).isTrue();
        assertThat(accounts(store).useTotpStep("a1", 100)).isFalse();
        assertThat(accounts(store).useTotpStep("a1", 99)).isFalse();
        assertThat(accounts(store).useTotpStep("a1", 101)).isTrue();
        assertThat(accounts(store).find("a1").orElseThrow().lastTotpStep()).isEqualTo(101);
    }

    @EachDatabase
    void recovery_codes_are_single_use_and_go_with_the_enrolment(TestStore store) {
        accounts(store).create(admin("a1", "alice"));
        accounts(store).changeTotp("a1", new TotpEnrolment(new TotpSeed(SEED), NOW, NOW));
        accounts(store).replaceRecoveryCodes("a1", List.of("a".repeat(64), "b".repeat(64)));

        assertThat(accounts(store).useRecoveryCode("a1", "a".repeat(64))).isTrue();
        assertThat(accounts(store).useRecoveryCode("a1", "a".repeat(64))).isFalse();
        assertThat(accounts(store).useRecoveryCode("a1", "' OR 1=1 --")).isFalse();
        assertThat(accounts(store).recoveryCodesLeft("a1")).isEqualTo(1);

        accounts(store).changeTotp("a1", null);

        assertThat(accounts(store).recoveryCodesLeft("a1")).isZero();
        assertThat(accounts(store).find("a1").orElseThrow().totp()).isNull();
    }

    @EachDatabase
    void a_role_change_sets_the_reseller_with_it(TestStore store) {
        new JdbiResellerRepository(store.database(), TestStore.CLOCK).create(new ResellerDraft("shop-1", "Shop"));
        accounts(store).create(Account.create("a1", "bob", Role.SUPPORT, null, HASH, NOW));

        assertThat(accounts(store).changeRole("a1", Role.RESELLER, "shop-1")).isTrue();
        assertThat(accounts(store).find("a1").orElseThrow()).extracting(Account::role, Account::resellerId)
                .containsExactly(Role.RESELLER, "shop-1");
        assertThat(accounts(store).changeRole("a1", Role.ADMIN, null)).isTrue();
        assertThat(accounts(store).find("a1").orElseThrow()).extracting(Account::role, Account::resellerId)
                .containsExactly(Role.ADMIN, null);
        assertThat(accounts(store).changeRole("nobody", Role.SUPPORT, null)).isFalse();
    }

    @EachDatabase
    void password_and_status_change(TestStore store) {
        accounts(store).create(admin("a1", "alice"));
        accounts(store).create(admin("a2", "bob")); // so that alice is not the last active admin
        PasswordHash other = new PasswordHash(HASH.phc().replace("m=19456", "m=65536"));

        assertThat(accounts(store).changePassword("a1", other, NOW.plusSeconds(60))).isTrue();
        assertThat(accounts(store).changeStatus("a1", AccountStatus.DISABLED)).isTrue();
        assertThat(accounts(store).changePassword("nobody", other, NOW)).isFalse();

        Account changed = accounts(store).find("a1").orElseThrow();
        assertThat(changed.passwordHash()).isEqualTo(other);
        assertThat(changed.passwordChangedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(changed.status()).isEqualTo(AccountStatus.DISABLED);
        assertThat(accounts(store).delete("a1")).isTrue();
        assertThat(accounts(store).find("a1")).isEmpty();
    }

    @EachDatabase
    void the_last_active_admin_is_neither_demoted_nor_disabled(TestStore store) {
        accounts(store).create(admin("a1", "alice"));
        accounts(store).create(Account.create("s1", "sam", Role.SUPPORT, null, HASH, NOW));

        assertThatThrownBy(() -> accounts(store).changeRole("a1", Role.SUPPORT, null))
                .isInstanceOf(LastAdminException.class).hasMessageContaining("alice").hasMessageContaining("demoted");
        assertThatThrownBy(() -> accounts(store).changeStatus("a1", AccountStatus.DISABLED))
                .isInstanceOf(LastAdminException.class).hasMessageContaining("disabled");
        assertThat(accounts(store).find("a1").orElseThrow()).extracting(Account::role, Account::status)
                .containsExactly(Role.ADMIN, AccountStatus.ACTIVE);

        assertThat(accounts(store).changeRole("s1", Role.ADMIN, null)).isTrue();
        assertThat(accounts(store).changeStatus("a1", AccountStatus.DISABLED)).as("another admin is active").isTrue();
        assertThatThrownBy(() -> accounts(store).changeRole("s1", Role.SUPPORT, null))
                .as("a disabled admin does not count").isInstanceOf(LastAdminException.class);
        assertThat(accounts(store).changeStatus("s1", AccountStatus.ACTIVE)).as("activating is never refused")
                .isTrue();
    }

    @EachDatabase
    void admins_demoting_and_disabling_each_other_at_once_leave_one_active_admin(TestStore store) throws Exception {
        JdbiAccountRepository accounts = accounts(store);
        for (int round = 0; round < 10; round++) {
            String a = "a" + round;
            String b = "b" + round;
            accounts.create(admin(a, "alice" + round));
            accounts.create(admin(b, "bob" + round));
            for (Account other : accounts.list()) {
                if (!other.id().equals(a) && !other.id().equals(b) && other.status() == AccountStatus.ACTIVE) {
                    accounts.changeStatus(other.id(), AccountStatus.DISABLED); // the earlier rounds' survivor
                }
            }
            boolean disable = round % 2 == 0;
            int changed = Racing.winners(2, i -> () -> {
                String id = i == 0 ? a : b;
                try {
                    return disable ? accounts.changeStatus(id, AccountStatus.DISABLED)
                            : accounts.changeRole(id, Role.SUPPORT, null);
                } catch (LastAdminException e) {
                    return false;
                }
            });

            assertThat(changed).as("round %d: one of the two racing changes went through", round).isEqualTo(1);
            assertThat(accounts.list()).as("round %d", round)
                    .filteredOn(x -> x.role() == Role.ADMIN && x.status() == AccountStatus.ACTIVE).hasSize(1);
        }
    }

    @EachDatabase
    void injection_in_a_username_is_only_data(TestStore store) {
        accounts(store).create(admin("a1", "alice"));

        assertThat(accounts(store).findByUsername("alice' OR '1'='1")).isEmpty();
        assertThat(accounts(store).findByUsername("x".repeat(10_000))).isEmpty();
        assertThat(accounts(store).list()).hasSize(1);
    }
}
