package headwater.store.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.apitoken.ApiToken;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.identity.Role;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

class ApiTokenRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static JdbiApiTokenRepository tokens(TestStore store) {
        return new JdbiApiTokenRepository(store.database());
    }

    private static ApiToken admin(String name, String digest) {
        return ApiToken.issued(name, digest, Role.ADMIN, Set.of(ApiScope.ADMIN), null, "cli:root", NOW, null);
    }

    @EachDatabase
    void stores_every_field_and_lists_by_name(TestStore store) {
        ApiToken reseller = ApiToken.issued("zeta", B, Role.RESELLER,
                Set.of(ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE), "r1", "admin-token",
                NOW, NOW.plus(Duration.ofDays(30)));
        tokens(store).create(reseller);
        ApiToken created = tokens(store).create(admin("admin", A));

        assertThat(tokens(store).list()).containsExactly(created, reseller);
        assertThat(tokens(store).findByDigest(B)).contains(reseller);
        assertThat(tokens(store).find("admin")).contains(created);
        assertThat(tokens(store).findByDigest("c".repeat(64))).isEmpty();
    }

    @EachDatabase
    void a_taken_name_or_digest_is_refused_without_echoing_the_digest(TestStore store) {
        tokens(store).create(admin("admin", A));

        assertThatThrownBy(() -> tokens(store).create(admin("admin", B))).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("api token name admin already exists");
        assertThatThrownBy(() -> tokens(store).create(admin("other", A))).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("api token digest of token other is already stored under another name")
                .message().doesNotContain(A);
        assertThat(tokens(store).list()).extracting(ApiToken::name).containsExactly("admin");
    }

    @EachDatabase
    void revoking_keeps_the_row_and_happens_once(TestStore store) {
        tokens(store).create(admin("admin", A));
        Instant later = NOW.plusSeconds(60);

        assertThat(tokens(store).revoke("admin", later)).hasValueSatisfying(t -> assertThat(t.revoked())
                .isEqualTo(later));
        assertThat(tokens(store).revoke("admin", later.plusSeconds(1))).isEmpty();
        assertThat(tokens(store).revoke("absent", later)).isEmpty();
        assertThat(tokens(store).findByDigest(A)).hasValueSatisfying(t -> {
            assertThat(t.revoked()).isEqualTo(later);
            assertThat(t.activeAt(later)).isFalse();
        });
    }

    @EachDatabase
    void delete_removes_the_row_and_reports_whether_it_existed(TestStore store) {
        tokens(store).create(admin("cli-session-1", A));

        assertThat(tokens(store).delete("cli-session-1")).isTrue();
        assertThat(tokens(store).delete("cli-session-1")).isFalse();
        assertThat(tokens(store).list()).isEmpty();
    }

    @EachDatabase
    void record_use_only_moves_the_time_forward(TestStore store) {
        tokens(store).create(admin("admin", A));
        Instant later = NOW.plusSeconds(120);

        tokens(store).recordUse("admin", later);
        tokens(store).recordUse("admin", NOW.plusSeconds(60));
        tokens(store).recordUse("absent", later);

        assertThat(tokens(store).find("admin")).hasValueSatisfying(t -> assertThat(t.lastUsed()).isEqualTo(later));
    }

    @EachDatabase
    void the_database_holds_digests_never_tokens_and_refuses_subscriber_tokens(TestStore store) {
        tokens(store).create(admin("admin", A));
        assertThatThrownBy(() -> store.database().write(h -> h.createUpdate("INSERT INTO api_token (name, digest, "
                + "role, scopes, created_by, created_at) VALUES ('s', '" + B + "', 'SUBSCRIBER', 'admin', 'x', 1)")
                .execute())).isNotNull();
    }
}
