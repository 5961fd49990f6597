package headwater.app.cli;

import headwater.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/** One run of the command line against a data directory, with what it printed. */
record CommandRun(int code, String out, String err) {

    static CommandRun of(Path dataDir, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--data-dir", dataDir.toString()))
                .toArray(String[]::new);
        int code = Main.run(all, env, new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
