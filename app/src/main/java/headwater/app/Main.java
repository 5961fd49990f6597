package headwater.app;

import headwater.app.cli.HeadwaterCommand;
import headwater.app.logging.JavaLogging;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code headwater}: the entry point of the jar. Exit codes: 0 done, 1 failure (a short message on stderr), 2 bad
 * usage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        JavaLogging.toLogback();
        int code = run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs one command line with {@code env} as the environment; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return run(args, env, System.in, out, err);
    }

    /** Runs one command line with {@code env} as the environment and {@code in} as standard input. */
    public static int run(String[] args, Map<String, String> env, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine line = HeadwaterCommand.commandLine(env, in);
        line.setOut(out);
        line.setErr(err);
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
