package headwater.domain.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final String DIGEST = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    private static ApiToken token(Role role, Set<ApiScope> scopes, String resellerId) {
        return ApiToken.issued("billing-script", DIGEST, role, scopes, resellerId, "cli:root", NOW, null);
    }

    @Test
    void scopes_must_be_granted_to_the_role() {
        assertThat(token(Role.SUPPORT, Set.of(ApiScope.SESSIONS_KILL, ApiScope.CATALOGUE_READ), null).scopeTexts())
                .containsExactly("catalogue:read", "sessions:kill");
        assertThatThrownBy(() -> token(Role.SUPPORT, Set.of(ApiScope.CATALOGUE_WRITE), null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("api token scopes [catalogue:write] are beyond what role SUPPORT may do");
        assertThatThrownBy(() -> token(Role.RESELLER, Set.of(ApiScope.ADMIN), "r1"))
                .hasMessageContaining("[admin] are beyond what role RESELLER may do");
        assertThatThrownBy(() -> token(Role.ADMIN, Set.of(), null)).hasMessageContaining("scopes are missing");
    }

    @Test
    void subscribers_get_no_tokens_and_resellers_name_theirs() {
        assertThatThrownBy(() -> token(Role.SUBSCRIBER, Set.of(ApiScope.CATALOGUE_READ), null))
                .hasMessageContaining("SUBSCRIBER is not a token role");
        assertThatThrownBy(() -> token(Role.RESELLER, Set.of(ApiScope.SUBSCRIBERS_READ), null))
                .hasMessageContaining("resellerId is missing");
        assertThatThrownBy(() -> token(Role.ADMIN, Set.of(ApiScope.ADMIN), "r1"))
                .hasMessageContaining("resellerId is only for RESELLER tokens");
        assertThat(token(Role.RESELLER, Set.of(ApiScope.SUBSCRIBERS_READ), "r1").resellerId()).isEqualTo("r1");
    }

    @Test
    void active_until_revoked_or_expired() {
        ApiToken expiring = ApiToken.issued("t", DIGEST, Role.ADMIN, Set.of(ApiScope.ADMIN), null, "cli:root", NOW,
                NOW.plus(Duration.ofDays(1)));
        assertThat(expiring.activeAt(NOW)).isTrue();
        assertThat(expiring.activeAt(NOW.plus(Duration.ofDays(1)))).isFalse();
        ApiToken revoked = new ApiToken("t", DIGEST, Role.ADMIN, Set.of(ApiScope.ADMIN), null, "cli:root", NOW, null,
                null, NOW);
        assertThat(revoked.activeAt(NOW)).isFalse();
        assertThatThrownBy(() -> ApiToken.issued("t", DIGEST, Role.ADMIN, Set.of(ApiScope.ADMIN), null, "cli:root",
                NOW, NOW)).hasMessageContaining("not after its creation");
    }

    @Test
    void names_and_digests_are_checked_and_the_digest_never_shown() {
        assertThatThrownBy(() -> ApiToken.issued("bad name", DIGEST, Role.ADMIN, Set.of(ApiScope.ADMIN), null, "x",
                NOW, null)).hasMessageContaining("is not an id");
        assertThatThrownBy(() -> ApiToken.issued("t", DIGEST.toUpperCase(), Role.ADMIN, Set.of(ApiScope.ADMIN), null,
                "x", NOW, null)).hasMessageContaining("digest must be 64 lower-case hex digits");
        assertThat(token(Role.ADMIN, Set.of(ApiScope.ADMIN), null).toString()).doesNotContain(DIGEST.substring(0, 8));
    }

    @Test
    void scopes_parse_singly_or_by_area_and_name_the_known_ones_when_wrong() {
        assertThat(ApiScope.parse("scope", "billing:*")).containsExactly(ApiScope.BILLING_READ, ApiScope.BILLING_WRITE);
        assertThat(ApiScope.parse("scope", "sessions:kill")).containsExactly(ApiScope.SESSIONS_KILL);
        assertThatThrownBy(() -> ApiScope.parse("scope", "root\n")).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("api token scope \"root?\" is not a scope: one of catalogue:read,");
    }

    @Test
    void support_reads_everything_and_ends_sessions_only() {
        assertThat(ApiScope.grantedTo(Role.SUPPORT)).allSatisfy(scope -> assertThat(scope.text())
                .matches(".*:read|sessions:kill"));
        assertThat(ApiScope.SESSIONS_KILL.allows(Role.SUPPORT, Set.of(ApiScope.SESSIONS_KILL))).isTrue();
        assertThat(ApiScope.CATALOGUE_WRITE.allows(Role.SUPPORT, Set.of(ApiScope.ADMIN))).isFalse();
        assertThat(ApiScope.CATALOGUE_WRITE.allows(Role.ADMIN, Set.of(ApiScope.CATALOGUE_READ))).isFalse();
        assertThat(ApiScope.CATALOGUE_WRITE.allows(Role.ADMIN, Set.of(ApiScope.ADMIN))).isTrue();
        assertThat(ApiScope.grantedTo(Role.SUBSCRIBER)).isEmpty();
    }
}
