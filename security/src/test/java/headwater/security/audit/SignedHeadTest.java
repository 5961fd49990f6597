package headwater.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedHeadTest {

    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void the_key_file_is_owner_only_and_reused_and_a_head_round_trips_through_json() throws Exception {
        Path file = dir.resolve("audit-signing.key");
        AuditSigningKey key = AuditSigningKey.readOrCreate(file);
        AuditSigningKey again = AuditSigningKey.readOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.publicKeyBase64()).isEqualTo(key.publicKeyBase64());
        SignedHead head = SignedHead.sign(42, HASH, Instant.parse("2026-11-21T20:00:00.123Z"), key);
        SignedHead parsed = SignedHead.parse(head.toJson(key));
        assertThat(parsed).isEqualTo(head);
        assertThat(parsed.signedBy(again)).isTrue();
        assertThat(key.toString()).doesNotContain(Files.readString(file).lines().findFirst().orElseThrow().substring(8));
    }

    @Test
    void an_edited_head_or_another_key_does_not_verify() {
        AuditSigningKey key = AuditSigningKey.readOrCreate(dir.resolve("a.key"));
        AuditSigningKey other = AuditSigningKey.readOrCreate(dir.resolve("b.key"));
        SignedHead head = SignedHead.sign(42, HASH, Instant.parse("2026-11-21T20:00:00Z"), key);

        assertThat(head.signedBy(other)).isFalse();
        SignedHead earlier = SignedHead.parse(head.toJson(key).replace("\"seq\": 42", "\"seq\": 41"));
        assertThat(earlier.signedBy(key)).isFalse();
    }

    @Test
    void malformed_heads_are_refused_without_quoting_them() {
        assertThatThrownBy(() -> SignedHead.parse("{\"seq\": 1, \"hash\": \"zz\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("zz");
        assertThatThrownBy(() -> SignedHead.parse("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }
}
