package headwater.store.identity;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.identity.SubscriberTotp;
import headwater.domain.identity.TotpSeed;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.time.Instant;
import java.util.HexFormat;

class SubscriberTotpRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final byte[] SEED = HexFormat.of().parseHex("3132333435363738393031323334353637383930");
    private static final byte[] OTHER = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");

    private final TestFieldCipher cipher = new TestFieldCipher();

    private JdbiSubscriberTotpRepository totps(TestStore store) {
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(SubscriberDraft.of("s1", "alice", HASH));
        return new JdbiSubscriberTotpRepository(store.database(), cipher);
    }

    @EachDatabase
    void a_pending_enrolment_is_stored_sealed_and_confirmed_once(TestStore store) {
        JdbiSubscriberTotpRepository totps = totps(store);

        assertThat(totps.start("s1", new TotpSeed(SEED), NOW)).isTrue();

        assertThat(totps.find("s1")).hasValue(new SubscriberTotp("s1", new TotpSeed(SEED), NOW, null,
                Long.MIN_VALUE));
        String stored = store.database().read(h -> h.createQuery("SELECT seed FROM subscriber_totp")
                .mapTo(String.class).one());
        assertThat(stored).doesNotContain(HexFormat.of().formatHex(SEED)).doesNotContain("12345678901234567890");
        assertThat(totps.confirm("s1", NOW.plusSeconds(30))).isTrue();
        assertThat(totps.confirm("s1", NOW.plusSeconds(60))).isFalse();
        assertThat(totps.find("s1").orElseThrow().confirmedAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @EachDatabase
    void a_new_start_replaces_a_pending_key_but_never_a_confirmed_one(TestStore store) {
        JdbiSubscriberTotpRepository totps = totps(store);
        totps.start("s1", new TotpSeed(SEED), NOW);

        assertThat(totps.start("s1", new TotpSeed(OTHER), NOW.plusSeconds(1))).isTrue();
        assertThat(totps.find("s1").orElseThrow().seed()).isEqualTo(new TotpSeed(OTHER));

        totps.confirm("s1", NOW.plusSeconds(2));
        assertThat(totps.start("s1", new TotpSeed(SEED), NOW.plusSeconds(3))).isFalse();
        assertThat(totps.find("s1").orElseThrow().seed()).isEqualTo(new TotpSeed(OTHER));
    }

    @EachDatabase
    void a_step_is_used_once_and_never_an_earlier_one(TestStore store) {
        JdbiSubscriberTotpRepository totps = totps(store);
        totps.start("s1", new TotpSeed(SEED), NOW);

        assertThat(totps.useStep("s1", 100)).isTrue();
        assertThat(totps.useStep("s1", 100)).isFalse();
        assertThat(totps.useStep("s1", 99)).isFalse();
        assertThat(totps.useStep("s1", 101)).isTrue();
        assertThat(totps.find("s1").orElseThrow().lastStep()).isEqualTo(101);
        assertThat(totps.useStep("nobody", 200)).isFalse();
    }

    @EachDatabase
    void removing_and_deleting_the_subscriber_end_the_enrolment(TestStore store) {
        JdbiSubscriberTotpRepository totps = totps(store);
        totps.start("s1", new TotpSeed(SEED), NOW);

        assertThat(totps.remove("s1")).isTrue();
        assertThat(totps.remove("s1")).isFalse();
        assertThat(totps.find("s1")).isEmpty();

        totps.start("s1", new TotpSeed(SEED), NOW);
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).delete("s1");
        assertThat(totps.find("s1")).isEmpty();
    }
}
