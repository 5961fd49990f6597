package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.api.xtream.XtreamLogin.AccountStatus;
import headwater.api.xtream.XtreamLogin.Result;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import headwater.testkit.SettableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** The Xtream login over a real store and real Argon2id: statuses, cache, throttling, playlist tokens. */
class StoreXtreamLoginTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final InetAddress CLIENT = address("192.0.2.10");
    private static final InetAddress OTHER = address("192.0.2.99");
    private static final LoginLimits LIMITS = new LoginLimits(Duration.ofMinutes(1), 1000, 6, 3,
            Duration.ofMinutes(15));

    private final SettableClock clock = new SettableClock(NOW);
    private final CountingHasher hasher = new CountingHasher();

    /** The login, with subscriber "alice" (password "open sesame", plan gold). */
    private Fixture fixture(TestStore store, LoginLimits limits) {
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
        JdbiPlanRepository plans = new JdbiPlanRepository(store.database());
        plans.create(Plan.of("gold", "Gold", Money.of(999, "EUR")));
        subscribers.create(SubscriberDraft.of("s1", "Alice", hash("open sesame")).withPlanId("gold"));
        JdbiPlaylistTokenRepository tokens = new JdbiPlaylistTokenRepository(store.database());
        StoreXtreamLogin login = new StoreXtreamLogin(subscribers, plans, tokens, hasher, limits, clock);
        return new Fixture(login, subscribers, new PlaylistTokens(tokens, clock), tokens);
    }

    @EachDatabase
    void the_right_password_authenticates_with_plan_and_status_ignoring_username_case(TestStore store) {
        Fixture f = fixture(store, LIMITS);

        Result result = f.login().password("alice", "open sesame", CLIENT);

        assertThat(result).isInstanceOfSatisfying(Result.Authenticated.class, ok -> {
            assertThat(ok.subscriber().id()).isEqualTo("s1");
            assertThat(ok.plan().id()).isEqualTo("gold");
            assertThat(ok.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(ok.playlistTokenId()).isNull();
        });
        assertThat(f.login().password("Alice", "wrong", CLIENT)).isInstanceOf(Result.Invalid.class);
        assertThat(f.login().password("nobody", "open sesame", CLIENT)).isInstanceOf(Result.Invalid.class);
        assertThat(f.login().password("alice", "", CLIENT)).isInstanceOf(Result.Invalid.class);
        assertThat(f.login().password(null, null, CLIENT)).isInstanceOf(Result.Invalid.class);
        assertThat(f.login().password("alice", "x".repeat(10_000), OTHER)).isInstanceOf(Result.Invalid.class);
    }

    @EachDatabase
    void banned_disabled_expired_and_past_expiry_accounts_say_so_after_the_right_password(TestStore store) {
        Fixture f = fixture(store, LIMITS);
        assertThat(status(f, SubscriberStatus.BANNED, null)).isEqualTo(AccountStatus.BANNED);
        assertThat(status(f, SubscriberStatus.DISABLED, null)).isEqualTo(AccountStatus.DISABLED);
        assertThat(status(f, SubscriberStatus.EXPIRED, null)).isEqualTo(AccountStatus.EXPIRED);
        assertThat(status(f, SubscriberStatus.ACTIVE, NOW)).isEqualTo(AccountStatus.EXPIRED);
        assertThat(status(f, SubscriberStatus.ACTIVE, NOW.plusSeconds(1))).isEqualTo(AccountStatus.ACTIVE);
        assertThat(AccountStatus.EXPIRED.wire()).isEqualTo("Expired");
    }

    private static AccountStatus status(Fixture f, SubscriberStatus status, Instant expiry) {
        Subscriber current = f.subscribers().get("s1");
        f.subscribers().update(current.version(), current.draft().withStatus(status).withExpiry(expiry));
        Result result = f.login().password("alice", "open sesame", CLIENT);
        return ((Result.Authenticated) result).status();
    }

    @EachDatabase
    void a_verified_password_is_cached_until_the_ttl_or_any_change_of_the_subscriber(TestStore store) {
        Fixture f = fixture(store, LIMITS);
        f.login().password("alice", "open sesame", CLIENT);
        f.login().password("ALICE", "open sesame", CLIENT);
        assertThat(hasher.verifications.get()).as("second login from the cache").isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        f.login().password("alice", "open sesame", CLIENT);
        assertThat(hasher.verifications.get()).as("expired entry").isEqualTo(2);

        Subscriber current = f.subscribers().get("s1");
        f.subscribers().update(current.version(), current.draft().withPasswordHash(hash("new secret")));
        assertThat(f.login().password("alice", "open sesame", CLIENT)).as("old password after a change")
                .isInstanceOf(Result.Invalid.class);
        assertThat(f.login().password("alice", "new secret", CLIENT)).isInstanceOf(Result.Authenticated.class);
        assertThat(hasher.verifications.get()).isEqualTo(4);

        current = f.subscribers().get("s1");
        f.subscribers().update(current.version(), current.draft().withStatus(SubscriberStatus.BANNED));
        assertThat(((Result.Authenticated) f.login().password("alice", "new secret", CLIENT)).status())
                .as("a ban is seen at once").isEqualTo(AccountStatus.BANNED);
    }

    @EachDatabase
    void a_disabled_cache_verifies_every_time(TestStore store) {
        Fixture f = fixture(store, new LoginLimits(Duration.ZERO, 10, 6, 3, Duration.ofMinutes(15)));
        f.login().password("alice", "open sesame", CLIENT);
        f.login().password("alice", "open sesame", CLIENT);
        assertThat(hasher.verifications.get()).isEqualTo(2);
    }

    @EachDatabase
    void failures_per_account_throttle_every_address_even_with_the_right_password_until_the_window_ends(
            TestStore store) {
        Fixture f = fixture(store, LIMITS);
        for (int i = 0; i < 3; i++) {
            assertThat(f.login().password("alice", "guess" + i, address("198.51.100." + i)))
                    .isInstanceOf(Result.Invalid.class);
        }
        int verified = hasher.verifications.get();

        Result throttled = f.login().password("alice", "open sesame", OTHER);
        assertThat(throttled).isEqualTo(new Result.Throttled(Duration.ofMinutes(15)));
        assertThat(hasher.verifications.get()).as("no verification while throttled").isEqualTo(verified);

        clock.advance(Duration.ofMinutes(10));
        assertThat(f.login().password("alice", "open sesame", OTHER))
                .isEqualTo(new Result.Throttled(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(f.login().password("alice", "open sesame", OTHER)).isInstanceOf(Result.Authenticated.class);
    }

    @EachDatabase
    void failures_per_address_throttle_that_address_only_and_tokens_count_too(TestStore store) {
        Fixture f = fixture(store, LIMITS);
        for (int i = 0; i < 3; i++) {
            f.login().password("user" + i, "guess", CLIENT);
        }
        for (int i = 0; i < 3; i++) {
            f.login().token(PlaylistTokens.PREFIX + "A".repeat(43), CLIENT);
        }

        assertThat(f.login().password("alice", "open sesame", CLIENT)).isInstanceOf(Result.Throttled.class);
        assertThat(f.login().token(PlaylistTokens.PREFIX + "A".repeat(43), CLIENT))
                .isInstanceOf(Result.Throttled.class);
        assertThat(f.login().password("alice", "open sesame", OTHER)).isInstanceOf(Result.Authenticated.class);
    }

    @EachDatabase
    void a_success_clears_the_account_count_but_not_the_address_count(TestStore store) {
        Fixture f = fixture(store, LIMITS);
        f.login().password("alice", "guess1", CLIENT);
        f.login().password("alice", "guess2", CLIENT);
        f.login().password("alice", "open sesame", CLIENT);
        f.login().password("alice", "guess3", CLIENT);
        f.login().password("alice", "guess4", CLIENT);
        assertThat(f.login().password("alice", "open sesame", OTHER)).as("account count restarted")
                .isInstanceOf(Result.Authenticated.class);
        f.login().password("bob", "x", CLIENT);
        f.login().password("bob", "y", CLIENT);
        assertThat(f.login().password("alice", "open sesame", CLIENT)).as("six failures from CLIENT")
                .isInstanceOf(Result.Throttled.class);
    }

    @EachDatabase
    void a_playlist_token_stands_in_for_the_password_until_revoked(TestStore store) {
        Fixture f = fixture(store, LIMITS);
        PlaylistTokens.Issued issued = f.issuer().issue("s1", null, "Living room");
        assertThat(issued.secret()).startsWith("hw_pl_").hasSize(49).matches("[A-Za-z0-9_-]+");
        assertThat(issued.toString()).doesNotContain(issued.secret().substring(6));
        assertThat(issued.token().digest()).isNotEqualTo(issued.secret()).hasSize(64);

        Result result = f.login().token(issued.secret(), CLIENT);
        assertThat(result).isInstanceOfSatisfying(Result.Authenticated.class, ok -> {
            assertThat(ok.subscriber().id()).isEqualTo("s1");
            assertThat(ok.plan().id()).isEqualTo("gold");
            assertThat(ok.playlistTokenId()).isEqualTo(issued.token().id());
        });
        assertThat(f.tokens().find(issued.token().id()).orElseThrow().lastUsed()).isEqualTo(NOW);
        assertThat(hasher.verifications.get()).as("no Argon2id for tokens").isZero();

        assertThat(f.login().token(issued.secret().substring(0, 48) + "x", CLIENT)).isInstanceOf(Result.Invalid.class);
        assertThat(f.login().token("not a token", CLIENT)).isInstanceOf(Result.Invalid.class);
        assertThat(f.login().token(null, CLIENT)).isInstanceOf(Result.Invalid.class);

        f.tokens().revoke("s1", issued.token().id(), NOW);
        assertThat(f.login().token(issued.secret(), OTHER)).isInstanceOf(Result.Invalid.class);
    }

    private static PasswordHash hash(String password) {
        return new Argon2PasswordHasher().hash(password.toCharArray());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private record Fixture(StoreXtreamLogin login, JdbiSubscriberRepository subscribers, PlaylistTokens issuer,
                           JdbiPlaylistTokenRepository tokens) {
    }

    /** Argon2id, counting verifications. */
    private static final class CountingHasher implements PasswordHasher {
        final AtomicInteger verifications = new AtomicInteger();
        private final Argon2PasswordHasher argon2 = new Argon2PasswordHasher();

        @Override
        public PasswordHash hash(char[] password) {
            return argon2.hash(password);
        }

        @Override
        public boolean verify(char[] password, PasswordHash hash) {
            verifications.incrementAndGet();
            return argon2.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return argon2.needsRehash(hash);
        }
    }
}
