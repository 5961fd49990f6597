package headwater.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JavaLoggingTest {

    @Test
    void systemLoggerLinesReachLogbackWithTheirLevel() {
        JavaLogging.toLogback();
        JavaLogging.toLogback(); // twice: still one bridge, no line twice
        Logger logback = (Logger) LoggerFactory.getLogger("headwater.app.logging.JavaLoggingTest.domain");
        // its own level (INFO), whatever other tests in this JVM set on the root: logback passes it on to JUL
        logback.setLevel(ch.qos.logback.classic.Level.INFO);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logback.addAppender(lines);
        try {
            System.Logger logger = System.getLogger("headwater.app.logging.JavaLoggingTest.domain");
            logger.log(System.Logger.Level.INFO, "guide source {0}: {1} channels", "demo", 3);
            logger.log(System.Logger.Level.WARNING, "guide source demo unreachable");

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("guide source demo: 3 channels", "guide source demo unreachable");
            assertThat(lines.list).extracting(e -> e.getLevel().toString()).containsExactly("INFO", "WARN");
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
            logger.log(System.Logger.Level.INFO, "below the level: no line");
            assertThat(lines.list).hasSize(2);
        } finally {
            logback.detachAppender(lines);
            logback.setLevel(null);
        }
    }
}
