package headwater.app.cli;

import headwater.app.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of a command into a short message and exit code 1: one line per configuration problem, one line for
 * anything else. Stack traces go to the log at debug level only; an operator needs the message, not the trace.
 */
final class FailureReport implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureReport.class);

    static final int RUNTIME_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof ConfigException config) {
            err.println("headwater: invalid configuration:");
            config.problems().forEach(p -> err.println("  " + p));
        } else {
            err.println("headwater: " + oneLine(e));
        }
        err.flush();
        LOG.debug("{} failed", command.getCommandName(), e);
        return RUNTIME_FAILURE;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
