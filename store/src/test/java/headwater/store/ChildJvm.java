package headwater.store;

import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running a test class's {@code main} on this test run's class path. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java -cp <this class path> ... <main> <args>}, started fast (C1 only), native access allowed. */
    public static List<String> command(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", main.getName()));
        command.addAll(args);
        return command;
    }

    /** The arguments that name a test store's database to a child: {@code sqlite <dataDir>} or {@code postgresql <url> <user>}. */
    public static List<String> databaseArguments(DatabaseConfig config, Dialect dialect) {
        return dialect == Dialect.SQLITE ? List.of("sqlite", config.dataDir().toString())
                : List.of("postgresql", config.url(), config.user());
    }
}
