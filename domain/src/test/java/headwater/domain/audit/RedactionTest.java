package headwater.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void redaction_hides_values_under_secret_names_at_any_depth() {
        Map<String, Object> redacted = Redaction.redact(Map.of("username", "ada", "password", "hunter2",
                "totpSeed", "JBSW", "nested", Map.of("apiKey", "k", "name", "n"),
                "list", List.of(Map.of("recoveryCode", "c")), "contact", Map.of("email", "a@b", "phone", "555")));
        assertThat(redacted).containsEntry("username", "ada").containsEntry("password", Redaction.REDACTED)
                .containsEntry("totpSeed", Redaction.REDACTED)
                .containsEntry("nested", Map.of("apiKey", Redaction.REDACTED, "name", "n"))
                .containsEntry("list", List.of(Map.of("recoveryCode", Redaction.REDACTED)))
                .containsEntry("contact", Map.of("email", Redaction.REDACTED, "phone", Redaction.REDACTED));
        assertThat(redacted.toString()).doesNotContain("hunter2", "JBSW");
    }
}
