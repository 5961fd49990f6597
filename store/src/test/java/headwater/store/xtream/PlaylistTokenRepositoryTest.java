package headwater.store.xtream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.xtream.PlaylistToken;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.time.Instant;

class PlaylistTokenRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    private static JdbiPlaylistTokenRepository tokens(TestStore store) {
        return new JdbiPlaylistTokenRepository(store.database());
    }

    /** Subscribers "ann" (with device "tv1") and "bob". */
    private static void customers(TestStore store) {
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
        subscribers.create(SubscriberDraft.of("ann", "ann", HASH));
        subscribers.create(SubscriberDraft.of("bob", "bob", HASH));
        new JdbiDeviceRepository(store.database()).create(new Device("tv1", "ann", DeviceKind.APP, null, "SER-1", null,
                null, null));
    }

    @EachDatabase
    void stores_and_finds_by_id_digest_and_subscriber(TestStore store) {
        customers(store);
        PlaylistToken first = tokens(store).create(PlaylistToken.fresh("t1", "ann", A, "tv1", "Living room", NOW));
        PlaylistToken second = tokens(store).create(PlaylistToken.fresh("t2", "ann", B, null, null,
                NOW.plusSeconds(60)));
        tokens(store).create(PlaylistToken.fresh("t3", "bob", C, null, "Phone", NOW));

        assertThat(tokens(store).find("t1")).contains(first);
        assertThat(tokens(store).findByDigest(B)).contains(second);
        assertThat(tokens(store).findByDigest("d".repeat(64))).isEmpty();
        assertThat(tokens(store).ofSubscriber("ann")).containsExactly(first, second);
        assertThat(tokens(store).ofSubscriber("nobody")).isEmpty();
    }

    @EachDatabase
    void taken_ids_and_digests_and_missing_references_are_named_without_the_digest(TestStore store) {
        customers(store);
        tokens(store).create(PlaylistToken.fresh("t1", "ann", A, null, null, NOW));

        assertThatThrownBy(() -> tokens(store).create(PlaylistToken.fresh("t1", "bob", B, null, null, NOW)))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("id t1 already exists");
        assertThatThrownBy(() -> tokens(store).create(PlaylistToken.fresh("t2", "bob", A, null, null, NOW)))
                .isInstanceOf(DuplicateKeyException.class).message().doesNotContain(A);
        assertThatThrownBy(() -> tokens(store).create(PlaylistToken.fresh("t3", "carol", B, null, null, NOW)))
                .isInstanceOf(UnknownReferenceException.class).hasMessageContaining("carol");
        assertThatThrownBy(() -> tokens(store).create(PlaylistToken.fresh("t4", "ann", B, "tv9", null, NOW)))
                .isInstanceOf(UnknownReferenceException.class).hasMessageContaining("tv9");
        assertThatThrownBy(() -> PlaylistToken.fresh("t5", "ann", "secret-by-mistake", null, null, NOW))
                .isInstanceOf(InvalidValueException.class).message().doesNotContain("secret-by-mistake");
        assertThat(tokens(store).ofSubscriber("ann")).extracting(PlaylistToken::id).containsExactly("t1");
    }

    @EachDatabase
    void revoking_keeps_the_token_with_its_first_revocation_and_only_for_its_subscriber(TestStore store) {
        customers(store);
        tokens(store).create(PlaylistToken.fresh("t1", "ann", A, null, null, NOW));

        assertThat(tokens(store).revoke("bob", "t1", NOW)).isEmpty();
        assertThat(tokens(store).find("t1").orElseThrow().active()).isTrue();

        PlaylistToken revoked = tokens(store).revoke("ann", "t1", NOW.plusSeconds(5)).orElseThrow();
        assertThat(revoked.revoked()).isEqualTo(NOW.plusSeconds(5));
        assertThat(revoked.active()).isFalse();
        assertThat(tokens(store).revoke("ann", "t1", NOW.plusSeconds(99)).orElseThrow().revoked())
                .isEqualTo(NOW.plusSeconds(5));
        assertThat(tokens(store).revoke("ann", "nope", NOW)).isEmpty();
        assertThat(tokens(store).findByDigest(A)).contains(revoked);
    }

    @EachDatabase
    void last_use_only_moves_forward(TestStore store) {
        customers(store);
        tokens(store).create(PlaylistToken.fresh("t1", "ann", A, null, null, NOW));

        tokens(store).recordUse("t1", NOW.plusSeconds(60));
        tokens(store).recordUse("t1", NOW.plusSeconds(30));

        assertThat(tokens(store).find("t1").orElseThrow().lastUsed()).isEqualTo(NOW.plusSeconds(60));
    }

    @EachDatabase
    void tokens_go_with_their_subscriber_and_their_device(TestStore store) {
        customers(store);
        tokens(store).create(PlaylistToken.fresh("t1", "ann", A, "tv1", null, NOW));
        tokens(store).create(PlaylistToken.fresh("t2", "ann", B, null, null, NOW));
        tokens(store).create(PlaylistToken.fresh("t3", "bob", C, null, null, NOW));

        new JdbiDeviceRepository(store.database()).delete("tv1");
        assertThat(tokens(store).ofSubscriber("ann")).extracting(PlaylistToken::id).containsExactly("t2");

        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).delete("ann");
        assertThat(tokens(store).findByDigest(B)).isEmpty();
        assertThat(tokens(store).ofSubscriber("bob")).extracting(PlaylistToken::id).containsExactly("t3");
    }
}
