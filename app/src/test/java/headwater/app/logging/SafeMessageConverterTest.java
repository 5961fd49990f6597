package headwater.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Log injection: a value with CR/LF logged as an argument stays on its line. */
class SafeMessageConverterTest {

    @Test
    void line_breaks_and_escape_sequences_in_arguments_are_escaped() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.WARN,
                "Failed login for {}", null, new Object[] {"eve\r\n12:00:00.000 INFO  AdminApi - login ok for admin\u001b[2J"});

        String line = new SafeMessageConverter().convert(event);

        assertThat(line).isEqualTo("Failed login for eve\\r\\n12:00:00.000 INFO  AdminApi - login ok for admin\\u001b[2J")
                .doesNotContain("\n", "\r", "\u001b");
    }

    @Test
    void the_application_log_pattern_uses_it() throws Exception {
        try (var in = SafeMessageConverterTest.class.getResourceAsStream("/logback.xml")) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // class=, not the deprecated converterClass=, whose warning makes logback print its status on every start
            assertThat(xml).contains("class=\"headwater.app.logging.SafeMessageConverter\"")
                    .doesNotContain("converterClass")
                    .contains("%safeMsg%n").doesNotContain("%msg");
        }
    }
}
