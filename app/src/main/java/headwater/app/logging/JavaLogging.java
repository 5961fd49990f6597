package headwater.app.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging, where {@link System.Logger} writes by default, to logback: the domain module logs through
 * {@code System.Logger} (it depends on no logging library), and without this its lines reached stderr in JUL's own
 * two-line format, outside logback's pattern, level and control-character escaping.
 */
public final class JavaLogging {

    private JavaLogging() {
    }

    /** Replaces JUL's console handler with the bridge to SLF4J; idempotent. */
    public static synchronized void toLogback() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
