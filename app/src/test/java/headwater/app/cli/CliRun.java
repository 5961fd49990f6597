package headwater.app.cli;

import headwater.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/** A command run as a user would run it on a data directory: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(Path dataDir, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--data-dir", dataDir.toString()))
                .toArray(String[]::new);
        int code = Main.run(all, env, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
