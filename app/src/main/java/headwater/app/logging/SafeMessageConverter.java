package headwater.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import headwater.domain.audit.LogText;

/**
 * {@code %safeMsg} in {@code logback.xml}: the formatted message with CR, LF and other control characters escaped
 * ({@link LogText#escapeControls}), so that a value from a request (a user name, a header, a URL) logged as an
 * argument cannot start a forged log line or send terminal escape sequences.
 */
public final class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escapeControls(super.convert(event));
    }
}
