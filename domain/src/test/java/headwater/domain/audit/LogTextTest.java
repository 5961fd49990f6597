package headwater.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void line_breaks_and_control_characters_cannot_forge_a_line() {
        assertThat(LogText.escape("admin\r\n2026-11-21 INFO login.ok actor=root")).isEqualTo(
                "admin\\r\\n2026-11-21 INFO login.ok actor=root").doesNotContain("\n", "\r");
        assertThat(LogText.escape("a\u0000b\u001b[31mc\u0085d\u2028e\u007f")).isEqualTo(
                "a\\u0000b\\u001b[31mc\\u0085d\\u2028e\\u007f");
        assertThat(LogText.escape("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(LogText.escapeControls("{\"a\":\"x\\\"y\"}\n")).isEqualTo("{\"a\":\"x\\\"y\"}\\n");
        assertThat(LogText.escape("plain ünïcode 🎬")).isEqualTo("plain ünïcode 🎬");
        assertThat(LogText.escape(null)).isNull();
    }

    @Test
    void stored_form_escapes_every_field_and_keeps_milliseconds() {
        AuditEvent event = new AuditEvent(Instant.parse("2026-11-21T20:00:00.123456789Z"), "anonymous", "eve\nroot",
                "192.0.2.1", "login.failed", "-", "-", null, "{\"user\":\"eve\\nroot\"}", "refused:\r\nbad");
        AuditEvent stored = AuditEntry.storedForm(event);
        assertThat(stored.at()).isEqualTo(Instant.parse("2026-11-21T20:00:00.123Z"));
        assertThat(stored.actor()).isEqualTo("eve\\nroot");
        assertThat(stored.after()).isEqualTo("{\"user\":\"eve\\nroot\"}");
        assertThat(stored.outcome()).isEqualTo("refused:\\r\\nbad");
    }
}
